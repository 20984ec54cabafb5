import nodejieba from 'nodejieba';
import { alternation } from './alternation.js';
import type { AgencyMention } from './agencies.js';
import type { RegionContext } from './context.js';
import { loadData } from './data/load.js';
import { evidenceFor } from './regions.js';
import type { Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation, RegionLevel } from '../model/index.js';

interface TitleData {
  titles: string[];
  needsAgency: string[];
  sectionPattern: string;
  notPublicBefore: string[];
  companyTitles: string[];
}
interface SurnameData {
  compound: string[];
  single: string;
  minorityParts: string[];
}
interface CueData {
  words: string[];
  weakChars: string;
  notNames: string[];
  verbTags: string;
}


const TITLE_DATA = loadData<TitleData>('official-titles');
/** Public titles (official-titles.json), longest first so 常务副主任 is not read as 主任. */
const TITLE_RE = new RegExp(alternation(TITLE_DATA.titles), 'gu');
const TITLE_BEFORE = new RegExp(`(?:${alternation(TITLE_DATA.titles)})$`, 'u');
const NEEDS_AGENCY = new Set(TITLE_DATA.needsAgency);
/** A section of a body between it and the title: 消防救援大队|防火科|科长. */
const SECTION = new RegExp(`^${TITLE_DATA.sectionPattern}$`, 'u');
/** A title right after a company or association is a company post (供电公司总经理、党委副书记). */
/** 总经理助理、办公室主任: a company post listed before the title (a section may come between). */
const COMPANY_TITLE_BEFORE = new RegExp(`(?:${alternation(TITLE_DATA.companyTitles)})、(?:${TITLE_DATA.sectionPattern})?$`, 'u');
const COMPANY_BEFORE = new RegExp(`(?:${alternation(TITLE_DATA.notPublicBefore)})(?:[\\u4e00-\\u9fff]{0,8}[、，])?$`, 'u');

const SURNAMES = loadData<SurnameData>('official-surnames');
const SINGLE_SURNAMES = new Set(SURNAMES.single.split(''));
const MINORITY_PARTS = new Set(SURNAMES.minorityParts);
const MINORITY_PART_LENGTHS = [...new Set(SURNAMES.minorityParts.map((p) => p.length))].sort((a, b) => b - a);
/** 艾尔肯·吐尼亚孜: a transcribed name's parts joined by a middle dot (bounded, no nested repetition). */
const DOTTED_NAME = /^[\u4e00-\u9fff]{2,7}[·•・‧]/u;
const NOT_IN_DOTTED_NAME = /[会和的与及在是了]/u;
const TITLE_INSIDE = new RegExp(alternation(TITLE_DATA.titles), 'u');

/** A name with no surname after a title: 伊力哈木·沙比尔 (a dot between parts) or 索朗旺堆 (two known parts), ending at a cue. */
function minorityNameAt(text: string, from: number): string | null {
  const dotted = DOTTED_NAME.exec(text.slice(from, from + 8));
  if (dotted) {
    // The part after the dot ends at the first cue (沙比尔|主持), two to eight characters on.
    for (let given = 2; given <= 8; given++) {
      const end = from + dotted[0].length + given;
      if (!HAN.test(text[end - 1] ?? '')) return null;
      if (cueAt(text, end) === 'strong' && !/[·•・‧]/u.test(text[end] ?? '')) {
        const name = text.slice(from, end);
        // 市长恳谈会和市民·市长恳谈会: words and titles are never parts of a transcribed name.
        return NOT_IN_DOTTED_NAME.test(name) || TITLE_INSIDE.test(name) ? null : name;
      }
    }
    return null;
  }
  for (const first of MINORITY_PART_LENGTHS) {
    if (!MINORITY_PARTS.has(text.slice(from, from + first))) continue;
    for (const second of MINORITY_PART_LENGTHS) {
      const end = from + first + second;
      if (MINORITY_PARTS.has(text.slice(from + first, end)) && cueAt(text, end) === 'strong') return text.slice(from, end);
    }
  }
  return null;
}

const CUES = loadData<CueData>('official-cues');
/** Cue words by their first character, so each lookup tries only the few that can match. */
const CUE_WORDS = new Map<string, string[]>();
for (const w of CUES.words) CUE_WORDS.set(w[0]!, [...(CUE_WORDS.get(w[0]!) ?? []), w]);
const WEAK_CUE = new Set(CUES.weakChars.split(''));
const NOT_NAMES = new Set(CUES.notNames);
const VERB_TAG = new RegExp(CUES.verbTags, 'u');
const HAN = /^[\u4e00-\u9fff]$/u;
/** Names read by jieba's tags per article: far more than any article's officials with no cue after them. */
const MAX_TAGGED_NAMES = 400;
/** What comes before 刘 in 请刘局长, 向王书记: a start, punctuation or a verb of address. */
const ADDRESS_BEFORE = /^(?:|[^\u4e00-\u9fff]|[请向给让对跟找问叫称])$/u;

export interface OfficialFindings {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

/** How strongly the text at `at` marks the end of a name: punctuation or a cue word, a weak character, or not at all. */
function cueAt(text: string, at: number): 'strong' | 'weak' | null {
  const ch = text[at];
  if (ch === undefined || !HAN.test(ch)) return ch === undefined || !/[0-9A-Za-z]/u.test(ch) ? 'strong' : null;
  if (CUE_WORDS.get(ch)?.some((w) => text.startsWith(w, at))) return 'strong';
  return WEAK_CUE.has(ch) ? 'weak' : null;
}

/**
 * The person's name at `at` (after a title, or after 、 in a list of names): a surname from the
 * list, one or two given-name characters, then a cue that ends a name (表示, 说, 、, end of
 * line). jieba's part of speech never vetoes a name (it tags many real names as other words);
 * it only says where a name ends when no cue follows.
 */
export function nameAt(text: string, at: number, budget: { tags: number } = { tags: Number.POSITIVE_INFINITY }): string | null {
  const from = text[at] === ' ' ? at + 1 : at; // 负责人 孙丽
  const minority = minorityNameAt(text, from);
  if (minority) return minority;
  const compound = SURNAMES.compound.find((s) => text.startsWith(s, from));
  const surnameLength = compound ? 2 : 1;
  if (!compound && !SINGLE_SURNAMES.has(text[from] ?? '')) return null;
  const candidate = (given: number) => {
    const end = from + surnameLength + given;
    const name = text.slice(from, end);
    if ([...name].length !== surnameLength + given || ![...name].every((c) => HAN.test(c))) return null;
    if (NOT_NAMES.has(name.slice(surnameLength - 1)) || NOT_NAMES.has(name.slice(0, 2)) || name[1] === name[0]) return null; // 谈谈
    const cue = cueAt(text, end);
    return cue ? { name, cue } : null;
  };
  const short = candidate(1);
  const long = candidate(2);
  // 王强说，: 说 ends the name; 罗建华表示: 华 is part of it; 王志和表示: the word cue wins.
  if (short?.cue === 'strong') return short.name;
  if (long) return long.name;
  if (short) return short.name;
  // No cue word follows: the name ends where jieba starts a verb, preposition or adverb (王海波|发布).
  // Tagging is the costly step, so an article gets a bounded number of these (a page of titles would not).
  if (budget.tags-- <= 0) return null;
  const window = text.slice(from, from + surnameLength + 6);
  let offset = 0;
  const verbStarts = new Set<number>();
  for (const { word, tag } of nodejieba.tag(window)) {
    if (VERB_TAG.test(tag) && word.length >= 2) verbStarts.add(offset);
    offset += word.length;
  }
  for (const given of [2, 1]) {
    const name = window.slice(0, surnameLength + given);
    if (verbStarts.has(surnameLength + given) && [...name].every((c) => HAN.test(c)) && !NOT_NAMES.has(name.slice(surnameLength - 1)) && name[1] !== name[0]) return name;
  }
  return null;
}

/** The names after a title: one, or a list joined by 、 (副县长张华、陈立新分别…). */
function namesAfter(text: string, at: number, budget: { tags: number }): Array<{ name: string; start: number }> {
  const first = nameAt(text, at, budget);
  if (!first) return [];
  const start = text[at] === ' ' ? at + 1 : at;
  const out = [{ name: first, start }];
  let next = start + first.length;
  while (text[next] === '、' && out.length < 8) {
    const name = nameAt(text, next + 1, budget);
    // 陈志坚、区住房和城乡建设局…: a later item is a name only when it plainly ends there.
    if (!name || cueAt(text, next + 1 + name.length) !== 'strong') break;
    out.push({ name, start: next + 1 });
    next = next + 1 + name.length;
  }
  return out;
}

/**
 * The body part of a title as people write it: 市委书记, 区政府副区长, 管委会副主任,
 * 行政审批局局长 (the place itself is where the post is held, not part of the title).
 */
function agencyTitle(agency: AgencyMention): string {
  const core = agency.name.slice(agency.regionName?.length ?? 0).replace(/^人民政府/u, '政府');
  const level = agency.regionName?.slice(-1) ?? '';
  return /^(委|政府)/u.test(core) && /[省市区县]/u.test(level) ? level + core : core;
}

const LEVEL_OF_TITLE: Array<[RegExp, RegionLevel[]]> = [
  [/省/u, ['PROVINCE']],
  [/市/u, ['CITY', 'PROVINCE']],
  [/区/u, ['DISTRICT', 'ZONE']],
  [/县/u, ['COUNTY']],
];

/**
 * Officials: a public title next to a name (市委书记张超超, 管委会副主任崔永辉, 党组书记、局长王强,
 * 副县长张华、陈立新). The post belongs to the agency named just before the title (a section
 * may come between: 消防救援大队防火科科长), else to the place (named, or the one the article is
 * about for 市长, 区委书记). Bylines (记者 任学光, 通讯员 王凯摄) and company titles (执行总裁,
 * 董事长) are not public titles, so they never match; a public-sounding title right after a
 * company (供电公司党委书记) is the company's.
 */
export function findOfficials(text: string, sentences: readonly Sentence[], places: RegionContext, agencies: readonly AgencyMention[]): OfficialFindings {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  const budget = { tags: MAX_TAGGED_NAMES };
  // Agencies by where they end, built once: scanning all of them for every title is quadratic.
  const agencyIndicesEndingAt = new Map<number, number[]>();
  agencies.forEach((a, i) => {
    const list = agencyIndicesEndingAt.get(a.end);
    if (list) list.push(i);
    else agencyIndicesEndingAt.set(a.end, [i]);
  });
  /** The agencies ending in [from, to], in their original order. */
  const agenciesEndingNear = (from: number, to: number): AgencyMention[] => {
    const indices: number[] = [];
    for (let end = Math.max(0, from); end <= to; end++) indices.push(...(agencyIndicesEndingAt.get(end) ?? []));
    return indices.sort((x, y) => x - y).map((i) => agencies[i]!);
  };
  for (const m of text.matchAll(TITLE_RE)) {
    const titleStart = m.index;
    const titleEnd = titleStart + m[0].length;
    if (text[titleStart - 1] === '总') continue; // 总书记: a national leader quoted, not a local post
    // 请刘局长谈谈: a surname before the title is how someone is addressed, with no name after.
    if (SINGLE_SURNAMES.has(text[titleStart - 1] ?? '') && ADDRESS_BEFORE.test(text.slice(Math.max(0, titleStart - 2), titleStart - 1))) continue;
    const names = namesAfter(text, titleEnd, budget);
    if (names.length === 0) continue;

    // 党组书记、局长王强: the titles listed before the one next to the name are the same person's.
    let chainStart = titleStart;
    for (let guard = 0; guard < 4 && text[chainStart - 1] === '、'; guard++) {
      const before = TITLE_BEFORE.exec(text.slice(Math.max(0, chainStart - 9), chainStart - 1));
      if (!before) break;
      chainStart = chainStart - 1 - before[0].length;
    }
    const chain = text.slice(chainStart, titleStart);

    // The body the post is in, ending at the title or at a section of it (防火科).
    let agency: AgencyMention | null = null;
    let section = '';
    for (const a of agenciesEndingNear(chainStart - 9, chainStart)) {
      const between = text.slice(a.end, chainStart);
      if (between === '' || SECTION.test(between) || /^(?:相关|有关|主要)$/u.test(between)) {
        agency = a;
        section = between;
      }
    }
    if (!agency && COMPANY_BEFORE.test(text.slice(Math.max(0, chainStart - 24), chainStart))) continue;
    if (COMPANY_TITLE_BEFORE.test(text.slice(Math.max(0, chainStart - 16), chainStart))) continue;
    if (NEEDS_AGENCY.has(m[0]) && !agency) continue;

    const explicitRegion = places.endingAt(chainStart);
    let title = chain + m[0];
    let at: { id: string; name: string; kind: 'Agency' | 'Region' } | null = null;
    if (agency) {
      at = { id: agency.id, name: agency.name, kind: 'Agency' };
      title = agencyTitle(agency) + section + title;
    } else if (explicitRegion) {
      at = { id: explicitRegion.id, name: explicitRegion.name, kind: 'Region' };
    } else {
      const levels = LEVEL_OF_TITLE.find(([re]) => re.test(m[0]))?.[1];
      const region = levels ? places.ofLevel(levels, titleStart) : places.within(titleStart, titleEnd);
      if (region) at = { id: region.id, name: region.name, kind: 'Region' };
    }
    const regionName = at?.kind === 'Region' ? at.name : null;
    for (const { name, start } of names) {
      const id = `official:${at?.id ?? 'unknown'}:${name}`;
      const evidence = evidenceFor(text, sentences, agency?.start ?? chainStart, start + name.length);
      if (byId.has(id)) continue;
      byId.set(id, {
        id,
        type: 'Official',
        name,
        attributes: { title, region: regionName, agency: at?.kind === 'Agency' ? at.name : null },
        aliases: [],
        evidence: [evidence],
      });
      if (at) relations.push({ type: 'HOLDS', from: id, to: at.id, evidence, attributes: { title } });
    }
  }
  return { entities: [...byId.values()], relations };
}
