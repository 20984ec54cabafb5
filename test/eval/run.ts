/**
 * `npm run eval`: the extractor against the hand-made gold annotations of the seeds
 * (test/fixtures/gold/*.json): precision, recall and F1 per type, micro-averaged over the seeds.
 * `--verbose` lists what was missed and what was spurious.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/article.js';
import { f1, scoreArticle, SCORED, TARGETS, type Counts, type Gold, type Scored } from './score.js';

export const GOLD_DIR = 'test/fixtures/gold';
export const SEEDS_DIR = 'seeds';

export function evaluateSeeds(): { totals: Record<Scored, Counts>; perArticle: Array<{ article: string; scores: Record<Scored, Counts> }> } {
  const totals = Object.fromEntries(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0, missed: [], spurious: [] }])) as unknown as Record<Scored, Counts>;
  const perArticle = [];
  for (const file of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8')) as Gold;
    const extracted = extractArticle(readFileSync(join(SEEDS_DIR, gold.article)), { source: gold.article });
    const scores = scoreArticle(extracted, gold);
    perArticle.push({ article: gold.article, scores });
    for (const t of SCORED) {
      totals[t].tp += scores[t].tp;
      totals[t].fp += scores[t].fp;
      totals[t].fn += scores[t].fn;
      totals[t].missed.push(...scores[t].missed.map((m) => `${gold.article.slice(0, 3)}: ${m}`));
      totals[t].spurious.push(...scores[t].spurious.map((m) => `${gold.article.slice(0, 3)}: ${m}`));
    }
  }
  return { totals, perArticle };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const { totals } = evaluateSeeds();
  console.log('type         precision  recall     F1   target   (tp/fp/fn)');
  for (const t of SCORED) {
    const { precision, recall, f1: f } = f1(totals[t]);
    const target = TARGETS[t];
    const mark = target === undefined ? '' : f >= target ? `  ≥${target} ok` : `  <${target} MISS`;
    console.log(`${t.padEnd(12)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(7)} ${f.toFixed(3).padStart(6)}${mark.padEnd(10)} (${totals[t].tp}/${totals[t].fp}/${totals[t].fn})`);
    if (verbose) {
      for (const m of totals[t].missed) console.log(`    missed   ${m}`);
      for (const s of totals[t].spurious) console.log(`    spurious ${s}`);
    }
  }
}
