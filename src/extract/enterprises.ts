import nodejieba from 'nodejieba';
import type { RegionContext } from './context.js';
import { evidenceFor } from './regions.js';
import type { Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation } from './types.js';

const SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团|银行|公司)/gu;
/** Suffix words that name no particular company: 该公司, 子公司, 分公司, 各银行. */
const GENERIC_STEM = /^(该|本|子|分|母|各|此|两|多家|一家|上市|基金管理|国外|外资|民营|国有|相关|有关|其|的)?$/u;
/** Parts of speech that can be part of a company name (nouns, places, names, abbreviations …). */
const NAME_POS = /^(n|nr|ns|nt|nz|nrt|nrfg|j|eng|vn|an|a|b|m|q|x|l|i)$/u;
/** At least one word of the name must be a noun-like word, not only numbers (两所一公司). */
const NOUN_POS = /^(n|nr|ns|nt|nz|nrt|nrfg|j|eng|x)$/u;

/**
 * Enterprises: a company suffix (有限公司, 集团, 银行) and the noun phrase before it, found by
 * tagging only that short window (nodejieba `tag` is far slower than `cut`, so it never sees the
 * whole text). State-grid branches are agencies, not enterprises.
 */
export function findEnterprises(text: string, sentences: readonly Sentence[], places: RegionContext): { entities: ExtractedEntity[]; relations: ExtractedRelation[] } {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(SUFFIX)) {
    const suffixEnd = m.index + m[0].length;
    const windowStart = Math.max(lastEnd, m.index - 16);
    const window = text.slice(windowStart, m.index);
    // Punctuation and joining words (与, 和, 为 …) end the phrase a name can be part of.
    const clause = /[^，。；、：“”《》（）()\s!！?？,;:·与和及的在为对向是等把被将从由]*$/u.exec(window)?.[0] ?? '';
    const stem = nameStem(clause);
    if (GENERIC_STEM.test(stem) || stem.length < 2 || stem.startsWith('国网')) continue;
    const start = m.index - stem.length;
    const name = stem + m[0];
    lastEnd = suffixEnd;
    const id = `enterprise:${name}`;
    const evidence = evidenceFor(text, sentences, start, suffixEnd);
    if (byId.has(id)) continue;
    byId.set(id, { id, type: 'Enterprise', name, attributes: {}, aliases: [], evidence: [evidence] });
    // A company named after its place (石家庄四药集团) is located there.
    const region = places.mentions.find((p) => p.start === start);
    if (region) {
      byId.get(id)!.attributes = { region: region.name };
      relations.push({ type: 'LOCATED_IN', from: id, to: region.id, evidence });
    }
  }
  return { entities: [...byId.values()], relations };
}

/** The longest run of name-like words that ends the clause. */
function nameStem(clause: string): string {
  if (clause === '') return '';
  const tagged = nodejieba.tag(clause);
  let stem = '';
  let nouns = 0;
  for (let i = tagged.length - 1; i >= 0; i--) {
    const { word, tag } = tagged[i]!;
    if (!NAME_POS.test(tag)) break;
    if (NOUN_POS.test(tag)) nouns++;
    stem = word + stem;
  }
  return nouns > 0 ? stem : '';
}
