import type { ExtractedArticle } from '../../src/model/index.js';

/** A hand-made annotation of one seed (test/fixtures/gold/GUIDELINES.md). */
export interface Gold {
  article: string;
  regions: string[];
  agencies: string[];
  officials: Array<{ name: string; title: string }>;
  programs: string[];
  policies: string[];
  enterprises: string[];
  /** `status` is ACHIEVED (the default, when absent) or TARGET (力争到2025年压缩至30个工作日). */
  outcomes: Array<{ indicator: string; subject: string; before: number | null; after: number | null; change: number | null; unit: string; quote: string; status?: 'ACHIEVED' | 'TARGET' }>;
}

export const SCORED = ['regions', 'agencies', 'officials', 'programs', 'policies', 'enterprises', 'outcomes'] as const;
export type Scored = (typeof SCORED)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  missed: string[];
  spurious: string[];
}

const clean = (s: string) => s.replace(/[\s“”"《》「」]/gu, '');
/** Spelling variants that name the same body: 人民政府/政府, the hotline's long and short names. */
const agencyKey = (s: string) => clean(s).replace(/人民政府/u, '政府').replace(/中共/u, '').replace(/(政务服务便民|便民服务|政务服务)热线/u, '热线');

/** Names match when equal, or when one contains the other and is at least half its length. */
function overlapMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.includes(short) && short.length / long.length >= 0.5;
}

/** One-to-one greedy matching of predicted against gold items. */
function match<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean, show: (x: P | G) => string): Counts {
  const used = new Set<number>();
  let tp = 0;
  const spurious: string[] = [];
  for (const p of predicted) {
    const i = gold.findIndex((g, j) => !used.has(j) && same(p, g));
    if (i >= 0) {
      used.add(i);
      tp++;
    } else {
      spurious.push(show(p));
    }
  }
  const missed = gold.filter((_, j) => !used.has(j)).map(show);
  return { tp, fp: predicted.length - tp, fn: gold.length - tp, missed, spurious };
}

const names = (a: ExtractedArticle, type: string) => [...new Set(a.entities.filter((e) => e.type === type).map((e) => e.name))];

export function scoreArticle(a: ExtractedArticle, gold: Gold): Record<Scored, Counts> {
  const id = (x: unknown) => String(x);
  return {
    regions: match(names(a, 'Region'), gold.regions, (p, g) => p === g, id),
    agencies: match(names(a, 'Agency'), gold.agencies, (p, g) => agencyKey(p) === agencyKey(g), id),
    officials: match(names(a, 'Official'), gold.officials.map((o) => o.name), (p, g) => p === g, id),
    programs: match(names(a, 'Program').map(clean), gold.programs.map(clean), overlapMatch, id),
    policies: match(names(a, 'Policy').map(clean), gold.policies.map(clean), (p, g) => p === g, id),
    enterprises: match(names(a, 'Enterprise').map(clean), gold.enterprises.map(clean), overlapMatch, id),
    outcomes: match(
      a.outcomes,
      gold.outcomes,
      (p, g) => {
        if (p.status !== (g.status ?? 'ACHIEVED')) return false;
        const before = p.before?.value ?? null;
        const after = p.after?.value ?? null;
        if (g.before !== null || g.after !== null) return before === g.before && after === g.after;
        return before === null && after === null && p.change !== null && Math.abs(p.change.value) === Math.abs(g.change ?? NaN);
      },
      (x) => ('quote' in x ? `${x.quote} (${x.before}→${x.after}, ${x.change})` : `${x.evidence.sentence.slice(0, 30)}… (${x.before?.value ?? null}→${x.after?.value ?? null}, ${x.change?.value ?? null})`),
    ),
  };
}

export function f1(c: Pick<Counts, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The mean of the per-type F1: every type weighs the same, however many items it has. */
export function macroF1(totals: Record<Scored, Pick<Counts, 'tp' | 'fp' | 'fn'>>): number {
  return SCORED.reduce((sum, t) => sum + f1(totals[t]).f1, 0) / SCORED.length;
}

/**
 * Floors per set, checked by test/unit/eval.test.ts and marked by `npm run eval`.
 * Seeds: a regression check, no type below what it scored before the dev set existed (extractor
 * 0.3.0: regions .967, agencies .916, officials .933, programs .782, policies 1, enterprises .526,
 * outcomes .951), rounded down. Dev: the extraction issue's bar, macro-F1 ≥ 0.90 and no type below
 * 0.85 (the set we tune on scores higher than unseen text will: the gap is in docs/EXTRACTION.md).
 */
export const TARGETS: Record<'seeds' | 'dev', { types: Partial<Record<Scored, number>>; macro: number }> = {
  seeds: { types: { regions: 0.96, agencies: 0.91, officials: 0.93, programs: 0.78, policies: 1, enterprises: 0.52, outcomes: 0.95 }, macro: 0.86 },
  dev: { types: Object.fromEntries(SCORED.map((t) => [t, 0.85])), macro: 0.9 },
};
