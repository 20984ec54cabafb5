import type { AgencyMention } from './agencies.js';
import type { RegionContext } from './context.js';
import { loadData } from './data/load.js';
import { evidenceFor, MEDIA } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation } from '../model/index.js';

const TITLE = /《([^《》\n]{2,80})》/gu;

interface PolicyCues {
  suffixes: string[];
  counted: string;
  before: string[];
  certificates: string[];
}
const CUES = loadData<PolicyCues>('policy-cues');
const COUNTED = new RegExp(CUES.counted, 'u');
/** An edition note after the kind of document: （试行）, (2023年版), （征求意见稿）. */
const EDITION = /[（(][^（）()]{1,12}[）)]$/u;

/**
 * Whether a 《》 title names a policy: not a certificate (《建设工程规划许可证》) nor an outlet
 * (《人民日报》, 《北海新闻》, 《X发布》); a document kind at its end (条例, 意见, 方案, 办法 …, or a
 * count of articles: 二十条), or else an issuing or citing verb right before it (印发《…》).
 */
export function isPolicyTitle(name: string, textBefore: string): boolean {
  const bare = name.replace(EDITION, '');
  if (CUES.certificates.some((c) => bare.endsWith(c))) return false;
  if (CUES.suffixes.some((c) => bare.endsWith(c)) || COUNTED.test(bare) || bare.startsWith('关于')) return true;
  if (MEDIA.titleSuffixes.some((m) => bare.endsWith(m))) return false;
  return CUES.before.some((v) => textBefore.endsWith(v));
}
/** Verbs that say a body issued the document: 出台, 印发, 制定 … */
const ISSUED = /(出台|印发|制定|发布|颁布|下发|出台了|印发了|制定了|发布了)[^，。；]{0,4}$/u;

/** Characters an issuing clause may run before a title (河北省委、省政府近日联合印发《…》). */
const MAX_CLAUSE = 200;

export interface PolicyMention {
  start: number;
  end: number;
  id: string;
}

/**
 * Policies: document titles in 《》. The issuer is the agency (or, failing one, the place) named
 * before an issuing verb in the same clause: 河北省委、省政府出台《…》.
 */
export function findPolicies(
  text: string,
  sentences: readonly Sentence[],
  places: RegionContext,
  agencies: readonly AgencyMention[],
): { entities: ExtractedEntity[]; relations: ExtractedRelation[]; mentions: PolicyMention[] } {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  const mentions: PolicyMention[] = [];
  const seen = new Set<string>();
  // Agencies by start (with their place in `agencies`), for the ones inside an issuing clause:
  // filtering all of them for every title is quadratic on a long article.
  const byStart = agencies.map((a, index) => ({ a, index })).sort((x, y) => x.a.start - y.a.start || x.index - y.index);
  const agenciesWithin = (from: number, to: number): AgencyMention[] => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.a.start < from) lo = mid + 1;
      else hi = mid;
    }
    const inside: Array<{ a: AgencyMention; index: number }> = [];
    for (let k = lo; k < byStart.length && byStart[k]!.a.start < to; k++) if (byStart[k]!.a.end <= to) inside.push(byStart[k]!);
    return inside.sort((x, y) => x.index - y.index).map((x) => x.a);
  };
  for (const m of text.matchAll(TITLE)) {
    // Names are written without quotation marks (GUIDELINES.md): 《工业项目“拿地即开工”实施方案》.
    const name = m[1]!.trim().replace(/[“”‘’"]/gu, '');
    if (!isPolicyTitle(name, text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const id = `policy:${name}`;
    const start = m.index;
    const end = start + m[0].length;
    const evidence = evidenceFor(text, sentences, start, end);
    mentions.push({ start, end, id });
    if (!byId.has(id)) byId.set(id, { id, type: 'Policy', name, attributes: {}, aliases: [], evidence: [evidence] });

    const sentence = sentenceAt(sentences, start);
    // Looked for within a bounded stretch before the title: lastIndexOf over the whole text, for
    // every title of a long unpunctuated article, is quadratic. No clause is that long.
    const floor = Math.max(sentence?.start ?? 0, start - MAX_CLAUSE);
    const before = text.slice(floor, start);
    const clauseStart = floor + Math.max(before.lastIndexOf('，'), before.lastIndexOf('。')) + 1;
    if (!ISSUED.test(text.slice(clauseStart, start))) continue;
    const issuers = agenciesWithin(clauseStart, start);
    const targets = issuers.length > 0 ? issuers.map((a) => a.id) : [places.within(clauseStart, start)?.id].filter((x): x is string => !!x);
    for (const to of targets) {
      const key = `${id}|${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      relations.push({ type: 'ISSUED_BY', from: id, to, evidence });
    }
  }
  return { entities: [...byId.values()], relations, mentions };
}
