import { alternation, escapeRegExp } from './alternation.js';
import { firstUnits, matchesFromUnits } from './anchoredScan.js';
import { placeRef, type PlaceRef, type RegionContext } from './context.js';
import { loadData } from './data/load.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import { CodeUnitTrie } from './trie.js';
import type { AgencyKind, ExtractedEntity, ExtractedRelation, RegionLevel } from '../model/index.js';

/** An agency where the text names it: used by officials and programs to attach to it. */
export interface AgencyMention {
  start: number;
  end: number;
  id: string;
  name: string;
  /** The place whose name begins the canonical name, when there is one. */
  regionName: string | null;
  /** The region the agency belongs to (for a zone branch, the zone), and its level. */
  region: PlaceRef | null;
  kind?: AgencyKind;
}

export interface AgencyFindings {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  mentions: AgencyMention[];
}

interface CoreRow {
  kind: AgencyKind;
  names?: string[];
  pattern?: string;
  bare?: RegionLevel[];
  canonical?: string;
  strictLevelWord?: boolean;
}
interface SuffixData {
  generic: string[];
  genericSuffixNotBefore: Record<string, string>;
  stemStops: string;
  minStem: number;
  maxStem: number;
  notBodies: string[];
  branches: string[];
  maxBranchStem: number;
  levelWordBefore: string;
  levelWordAfter: Record<string, string[]>;
  sourceLineCues: string[];
  stemVerbs: string[];
  stemNotBody: string[];
  unnamedBranches: string[];
  levelWordAfterExceptions: Record<string, string[]>;
}
interface NationalData {
  bodies: Array<{ name: string; short: string[] }>;
  ministries: string[];
  genericNational: string;
  notNationalStem: string;
}


/**
 * Agency cores (agency-cores.json): the body's own name, which follows a place
 * (石家庄市|行政审批局) or a level word that stands for the place the article is about
 * (市|行政审批局, 区委, 省政府).
 */
const CORES = loadData<{ rows: CoreRow[] }>('agency-cores').rows;
/** The literal core names: one regex alternating hundreds of names is slow to scan with. */
const CORE_TRIE = new CodeUnitTrie<number>();
const CORE_PATTERNS: Array<{ re: RegExp; row: number }> = [];
CORES.forEach((core, row) => {
  if (core.pattern) CORE_PATTERNS.push({ re: new RegExp(core.pattern, 'gu'), row });
  for (const name of core.names ?? []) CORE_TRIE.add(name, row);
});

/** Every core the text names: at each position the longest (an earlier row on a tie), in text order. */
function coreMatches(text: string): Array<{ index: number; text: string; row: number }> {
  // Ends, not texts: a start's matches are many prefixes, and only the one kept is sliced (below).
  const best = new Map<number, { index: number; end: number; row: number }>();
  const keep = (index: number, end: number, row: number) => {
    const held = best.get(index);
    if (!held || end > held.end || (end === held.end && row < held.row)) best.set(index, { index, end, row });
  };
  for (let i = 0; i < text.length; i++) CORE_TRIE.forEachAt(text, i, (end, row) => keep(i, end, row));
  for (const { re, row } of CORE_PATTERNS) for (const m of text.matchAll(re)) keep(m.index, m.index + m[0].length, row);
  return [...best.values()].sort((a, b) => a.index - b.index).map(({ index, end, row }) => ({ index, text: text.slice(index, end), row }));
}

const SUFFIXES = loadData<SuffixData>('agency-suffixes');
const GENERIC_SUFFIX = [...SUFFIXES.generic]
  .sort((a, b) => b.length - a.length)
  .map((s) => escapeRegExp(s) + (SUFFIXES.genericSuffixNotBefore[s] ? `(?![${SUFFIXES.genericSuffixNotBefore[s]}])` : ''))
  .join('|');
/** A body not in the core list: a short name and a generic suffix, read right after a place. */
const GENERIC_BODY = new RegExp(`([\\u4e00-\\u9fff]{1,${SUFFIXES.maxStem}}?)(${GENERIC_SUFFIX})`, 'uy');
const STEM_STOP = new RegExp(`[${SUFFIXES.stemStops}]|${GENERIC_SUFFIX}|中心|队|${alternation([...SUFFIXES.stemVerbs, ...SUFFIXES.stemNotBody])}`, 'u');
/** A leading or coordinating group's office, read right after a place or level word (bounded, lazy). */
const GROUP_OFFICE = /[\u4e00-\u9fff“”"‘’+]{2,18}?(?:领导小组|协调小组|工作小组|指挥部)办公室/uy;
/** Words that make the span a clause rather than a name (承担…的办公室). */
const GROUP_OFFICE_STOP = /[的了在是对向及等为将把被从由到让给各该有这那其们说每已要就也都还并又再即]/u;
const NOT_A_BODY = new RegExp(`(?:${alternation(SUFFIXES.notBodies)})$`, 'u');
const BRANCH = new RegExp(`^([\\u4e00-\\u9fff]{0,${SUFFIXES.maxBranchStem}}?)(${alternation(SUFFIXES.branches)})`, 'u');
const BRANCH_STEM_STOP = new RegExp(`[${SUFFIXES.stemStops}]|局|委`, 'u');
/** A source line or byline (来源：X省人民政府网站, 责任编辑：…) names no body the article is about. */
const SOURCE_LINE = new RegExp(`(?:${alternation(SUFFIXES.sourceLineCues)})\\s{0,2}[:：][^。！？\\n]{0,40}$`, 'u');

const NATIONAL_DATA = loadData<NationalData>('agency-national');
const NATIONAL_NAMES = new Map<string, string>();
for (const b of NATIONAL_DATA.bodies) for (const n of [b.name, ...b.short]) NATIONAL_NAMES.set(n, b.name);
/** A ministry's name inside a local body (省财政厅, 市商务局) is not the ministry: hence the look-behind. */
export const NATIONAL = new RegExp(
  `(?<![省市区县])(?:${alternation([...NATIONAL_NAMES.keys(), ...NATIONAL_DATA.ministries])})(?!门)|${NATIONAL_DATA.genericNational}`,
  'gu',
);
export const NATIONAL_STICKY = new RegExp(NATIONAL.source, 'uy');
/** Where a national body's name can begin: NATIONAL opens with a look-behind, so the engine would try every character. */
export const NATIONAL_FIRST = firstUnits([...NATIONAL_NAMES.keys(), ...NATIONAL_DATA.ministries], [NATIONAL_DATA.genericNational]);
const NOT_NATIONAL_STEM = new RegExp(`[${NATIONAL_DATA.notNationalStem}]`, 'u');

/** The level a one-character place word stands for: 市委 is the city's, 区政府 the district's. */
const LEVEL_WORDS: Record<string, RegionLevel[]> = {
  省: ['PROVINCE'],
  市: ['CITY', 'PROVINCE'],
  区: ['DISTRICT', 'ZONE'],
  县: ['COUNTY'],
};
const ZONE_WORDS = /(开发区|经开区|高新区|园区|新区)$/u;

const HOTLINE = /“?12345”?(?:政务服务便民|便民服务|政务服务|市民服务)?热线/gu;
/** State-grid utilities: 国网石家庄供电公司, and a place's 供电公司 (团风县供电公司). */
const UTILITY = /国网[\u4e00-\u9fff]{2,8}?(?:供电分公司|供电公司|电力有限公司|电力公司)/gu;
const PLACE_UTILITY = /^(?:供电分公司|供电公司)/u;
/**
 * Public service centres named by what they do (新时代文明实践中心, 智慧蓉城运行中心), after the
 * verb that sets them up or uses them; their place is a prefix or the one the text is about.
 */
const CENTER = /(?:设立|设置|成立|组建|优化|发挥|依托|建成|建立)([\u4e00-\u9fff]{2,12}?(?:服务中心|运行中心|运维中心|实践中心|指挥中心))/gu;
const CENTER_LEVEL_WORDS = /^(?:区级|市级|县级|省级|全市|全区|全县)/u;
/** More centres listed after the first: 设置A服务中心、B运维中心、C服务中心. */
const CENTER_LIST_ITEM = /^[、和及]([\u4e00-\u9fff]{2,12}?(?:服务中心|运行中心|运维中心|实践中心|指挥中心))/u;
const INSIDE_TITLE = /《[^《》\n]{0,40}$/u;
/** 北流市人民政府门户网站: the site, in a dateline or a source line, not the body. */
const ONLY_A_WEBSITE_AFTER = /^(?:门户网站|网站|官网|网|公众号|客户端|微信|微博)/u;
/** Words before a core that make it no particular body: 该局, 各部门, 两级审批局. */
const NOT_A_BODY_BEFORE = /(该|各|本|两级|全|我)$/u;
/** Before a level word: 全市, 各县 (各县市) are every place; 我市, 该区 are the one the text is about. */
const NOT_ONE_PLACE_BEFORE = /(各|两级|全|多|每)[省市区县]?$/u;

/** A utility's own name (国网石家庄供电公司, 团风县供电公司): an agency, so never an enterprise. */
export function isUtilityName(name: string): boolean {
  return /^国网/u.test(name) || /供电(?:分)?公司$/u.test(name);
}

const LEVEL_WORD_BEFORE = new Set(SUFFIXES.levelWordBefore.split(''));
const LEVEL_WORD_AFTER_EXCEPTIONS = new Map(Object.entries(SUFFIXES.levelWordAfterExceptions));
const LEVEL_WORD_AFTER = new Map(Object.entries(SUFFIXES.levelWordAfter).map(([ch, words]) => [ch, new RegExp(`^(?:${alternation(words)})`, 'u')]));

/** What a list of bodies holds between one and the next 、 (the characters the check below allows). */
function isListUnit(unit: number): boolean {
  return (unit >= 0x4e00 && unit <= 0x9fff) || unit === 0x3001;
}

/** Whether a level word at `at` stands alone (市|医保局) rather than ending or starting a word (城市, 市场). */
function isLevelWord(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  if (!LEVEL_WORDS[ch] || LEVEL_WORD_BEFORE.has(text[at - 1] ?? '')) return false;
  if (LEVEL_WORD_AFTER_EXCEPTIONS.get(ch)?.some((w) => text.startsWith(w, at + 1))) return true;
  return !LEVEL_WORD_AFTER.get(ch)?.test(text.slice(at + 1, at + 3));
}

/** Agencies named in the text, canonicalised as the full name of their place plus their core. */
export function findAgencies(text: string, sentences: readonly Sentence[], places: RegionContext): AgencyFindings {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  const mentions: AgencyMention[] = [];
  /** The first mention added that ends at each offset (listOpenedBy looks a list's opener up by it). */
  const firstMentionEndingAt = new Map<number, AgencyMention>();
  const zoneAdministrationEndingAtOffset = new Map<number, AgencyMention>();
  const relationKeys = new Set<string>();
  // A body named only inside a document title (《市政府工作报告》) or in a source line is not one the text is about.
  const inSourceLine = (at: number) => SOURCE_LINE.test(text.slice(Math.max(0, at - 48), at)) || INSIDE_TITLE.test(text.slice(Math.max(0, at - 40), at));

  const add = (name: string, kind: AgencyKind, region: PlaceRef | null, start: number, end: number, parent?: { id: string; name: string }) => {
    const id = `agency:${name}`;
    const evidence = evidenceFor(text, sentences, start, end);
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, type: 'Agency', name, attributes: { kind, region: region?.name ?? null, regionId: region?.id ?? null, parent: parent?.name ?? null }, aliases: [], evidence: [] };
      byId.set(id, entity);
    }
    const surface = text.slice(start, end);
    if (surface !== name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
    if (entity.evidence.length < 3) entity.evidence.push(evidence);
    mentions.push({ start, end, id, name, regionName: name.startsWith(region?.name ?? '\u0000') ? region!.name : null, region: placeRef(region), kind });
    if (!firstMentionEndingAt.has(end)) firstMentionEndingAt.set(end, mentions.at(-1)!);
    if (kind === 'ZONE_ADMINISTRATION') zoneAdministrationEndingAtOffset.set(end, mentions.at(-1)!);
    const relate = (type: string, to: string) => {
      const key = `${type}|${id}|${to}`;
      if (relationKeys.has(key)) return;
      relationKeys.add(key);
      relations.push({ type, from: id, to, evidence });
    };
    if (region) relate('LOCATED_IN', region.id);
    if (parent) relate('BRANCH_OF', parent.id);
    return { id, name };
  };

  /**
   * The region a level word before `at` stands for. 市 is the nearest place named …市, a
   * county-level city too (英德市, not its prefecture 清远市); 自治区 is a province.
   */
  const regionOfLevelWord = (word: string, at: number): PlaceRef | null => {
    if (word === '自治区') return places.ofLevel(['PROVINCE'], at);
    if (word !== '市') return places.ofLevel(LEVEL_WORDS[word]!, at);
    const city = (i: number) => places.mentions[i]!.lineage.find((r) => r.name.endsWith('市')) ?? null;
    // The nearest …市 before `at`, else the first after it.
    const k = lastStartingBefore(placesInACity, at);
    if (placesInACity.length > 0) {
      const index = placesInACity[Math.max(k, 0)]!;
      const chosen = city(index);
      // 在高平试点先行 … 划入市行政审批服务管理局 in an article about 晋城市: a county-level city named in
      // passing in another sentence yields to its own city when the article names that one more often.
      const parent = places.mentions[index]!.lineage.find((r) => r.level === 'CITY');
      if (chosen?.level === 'COUNTY' && parent && sentenceAt(sentences, places.mentions[index]!.start) !== sentenceAt(sentences, at)) {
        if ((mentionCount.get(parent.id) ?? 0) > (mentionCount.get(chosen.id) ?? 0)) return parent;
      }
      return chosen;
    }
    return places.ofLevel(LEVEL_WORDS[word]!, at);
  };
  /** How often the article names each region itself (not as an ancestor). */
  const mentionCount = new Map<string, number>();
  for (const p of places.mentions) mentionCount.set(p.id, (mentionCount.get(p.id) ?? 0) + 1);
  /** The place named nearest before `at` among `levels` (湘江新区管委会…行政审批服务局 is the zone's). */
  const nearestOfLevels = (levels: readonly RegionLevel[], at: number): PlaceRef | null => {
    let nearest = -1;
    for (const level of levels) {
      const list = placesOfLevel.get(level) ?? [];
      const k = lastStartingBefore(list, at);
      if (k >= 0) nearest = Math.max(nearest, list[k]!);
    }
    if (nearest >= 0) return placeRef(places.mentions[nearest]!);
    return places.ofLevel(levels, at);
  };
  // Indexes for the lookups above and below, built once: walking every place or agency mention
  // for each level word, list item or agency is quadratic on a long article.
  const placeStartSet = new Set(places.mentions.map((p) => p.start));
  /** Indices of place mentions (sorted by start) in a …市, and by their own level. */
  const placesInACity: number[] = [];
  const placesOfLevel = new Map<RegionLevel, number[]>();
  places.mentions.forEach((p, i) => {
    if (p.lineage.some((r) => r.name.endsWith('市'))) placesInACity.push(i);
    const ofLevel = placesOfLevel.get(p.level);
    if (ofLevel) ofLevel.push(i);
    else placesOfLevel.set(p.level, [i]);
  });
  /** Position in `indices` of the last place mention starting before `at`, else -1 (binary search). */
  const lastStartingBefore = (indices: readonly number[], at: number): number => {
    let lo = 0;
    let hi = indices.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (places.mentions[indices[mid]!]!.start < at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  };

  /**
   * The body that opens a list the item at `at` belongs to: in 县政府办、发改局、财政局 the level
   * word of the first item is every item's (徐闻县发改局, 徐闻县财政局).
   */
  const listOpenedBy = (at: number): AgencyMention | null => {
    // 、市规划自然资源局, 、我县交投局: an item with its own level word or place keeps it.
    if (text[at - 1] !== '、' || isLevelWord(text, at) || /^[我本该][省市区县]/u.test(text.slice(at, at + 2)) || placeStartSet.has(at)) return null;
    // The mention ending last before the 、 (the first such added), looked up within the 30 characters allowed.
    let best: AgencyMention | null = null;
    for (let end = at - 1; end >= Math.max(0, at - 31) && !best; end--) {
      best = firstMentionEndingAt.get(end) ?? null;
      // A mention ending further back would leave this character before the 、, which no list holds.
      if (!best && end > 0 && !isListUnit(text.charCodeAt(end - 1))) break;
    }
    if (!best?.region || !best.regionName || at - 1 - best.end > 30) return null;
    const between = text.slice(best.end, at - 1);
    return between === '' || /^、[\u4e00-\u9fff、]{1,30}$/u.test(between) ? best : null;
  };

  /** A zone administration ending at `at`: a bureau named right after it is one of its own. */
  const zoneAdministrationEndingAt = (at: number) => zoneAdministrationEndingAtOffset.get(at) ?? null;

  /** The branch named right after a department (税务局|第一税务分局, 公安局|江北分局). */
  const addBranch = (agency: { id: string; name: string }, region: PlaceRef, mentionStart: number, end: number, regionStart: number): number => {
    const branch = BRANCH.exec(text.slice(end, end + SUFFIXES.maxBranchStem + 6));
    if (!branch || BRANCH_STEM_STOP.test(branch[1]!)) return end;
    if (branch[1]!.length < 2 && !SUFFIXES.unnamedBranches.includes(branch[2]!)) return end; // 分局 needs its name
    const branchEnd = end + branch[0].length;
    // 自然资源和规划局经济技术开发区分局 serves the zone the article names; 藁城分局 the district.
    const served = ZONE_WORDS.test(branch[1]!) ? places.ofLevel(['ZONE'], regionStart) : places.endingAt(branchEnd - branch[2]!.length);
    add(agency.name + branch[0], 'DEPARTMENT', served ?? region, mentionStart, branchEnd, agency);
    return branchEnd;
  };

  // Cores are read left to right without overlap, as one regular expression would read them.
  let consumed = 0;
  for (const m of coreMatches(text)) {
    if (m.index < consumed) continue;
    const core = CORES[m.row]!;
    const start = m.index;
    let end = start + m.text.length;
    consumed = end;
    if (NOT_A_BODY_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (inSourceLine(start)) continue;

    let region: PlaceRef | null = null;
    let mentionStart = start;
    let within: AgencyMention | null = null;
    let listed: AgencyMention | null = null;
    const prefix = places.endingAt(start);
    const zoneWord = ZONE_WORDS.exec(text.slice(Math.max(0, start - 3), start))?.[1];
    // 城区党委: for a `strictLevelWord` core, a level word inside another word stands for no place.
    const levelWord =
      text.slice(Math.max(0, start - 3), start) === '自治区' ? '自治区' : LEVEL_WORDS[text[start - 1] ?? ''] && (!core.strictLevelWord || isLevelWord(text, start - 1)) ? text[start - 1]! : null;
    if (ONLY_A_WEBSITE_AFTER.test(text.slice(end, end + 4))) continue;
    if (prefix) {
      region = prefix;
      mentionStart = prefix.start;
    } else if (zoneWord) {
      region = places.ofLevel(['ZONE'], start);
      mentionStart = start - zoneWord.length;
    } else if ((within = zoneAdministrationEndingAt(start)) && core.kind !== 'ZONE_ADMINISTRATION') {
      region = within.region;
      mentionStart = within.start;
    } else if (levelWord) {
      if (NOT_ONE_PLACE_BEFORE.test(text.slice(Math.max(0, start - levelWord.length - 3), start - levelWord.length))) continue; // 全市, 各县
      region = regionOfLevelWord(levelWord, start);
      mentionStart = start - levelWord.length;
    } else if ((listed = core.kind === 'PARTY' ? null : listOpenedBy(start))) {
      region = listed.region;
    } else if (core.bare && text[start - 1] !== '和') {
      // 数据和政务服务管理局: a core after 和 ends a longer name, which the generic pass reads whole.
      region = nearestOfLevels(core.bare, start);
    }
    if (!region) continue;

    const coreName = core.canonical ?? m.text;
    // 湘江新区管委会综合执法局: a bureau of the zone administration, an agency of its own.
    const agency = within ? add(within.name + coreName, core.kind, region, mentionStart, end, within) : add(region.name + coreName, core.kind, region, mentionStart, end);
    if (core.kind === 'DEPARTMENT') {
      end = addBranch(agency, region, mentionStart, end, start);
      consumed = Math.max(consumed, end);
    }
  }

  findGenericBodies(text, places, mentions, inSourceLine, add, addBranch, zoneAdministrationEndingAt, regionOfLevelWord, listOpenedBy);

  /** A centre named by what it does, ending at `end`: its place is a prefix, else the one nearest before. */
  const addCenter = (written: string, end: number) => {
    const start = end - written.length;
    let phrase = written.replace(CENTER_LEVEL_WORDS, '');
    let region: PlaceRef | null = null;
    for (let k = Math.min(8, phrase.length - 4); k >= 2 && !region; k--) {
      const prefix = places.endingAt(end - phrase.length + k);
      if (prefix && prefix.start === end - phrase.length) {
        region = prefix;
        phrase = phrase.slice(k);
      }
    }
    // 新都区委直属人才发展服务中心: the centre is the district's.
    phrase = phrase.replace(/^(?:委|政府)?直属/u, '');
    const bodyStart = end - phrase.length;
    if (mentions.some((a) => a.start < end && a.end > bodyStart)) return; // 石家庄市政务服务中心, read above
    // The nearest place, whatever its level: 新乐发挥新时代文明实践中心作用.
    const sentence = sentenceAt(sentences, start);
    region ??= places.within(sentence?.start ?? start, start);
    if (!region || /^[委局]/u.test(phrase)) return;
    add(region.name + phrase, 'SERVICE_CENTER', region, start, end);
  };

  for (const m of text.matchAll(HOTLINE)) {
    // 区12345热线 is the district's; a bare one the place the text is about, most specific first.
    const levelWord = LEVEL_WORDS[text[m.index - 1] ?? ''] && isLevelWord(text, m.index - 1) ? text[m.index - 1]! : null;
    const region = levelWord ? regionOfLevelWord(levelWord, m.index) : nearestOfLevels(['DISTRICT', 'COUNTY', 'CITY', 'ZONE', 'PROVINCE'], m.index);
    add(`${region?.name ?? ''}12345热线`, 'HOTLINE', region, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(UTILITY)) {
    add(m[0], 'UTILITY', places.within(m.index, m.index + m[0].length), m.index, m.index + m[0].length);
  }
  // 南宁海关, 满洲里海关: a customs district takes its place's short name, so it keeps the name as written.
  for (const p of places.mentions) {
    if (text.startsWith('海关', p.end) && !text.startsWith('海关总署', p.end) && !inSourceLine(p.start)) {
      add(text.slice(p.start, p.end) + '海关', 'DEPARTMENT', placeRef(p), p.start, p.end + 2);
    }
  }
  // 团风县供电公司: a place's own supply company is the grid's branch there.
  for (const p of places.mentions) {
    const utility = PLACE_UTILITY.exec(text.slice(p.end, p.end + 5));
    if (utility && !text.slice(Math.max(0, p.start - 2), p.start).endsWith('国网')) {
      add(text.slice(p.start, p.end) + utility[0], 'UTILITY', placeRef(p), p.start, p.end + utility[0].length);
    }
  }
  for (const m of text.matchAll(CENTER)) {
    let end = m.index + m[0].length;
    let phrase: string | undefined = m[1]!;
    for (let k = 0; phrase !== undefined && k < 8; k++) {
      addCenter(phrase, end);
      const next = CENTER_LIST_ITEM.exec(text.slice(end, end + 16));
      phrase = next?.[1];
      if (next) end += next[0].length;
    }
  }
  findNationalBodies(text, add);
  return mergeZoneAdministrationVariants([...byId.values()], relations, mentions.sort((a, b) => a.start - b.start));
}

/**
 * 国网甘肃天水供电公司, 国网天水供电公司 and 天水供电公司 are one branch: 国网 and a province's
 * name before the city's are dropped for the comparison (a full province name only, so 宁波 keeps its 宁;
 * 国网山东省电力公司 and 国网河南省电力公司 stay apart).
 */
const GRID_PREFIX = /^国网(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)?(?![省市]|电力|供电)(?=[\u4e00-\u9fff]{2})/u;

type Add = (name: string, kind: AgencyKind, region: PlaceRef | null, start: number, end: number, parent?: { id: string; name: string }) => { id: string; name: string };

/**
 * Bodies the core list does not know (区投资促进局, 市经信委, 区重点项目办公室): a short name and
 * a generic suffix right after a place, a zone word, a standalone level word or a zone
 * administration. The short name holds no function word, so a clause is never read as a body.
 */
function findGenericBodies(
  text: string,
  places: RegionContext,
  mentions: AgencyMention[],
  inSourceLine: (at: number) => boolean,
  add: Add,
  addBranch: (agency: { id: string; name: string }, region: PlaceRef, mentionStart: number, end: number, regionStart: number) => number,
  zoneAdministrationEndingAt: (at: number) => AgencyMention | null,
  regionOfLevelWord: (word: string, at: number) => PlaceRef | null,
  listOpenedBy: (at: number) => AgencyMention | null,
): void {
  // The characters the core pass read as part of a body, looked up in constant time.
  const coveredBy = new Uint8Array(text.length + 1);
  for (const a of mentions) coveredBy.fill(1, a.start, a.end);
  const covered = (at: number) => coveredBy[at] === 1;
  const starts: Array<{ at: number; from: number; region: () => PlaceRef | null; within?: AgencyMention }> = [];
  // 海口江东新区管理局 is read from the zone, not from 海口 (a shorter place at the same start).
  const longestEndAt = new Map<number, number>();
  for (const p of places.mentions) longestEndAt.set(p.start, Math.max(longestEndAt.get(p.start) ?? 0, p.end));
  for (const p of places.mentions) if (longestEndAt.get(p.start) === p.end) starts.push({ at: p.end, from: p.start, region: () => placeRef(p) });
  // A bureau of a zone administration (管委会|综合执法局), an office of a government (人民政府|新闻办公室).
  for (const a of mentions) {
    if (a.kind === 'ZONE_ADMINISTRATION' || (a.kind === 'GOVERNMENT' && a.name.endsWith('人民政府'))) starts.push({ at: a.end, from: a.start, region: () => a.region, within: a });
  }
  for (const m of text.matchAll(/开发区|经开区|高新区|园区|新区/gu)) {
    const at = m.index + m[0].length;
    if (!places.endingAt(at)) starts.push({ at, from: m.index, region: () => places.ofLevel(['ZONE'], at) });
  }
  for (const m of text.matchAll(/[省市区县]/gu)) {
    const at = m.index + 1;
    if (places.endingAt(at) || !isLevelWord(text, m.index) || NOT_ONE_PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const word = text.slice(Math.max(0, m.index - 2), at) === '自治区' ? '自治区' : m[0];
    starts.push({ at, from: at - word.length, region: () => regionOfLevelWord(word, at) });
  }
  for (const m of text.matchAll(/、/gu)) {
    const listed = listOpenedBy(m.index + 1);
    if (listed) starts.push({ at: m.index + 1, from: m.index + 1, region: () => listed.region });
  }
  starts.sort((a, b) => a.at - b.at);
  // A set, not places.mentions.some(): one scan of every place per start is quadratic on a long article.
  const placeStarts = new Set(places.mentions.map((p) => p.start));
  let lastEnd = 0;
  for (const s of starts) {
    if (s.at < lastEnd || covered(s.at) || (!s.within && covered(s.from)) || inSourceLine(s.at)) continue;
    // 长沙市望城区投资促进局 is read from 望城区, the place it names last.
    if (placeStarts.has(s.at)) continue;
    // 自治区“放管服”改革协调小组办公室: a group's office, its name possibly quoted in part.
    GROUP_OFFICE.lastIndex = s.at;
    const group = GROUP_OFFICE.exec(text);
    if (group && !GROUP_OFFICE_STOP.test(group[0])) {
      const region = s.region();
      if (region) {
        const end = s.at + group[0].length;
        add(region.name + group[0].replace(/[“”"‘’]/gu, ''), 'DEPARTMENT', region, s.from, end);
        coveredBy.fill(1, s.at, end);
        lastEnd = end;
        continue;
      }
    }
    GENERIC_BODY.lastIndex = s.at;
    const m = GENERIC_BODY.exec(text);
    if (!m) continue;
    const [body, stem, suffix] = m as unknown as [string, string, string];
    if (stem.length < SUFFIXES.minStem || STEM_STOP.test(stem) || NOT_A_BODY.test(body)) continue;
    const end = s.at + body.length;
    if (coveredBy.subarray(s.at, end).includes(1)) continue;
    const region = s.region();
    if (!region) continue;
    if (suffix === '厅' && region.level !== 'PROVINCE') continue; // 省住房城乡建设厅; a city's 大厅 is a hall
    const within = s.within ?? zoneAdministrationEndingAt(s.at);
    const agency = within ? add(within.name + body, 'DEPARTMENT', region, s.from, end, within) : add(region.name + body, 'DEPARTMENT', region, s.from, end);
    lastEnd = /局$/u.test(suffix) ? addBranch(agency, region, s.from, end, s.at) : end;
  }
}

/**
 * National bodies (国务院, 国家发展改革委, 财政部): no region, written as the article writes
 * them; a short form takes its full form's name when the article gives that too. 国家税务总局
 * followed by a place is that place's tax bureau's official name, not the national body.
 */
function findNationalBodies(text: string, add: Add): void {
  const found = matchesFromUnits(NATIONAL, NATIONAL_STICKY, text, NATIONAL_FIRST);
  const written = new Set(found.map((m) => m[0])); // a set: found.some() per mention is quadratic
  const fullNames = new Set(found.map((m) => NATIONAL_NAMES.get(m[0])).filter((n) => n !== undefined && written.has(n)));
  for (const m of found) {
    const end = m.index + m[0].length;
    if (/^国家/u.test(m[0]) && !NATIONAL_NAMES.has(m[0]) && NOT_NATIONAL_STEM.test(m[0].slice(2, -1))) continue;
    if (m[0] === '国家税务总局' && /^[\u4e00-\u9fff]{1,8}?[省市区县]税务局/u.test(text.slice(end, end + 12))) continue;
    const full = NATIONAL_NAMES.get(m[0]);
    add(full && fullNames.has(full) ? full : m[0], 'NATIONAL', null, m.index, end);
  }
}

/**
 * 新区管委会行政审批局 and 新区行政审批局 (国网泰安供电公司 and 泰安供电公司) are one body written two ways: the form the article
 * writes first names it, the other becomes an alias (and its mentions and relations follow).
 */
function mergeZoneAdministrationVariants(entities: ExtractedEntity[], relations: ExtractedRelation[], mentions: AgencyMention[]): AgencyFindings {
  const firstAt = (e: ExtractedEntity) => e.evidence[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const byKey = new Map<string, ExtractedEntity>();
  const into = new Map<string, ExtractedEntity>();
  for (const e of [...entities].sort((a, b) => firstAt(a) - firstAt(b))) {
    const key = e.name.replace(/管委会(?=.)/u, '').replace(GRID_PREFIX, '');
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, e);
      continue;
    }
    into.set(e.id, kept);
    for (const alias of [e.name, ...e.aliases]) if (alias !== kept.name && !kept.aliases.includes(alias)) kept.aliases.push(alias);
  }
  if (into.size === 0) return { entities, relations, mentions };
  const seen = new Set<string>();
  const merged: ExtractedRelation[] = [];
  for (const r of relations) {
    const from = into.get(r.from)?.id ?? r.from;
    const to = into.get(r.to)?.id ?? r.to;
    const key = `${r.type}|${from}|${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    merged.push({ ...r, from, to });
  }
  return {
    entities: entities.filter((e) => !into.has(e.id)),
    relations: merged,
    mentions: mentions.map((m) => {
      const kept = into.get(m.id);
      return kept ? { ...m, id: kept.id, name: kept.name } : m;
    }),
  };
}
