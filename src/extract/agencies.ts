import { placeRef, type PlaceRef, type RegionContext } from './context.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation, RegionLevel } from './types.js';

export type AgencyKind = 'GOVERNMENT' | 'PARTY' | 'CONGRESS' | 'DEPARTMENT' | 'ZONE_ADMINISTRATION' | 'SERVICE_CENTER' | 'HOTLINE' | 'UTILITY' | 'NATIONAL';

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
}

export interface AgencyFindings {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  mentions: AgencyMention[];
}

/**
 * Agency cores: the body's own name, which follows a place (石家庄市|行政审批局) or a level word
 * that stands for the place the article is about (市|行政审批局, 区委, 省政府). `bare` cores are
 * specific enough to take the context place even with no prefix at all.
 */
const CORES: Array<{ pattern: string; kind: AgencyKind; bare?: readonly RegionLevel[]; canonical?: string }> = [
  { pattern: '行政审批局|行政审批服务局|数据和政务服务局|政务服务管理局|营商环境建设局|政务服务和数据管理局', kind: 'DEPARTMENT', bare: ['CITY', 'DISTRICT', 'COUNTY', 'ZONE', 'PROVINCE'] },
  { pattern: '发展和改革委员会|发展改革委|发改委|自然资源和规划局|自然资源局|规划局|住房和城乡建设局|住建局|市场监督管理局|市场监管局|税务局|商务局|工业和信息化局|工信局|生态环境局|财政局|人力资源和社会保障局|人力资源局|人社局|交通运输局|公安局|司法局|教育局|卫生健康委员会|卫健委|应急管理局|城市管理局|城管局|水务局|农业农村局|科技局|统计局|审计局|文化广电和旅游局|文旅局|民政局|退役军人事务局|医疗保障局|医保局|不动产登记中心|公共资源交易中心', kind: 'DEPARTMENT' },
  { pattern: '纪委监委|纪委', kind: 'PARTY' },
  { pattern: '党工委', kind: 'PARTY' },
  // 党工委副书记、管委会常务副主任: a bare 管委会 is the zone's the article is about.
  { pattern: '管委会|管理委员会', kind: 'ZONE_ADMINISTRATION', bare: ['ZONE'] },
  { pattern: '人大常委会|政协', kind: 'CONGRESS' },
  { pattern: '政务服务中心|行政审批服务中心|便民服务中心|企业服务中心', kind: 'SERVICE_CENTER' },
  { pattern: '人民政府办公室|人民政府办公厅|政府办公室|政府办公厅', kind: 'GOVERNMENT', canonical: '人民政府办公室' },
  { pattern: '人民政府|政府', kind: 'GOVERNMENT', canonical: '人民政府' },
  { pattern: '委(?:宣传部|组织部|统战部|政法委)', kind: 'PARTY' },
  // 市委市政府督查室 is one office of both, not the committee and the government.
  { pattern: '委[省市区县]?政府督查室|委督查室', kind: 'PARTY' },
  { pattern: '委(?![员会托屈婉实])', kind: 'PARTY' },
];

const CORE_RE = new RegExp(CORES.map((c) => `(${c.pattern})`).join('|'), 'gu');

/** The level a one-character place word stands for: 市委 is the city's, 区政府 the district's. */
const LEVEL_WORDS: Record<string, RegionLevel[]> = {
  省: ['PROVINCE'],
  市: ['CITY', 'PROVINCE'],
  区: ['DISTRICT', 'ZONE'],
  县: ['COUNTY'],
};
const ZONE_WORDS = /(开发区|经开区|高新区|园区)$/u;

const HOTLINE = /“?12345”?(?:政务服务便民|便民服务|政务服务)?热线/gu;
const UTILITY = /国网[\u4e00-\u9fff]{2,8}?(?:供电分公司|供电公司|电力公司)/gu;
const NATIONAL = /国务院(?:办公厅)?|国家(?:发展改革委|发改委|市场监督管理总局|市场监管总局|税务总局|[\u4e00-\u9fff]{2,6}?部)|(?<![省市区县])(?:财政部|商务部|科技部|科学技术部|工业和信息化部|公安部|民政部|司法部|人力资源和社会保障部|自然资源部|生态环境部|住房和城乡建设部|交通运输部|水利部|农业农村部|文化和旅游部|应急管理部|海关总署|审计署)(?!门)/gu;
/**
 * Public service centres named by what they do (新时代文明实践中心, 智慧蓉城运行中心), after the
 * verb that sets them up or uses them; their place is a prefix or the one the text is about.
 */
const CENTER = /(?:设立|设置|成立|组建|优化|发挥|依托|建成|建立)([\u4e00-\u9fff]{2,12}?(?:服务中心|运行中心|运维中心|实践中心|指挥中心))/gu;
const CENTER_LEVEL_WORDS = /^(?:区级|市级|县级|省级|全市|全区|全县)/u;
const BRANCH = /^([\u4e00-\u9fff]{2,10}?)分局/u;
/** Words before a core that make it no particular body: 该局, 各部门, 两级审批局. */
const NOT_A_BODY_BEFORE = /(该|各|本|两级|全|我)$/u;

/** Agencies named in the text, canonicalised as the full name of their place plus their core. */
export function findAgencies(text: string, sentences: readonly Sentence[], places: RegionContext): AgencyFindings {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  const mentions: AgencyMention[] = [];
  const relationKeys = new Set<string>();

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
    mentions.push({ start, end, id, name, regionName: name.startsWith(region?.name ?? '\u0000') ? region!.name : null, region: placeRef(region) });
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

  for (let m = CORE_RE.exec(text); m; m = CORE_RE.exec(text)) {
    const groupIndex = m.slice(1).findIndex((g) => g !== undefined);
    const core = CORES[groupIndex]!;
    const start = m.index;
    let end = start + m[0].length;
    if (NOT_A_BODY_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;

    let region: PlaceRef | null = null;
    let mentionStart = start;
    const prefix = places.endingAt(start);
    const zoneWord = ZONE_WORDS.exec(text.slice(Math.max(0, start - 3), start))?.[1];
    const levelWord = LEVEL_WORDS[text[start - 1] ?? ''];
    if (prefix) {
      region = prefix;
      mentionStart = prefix.start;
    } else if (zoneWord) {
      region = places.ofLevel(['ZONE'], start);
      mentionStart = start - zoneWord.length;
    } else if (levelWord) {
      if (NOT_A_BODY_BEFORE.test(text.slice(Math.max(0, start - 4), start - 1))) continue; // 全市, 各县
      region = places.ofLevel(levelWord, start);
      mentionStart = start - 1;
    } else if (core.bare) {
      region = places.ofLevel(core.bare, start);
    }
    if (!region) continue;

    const coreName = core.canonical ?? m[0];
    const agency = add(region.name + coreName, core.kind, region, mentionStart, end);
    const branch = BRANCH.exec(text.slice(end, end + 14));
    if (branch && core.kind === 'DEPARTMENT') {
      end += branch[0].length;
      // 自然资源和规划局经济技术开发区分局 serves the zone the article names; 藁城分局 the district.
      const served = ZONE_WORDS.test(branch[1]!) ? places.ofLevel(['ZONE'], start) : places.endingAt(end - 2);
      add(agency.name + branch[0], 'DEPARTMENT', served ?? region, mentionStart, end, agency);
      CORE_RE.lastIndex = end;
    }
  }

  for (const m of text.matchAll(HOTLINE)) {
    const region = places.ofLevel(['CITY', 'PROVINCE'], m.index);
    add(`${region?.name ?? ''}12345热线`, 'HOTLINE', region, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(UTILITY)) {
    add(m[0], 'UTILITY', places.within(m.index, m.index + m[0].length), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(CENTER)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = m.index + m[0].length;
    if (mentions.some((a) => a.start < end && a.end > start)) continue; // 石家庄市政务服务中心, read above
    let phrase = m[1]!.replace(CENTER_LEVEL_WORDS, '');
    let region: PlaceRef | null = null;
    for (let k = Math.min(8, phrase.length - 4); k >= 2 && !region; k--) {
      const prefix = places.endingAt(end - phrase.length + k);
      if (prefix && prefix.start === end - phrase.length) {
        region = prefix;
        phrase = phrase.slice(k);
      }
    }
    // The nearest place, whatever its level: 新乐发挥新时代文明实践中心作用.
    const sentence = sentenceAt(sentences, start);
    region ??= places.within(sentence?.start ?? start, start);
    if (!region || /^[委局]/u.test(phrase)) continue;
    add(region.name + phrase, 'SERVICE_CENTER', region, start, end);
  }
  for (const m of text.matchAll(NATIONAL)) {
    add(m[0], 'NATIONAL', null, m.index, m.index + m[0].length);
  }
  return { entities: [...byId.values()], relations, mentions: mentions.sort((a, b) => a.start - b.start) };
}
