import type { AgencyMention } from './agencies.js';
import type { RegionContext } from './context.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation } from './types.js';

const TITLE = /《([^《》\n]{2,80})》/gu;
/** Certificates and licences are written in 《》 too (《建设工程规划许可证》): documents, not policies. */
const CERTIFICATE = /(证|证书|执照|许可证|登记证)$/u;
/** Verbs that say a body issued the document: 出台, 印发, 制定 … */
const ISSUED = /(出台|印发|制定|发布|颁布|下发|出台了|印发了|制定了|发布了)[^，。；]{0,4}$/u;

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
  for (const m of text.matchAll(TITLE)) {
    const name = m[1]!.trim();
    if (CERTIFICATE.test(name)) continue;
    const id = `policy:${name}`;
    const start = m.index;
    const end = start + m[0].length;
    const evidence = evidenceFor(text, sentences, start, end);
    mentions.push({ start, end, id });
    if (!byId.has(id)) byId.set(id, { id, type: 'Policy', name, attributes: {}, aliases: [], evidence: [evidence] });

    const sentence = sentenceAt(sentences, start);
    const clauseStart = Math.max(sentence?.start ?? 0, text.lastIndexOf('，', start) + 1, text.lastIndexOf('。', start) + 1);
    if (!ISSUED.test(text.slice(clauseStart, start))) continue;
    const issuers = agencies.filter((a) => a.start >= clauseStart && a.end <= start);
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
