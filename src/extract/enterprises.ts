import nodejieba from 'nodejieba';
import { alternation } from './alternation.js';
import { isUtilityName } from './agencies.js';
import type { RegionContext } from './context.js';
import { loadData } from './data/load.js';
import { evidenceFor } from './regions.js';
import type { Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation } from '../model/index.js';

interface EnterpriseData {
  suffixes: string[];
  factorySuffix: string;
  notFactoryAfter: string;
  notFactoryBefore: string;
  maxStem: number;
  minFactoryStem: number;
  stops: string[];
  stopEndings: string[];
  determiners: string[];
  industryWords: string[];
  bankBranches: string[];
  notCompanyStem: string;
  genericBankStems: string[];
  maxUnplacedStem: number;
  cutBeforeTags: string;
  listCloser: string;
  maxFirstListItem: number;
  notListItemEnding: string[];
  maxListItems: number;
  companyBranches: string[];
}

const DATA = loadData<EnterpriseData>('enterprise-words');

const SUFFIX = new RegExp(`(${alternation(DATA.suffixes)})|(${DATA.factorySuffix})(?![${DATA.notFactoryAfter}])`, 'gu');
const STOPS = new Set(DATA.stops);
const STOP_ENDING = new RegExp(`(?:${alternation(DATA.stopEndings)})$`, 'u');
const DETERMINERS = new Set(DATA.determiners);
const INDUSTRY = new Set(DATA.industryWords);
const NOT_COMPANY_STEM = new RegExp(DATA.notCompanyStem, 'u');
const GENERIC_BANK = new Set(DATA.genericBankStems);
const CUT_BEFORE = new RegExp(DATA.cutBeforeTags, 'u');
/** 六家银行, 两所一公司: a count of companies, not a name. */
const COUNTED = /^(?:[一二两三四五六七八九十几数多百千]{1,3}家|[一二两三四五六七八九十几])$/u;
const BANK_BRANCH = new RegExp(`^([\\u4e00-\\u9fff]{2,8}?)(?:${alternation(DATA.bankBranches)})`, 'u');
const COMPANY_BRANCH = new RegExp(`^([\\u4e00-\\u9fff]{2,8}?)(?:${alternation(DATA.companyBranches)})`, 'u');
const LIST_CLOSER = new RegExp(DATA.listCloser, 'gu');
const ENDS_WITH_SUFFIX = new RegExp(`(?:${alternation(DATA.suffixes)})$`, 'u');
const NOT_LIST_ITEM = new RegExp(`(?:${alternation(DATA.notListItemEnding)})$`, 'u');
/** Punctuation ends the phrase a name can be part of (管委会+公司 is two things). */
const BOUNDARY = /[，。；、：“”‘’《》（）()\s!！?？,;:·+＋/|【】\[\]「」—…\d]/u;
/** A place written in brackets inside a name: 于格酒业（广东）有限公司. */
const BRACKETED_PLACE = /[（(][\u4e00-\u9fff]{2,6}[）)]$/u;
/** A company kind written in brackets inside a name: 西宁供水（集团）有限责任公司. */
const BRACKETED_KIND = /^[（(](?:集团|控股|股份)[）)]$/u;
const BRACKETED_KIND_WORDS = new Set(['集团', '控股', '股份']);

/**
 * Enterprises: a company suffix (有限公司, 集团, 银行, 公司, a clear 厂) and the name before it,
 * read back to the clause boundary: punctuation, a stop word (与, 为, 帮助, 对接 …, whole words
 * as jieba cuts them, so 华为 keeps its 为) or a cap of characters. A name that starts with a
 * place is never cut by part of speech (jieba tags name words such as 节能 as verbs); only a long
 * run with no place in front loses the words up to its last verb. 某食品科技有限公司,
 * 一家物联网公司 and 该公司 name no particular company; state-grid utilities are agencies.
 * Lists closed by 等…企业 name companies by their short names.
 */
export function findEnterprises(text: string, sentences: readonly Sentence[], places: RegionContext): { entities: ExtractedEntity[]; relations: ExtractedRelation[] } {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  // Place mentions by where they start, built once: scanning every place per suffix is quadratic.
  const placeAt = new Map(places.mentions.map((p) => [p.start, p] as const));
  const add = (name: string, start: number, end: number) => {
    const id = `enterprise:${name}`;
    if (byId.has(id)) return;
    const evidence = evidenceFor(text, sentences, start, end);
    byId.set(id, { id, type: 'Enterprise', name, attributes: {}, aliases: [], evidence: [evidence] });
    // A company named after its place (石家庄四药集团) is located there.
    const region = placeAt.get(start);
    if (region) {
      byId.get(id)!.attributes = { region: region.name };
      relations.push({ type: 'LOCATED_IN', from: id, to: region.id, evidence });
    }
  };
  let lastEnd = 0;
  for (const m of text.matchAll(SUFFIX)) {
    const isFactory = m[2] !== undefined;
    let suffixEnd = m.index + m[0].length;
    // 西宁供水（集团）有限责任公司: the bracketed 集团 is inside the name the next suffix ends.
    if (BRACKETED_KIND_WORDS.has(m[0]) && /[（(]/u.test(text[m.index - 1] ?? '') && /[）)]/u.test(text[suffixEnd] ?? '')) continue;
    let before = text.slice(Math.max(lastEnd, m.index - DATA.maxStem - 8), m.index);
    const bracket = BRACKETED_PLACE.exec(before)?.[0] ?? '';
    before = before.slice(0, before.length - bracket.length);
    const beforeStart = m.index - bracket.length - before.length;
    const placeStarts = new Set<number>();
    for (let k = beforeStart; k < m.index; k++) if (placeAt.has(k)) placeStarts.add(k - beforeStart);
    let stem = nameStem(before, placeStarts);
    if (stem === null) continue;
    // 正在并行推进完善基金管理公司: a long run with no place at its start is cut after its last verb.
    if (stem.length > DATA.maxUnplacedStem && !placeAt.has(m.index - bracket.length - stem.length)) {
      stem = afterLastFunctionWord(stem);
    }
    if (isFactory && nodejieba.cut(stem + m[0]).at(-1) === '工厂') continue; // 数字工厂, 绿色工厂
    const body = stem + bracket;
    // A bracketed kind (（集团）, （控股）) makes place + trade a company's own name.
    if (!BRACKETED_KIND.test(bracket) && !isSpecific(stem, m[0], placeAt, m.index - body.length)) continue;
    if (BRACKETED_KIND.test(bracket) && [...stem].length < 2) continue;
    if (isFactory && (stem.length < DATA.minFactoryStem || DATA.notFactoryBefore.includes(stem.slice(-1)))) continue;
    const start = m.index - body.length;
    let name = body + m[0];
    // 中国建设银行长沙分行, 华为技术有限公司湖南分公司: the branch is the company's, named together.
    if (m[0] === '银行' || /有限(?:责任)?公司$|集团$/u.test(m[0])) {
      const branch = (m[0] === '银行' ? BANK_BRANCH : COMPANY_BRANCH).exec(text.slice(suffixEnd, suffixEnd + 12));
      // A bank's branch is named right after it (长沙分行); a company's by a place or a number
      // (湖南分公司, 第一分公司), not by whatever clause runs up to the next 分公司.
      const named = m[0] === '银行' ? !STOPS.has(branch?.[1]!.slice(0, 1) ?? '') : placeAt.has(suffixEnd) || /^第/u.test(branch?.[1] ?? '');
      if (branch && named) {
        name += branch[0];
        suffixEnd += branch[0].length;
      }
    }
    if (isUtilityName(name)) continue;
    lastEnd = suffixEnd;
    add(name, start, suffixEnd);
  }

  // 走访了中电科、中石化、农业银行等多家企业: the items of a list of companies, by their short names.
  for (const m of text.matchAll(LIST_CLOSER)) {
    let end = m.index;
    for (let k = 0; k < DATA.maxListItems; k++) {
      let i = end;
      while (i > 0 && end - i < DATA.maxStem && /[\u4e00-\u9fffA-Za-z]/u.test(text[i - 1]!)) i--;
      const raw = text.slice(i, end);
      let stem = nameStem(raw);
      if (stem === null) break;
      // The first item runs back into its clause (充分发挥石药): it keeps what follows the last verb.
      // Full names (辽宁省鑫冠乔家居有限公司) were read by their suffix above.
      const hasSuffix = ENDS_WITH_SUFFIX.test(stem);
      if (text[i - 1] !== '、' && !hasSuffix) {
        stem = afterLastFunctionWord(stem);
        if (stem.length > DATA.maxFirstListItem && !placeAt.has(end - stem.length)) break;
      }
      if (!hasSuffix && stem.length >= 2 && stem.length <= 10 && !NOT_LIST_ITEM.test(stem) && isSpecific(stem, '', placeAt, end - stem.length) && !isUtilityName(stem)) {
        add(stem, end - stem.length, end);
      }
      if (text[i - 1] !== '、' || stem.length < raw.length) break;
      end = i - 1;
    }
  }
  return mergeShortNames([...byId.values()], relations);
}

/**
 * 恒安公司 after 上海恒安包装材料有限公司 (以下简称恒安公司) is the same company: a short name whose
 * name word is in a longer name the article gives becomes that name's alias.
 */
const FULL_NAME = /(?:有限公司|有限责任公司|集团|公司)$/u;

function mergeShortNames(entities: ExtractedEntity[], relations: ExtractedRelation[]) {
  const dropped = new Set<string>();
  for (const short of entities) {
    const word = short.name.replace(/(?:有限公司|公司|集团)$/u, '');
    if (word.length < 2 || word.length > 4) continue;
    // 石药 (from a list) is 石药集团; 恒安公司 needs a name longer than 恒安有限公司 to be a short form.
    const longer = word === short.name ? 0 : 2;
    const full = entities.find((e) => e !== short && !dropped.has(e.id) && e.name.length > short.name.length + longer && FULL_NAME.test(e.name) && e.name.includes(word));
    if (!full) continue;
    dropped.add(short.id);
    if (!full.aliases.includes(short.name)) full.aliases.push(short.name);
  }
  return { entities: entities.filter((e) => !dropped.has(e.id)), relations: relations.filter((r) => !dropped.has(r.from)) };
}

/**
 * The words before a suffix back to the clause boundary, or null when a determiner (某, 一家,
 * 该, 我) says the text means no particular company.
 */
function nameStem(before: string, placeStarts: ReadonlySet<number> = new Set()): string | null {
  let clause = before;
  for (let i = before.length - 1; i >= 0; i--) {
    if (BOUNDARY.test(before[i]!)) {
      clause = before.slice(i + 1);
      break;
    }
  }
  clause = clause.slice(-DATA.maxStem);
  if (clause === '') return '';
  const clauseStart = before.length - clause.length;
  const words = nodejieba.cut(clause);
  const offsets: number[] = [];
  for (let i = 0, at = clauseStart; i < words.length; at += words[i]!.length, i++) offsets.push(at);
  let stem = '';
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (DETERMINERS.has(word) || (stem === '' && COUNTED.test(word))) return null;
    if (STOPS.has(word) || (STOP_ENDING.test(word) && stem !== '')) {
      // 江西木匠帮家居有限公司: a one-character stop inside a name that starts with a place.
      if (word.length === 1) {
        for (let j = i - 2; j >= 0 && !STOPS.has(words[j]!) && !DETERMINERS.has(words[j]!); j--) {
          if (placeStarts.has(offsets[j]!)) return words.slice(j, i).join('') + word + stem;
        }
      }
      break;
    }
    stem = word + stem;
  }
  return stem;
}

/** A name, not a kind of company: it has a word that is neither an industry nor a place (科技公司 is none). */
function isSpecific(stem: string, suffix: string, placeAt: ReadonlyMap<number, { end: number }>, start: number): boolean {
  if ([...stem].length < 2 || NOT_COMPANY_STEM.test(stem)) return false;
  if (/^[子分母总]?$/u.test(stem)) return false;
  // The part after the places the text names (湖南|金穗节能环保科技): 长沙银行 is a bank of its own.
  let at = start;
  for (let p = placeAt.get(at); p && p.end <= start + stem.length; p = placeAt.get(at)) at = p.end;
  const rest = stem.slice(at - start);
  if (rest === '') return suffix === '银行' || suffix.includes('集团');
  // 株洲农商银行 and 农业银行 are banks' names; 商业银行, 农村商业银行 kinds of bank.
  if (suffix === '银行') return rest !== stem || !nodejieba.cut(rest).every((w) => GENERIC_BANK.has(w));
  return nodejieba.cut(rest).some((w) => !INDUSTRY.has(w));
}

/** The words of a stem after its last verb, preposition, conjunction, adverb or number. */
function afterLastFunctionWord(stem: string): string {
  const tagged = nodejieba.tag(stem);
  let from = 0;
  let at = 0;
  for (const { word, tag } of tagged) {
    at += word.length;
    if (CUT_BEFORE.test(tag) && at < stem.length) from = at;
  }
  return stem.slice(from);
}
