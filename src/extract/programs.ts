import type { AgencyMention } from './agencies.js';
import { placeRef, type PlaceRef, type RegionContext } from './context.js';
import type { PolicyMention } from './policies.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation, RegionLevel } from './types.js';

export type ProgramKind = 'MODEL' | 'SYSTEM' | 'MECHANISM' | 'PLATFORM' | 'CAMPAIGN' | 'PROJECT' | 'FUND' | 'REFORM' | 'SERVICE' | 'MEASURE';

/** A program where the text names it: outcomes attach to the program of their sentence. */
export interface ProgramMention {
  start: number;
  end: number;
  id: string;
  sentenceStart: number;
  /** Where the program is carried out, as placed below. */
  region: PlaceRef | null;
}

const LEVEL_DEPTH: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, COUNTY: 2, ZONE: 2 };
const deeper = (a: PlaceRef | null | undefined, b: PlaceRef | null | undefined) => !!a && (!b || LEVEL_DEPTH[a.level] > LEVEL_DEPTH[b.level]);

/** What a program is called after its name: 模式, 工作创新机制, 专项行动, 微信小程序 … */
const PROGRAM_NOUN =
  '(?:(?:新|工作|创新|服务|审批|专项|评价|管理|运行|监测|微信|政策)*(?:模式|制度|机制|平台|行动|工程|改革|套餐|专班|工作法|服务|系统|体系|计划|战略|试点|活动|夜校|小程序|清单|专项资金|发展资金|发展基金|基金))';
/**
 * The nouns a 推行/建立 … phrase may end with. Narrower than after a quoted name: 服务, 体系 and
 * 活动 end too many ordinary phrases (配套服务, 现代产业体系, 宣讲活动).
 */
const PHRASE_NOUN =
  '(?:(?:新|工作|创新|服务|审批|专项|评价|管理|运行|监测|政策)*(?:模式|制度|机制|平台|行动|工程|改革|套餐|专班|工作法|系统|计划|战略|试点|夜校|清单|斗争|专项资金|发展资金|发展基金))(?![中站所室])';
const QUOTED = new RegExp(`“([^“”\\n。！？，；：]{2,24})”(${PROGRAM_NOUN})?(式|意识|精神|作风|理念|的理念)?`, 'gu');
/** Verbs that introduce a measure being carried out. */
const DOING = /(推行|推出|实行|建立|开展|实施|推进|深化|打造|创新|探索|试行|启动|上线|开通|构建|落实|推广|实现|首创|创设|设立|开发|完善|健全|聚焦|聚力|升级|运用|依托|采取|采用)[^，。；]{0,6}$/u;
/** Metaphors and slogans in quotes: 吃“定心丸”, 添“催化剂”, 当好“店小二”, 打好“翻身仗”. */
const FIGURATIVE_BEFORE = /(吃|添|当好|当|做好|做|甘当|争当|成为|打好|打赢|破解|拔掉|搬掉|树立)$/u;
/** Guiding ideas: 坚持“项目为王”, 按照“缺什么补什么”; a name shaped like a reform still counts (围绕“高效办成一件事”). */
const GUIDING_BEFORE = /(坚持|围绕|按照|以|的)$/u;
/** Shapes of named service reforms: 拿地即开工, 一网通办, 先建后验, 不见面审批, 书记直通车. */
const REFORM_SHAPE = /(即|办|证|审批|许可|通|先.后|不见面|零|直通车|代办|帮办|容缺|承诺|一件事|一站|一窗|一链|一企|一事|多评|多规|联审|联办|秒批|掌上|网上|线上|制$|验|圈$)/u;
const PHRASE = new RegExp(
  `(?:推行|推出|实行|建立|开展|实施|构建|打造|创新推出|探索|健全|建立健全|启动|开通|大力推进|推进|深化|强化|成立|创办|设立|加快|践行|研发使用|研发|制定)([^，。；、“”《》\\s]{2,16}?${PHRASE_NOUN})`,
  'gu',
);

/** Short quoted names shaped like a service: 冀时办, 网上办, 秒批, 好差评. */
const SHORT_SERVICE = /(办|批|评|通)$/u;
/** Quoted words that are periods, designations or honours, not programs: “十四五”, “…示范点”. */
const NOT_A_PROGRAM = /^十[一二三四五六七八九]五$|(示范点|示范区|示范县|先进单位|典型县|称号)$/u;
/** A count before the noun says the quoted list names that many programs: 三项机制, 三大行动. */
const NAMED_AFTER = new RegExp(`^([\\u4e00-\\u9fff]{1,8}?${PROGRAM_NOUN})`, 'u');
const COUNTED_NOUN = new RegExp(`^[两二三四五六七八九十\\d]+(?:项|大|个|种)(${PROGRAM_NOUN})`, 'u');

/**
 * “拿地即开工、竣工即投产、生产即准营”一链审批服务模式 names three reforms; “亲清连心、素能提升、
 * 薪火相传”三大行动 three campaigns. A list after 实现 is a goal reached, and a list of plain
 * words with neither shape nor count is a slogan (“稳中向好、进中提质”).
 */
function enumeratedPrograms(text: string, at: number, quoted: string, noun: string | undefined, before: string): Candidate[] {
  if (/实现[^，。；]{0,4}$/u.test(before)) return [];
  const after = text.slice(at + quoted.length + 2, at + quoted.length + 14);
  const counted = COUNTED_NOUN.exec(after);
  const namedAfter = NAMED_AFTER.exec(after);
  const parts = quoted.split('、').map((p) => p.trim());
  const out: Candidate[] = [];
  let offset = at + 1;
  for (const part of parts) {
    const start = text.indexOf(part, offset);
    offset = start + part.length;
    if (part.length < 2 || part.length > 12) continue;
    if (counted) out.push({ name: part + counted[1]!.replace(/^(?:工作|专项)/u, ''), start, end: start + part.length });
    else if ((noun !== undefined || DOING.test(before)) && REFORM_SHAPE.test(part)) out.push({ name: part, start, end: start + part.length });
  }
  const end = at + quoted.length + 2;
  if (namedAfter && !counted && out.length > 0) {
    // …”一链审批服务模式: the model the listed reforms make up.
    out.push({ name: namedAfter[1]!, start: end, end: end + namedAfter[1]!.length });
  } else if (noun && out.length === 0) {
    // “稳中向好、进中提质”政策清单: the list is the name of one thing.
    out.push({ name: quoted.replace(/\s+/gu, '') + noun, start: at, end: end + noun.length });
  }
  return out;
}

/** Words that open a phrase without belonging to the name: 建立了…, 推行新的… */
const LEADING_FILLER = /^(了|起|的|着|新的|一批|一套|一个|各类|相关|建立|健全|完善|推行|实施|实行|开展|构建|打造|推出)+/u;
/** A phrase that holds another such verb starts after it: 开创性创办了新型农民夜校. */
const INNER_VERB = /^.*(?:推行|推出|实行|建立|开展|实施|创办|设立|成立|践行)了?/u;
/** Phrases made only of generic words name no particular program: 工作机制, 监管机制, 审批服务. */
const GENERIC_PROGRAM = new RegExp(`^(?:工作|监管|审批|网上|政务|服务|管理|协调|长效|考核|联动|沟通|保障|运行|常态化|相关|新型|创新)*${PHRASE_NOUN}$`, 'u');

const KIND_BY_NOUN: Array<[RegExp, ProgramKind]> = [
  [/模式$/u, 'MODEL'],
  [/制度$/u, 'SYSTEM'],
  [/机制$/u, 'MECHANISM'],
  [/平台$/u, 'PLATFORM'],
  [/(行动|活动)$/u, 'CAMPAIGN'],
  [/工程$/u, 'PROJECT'],
  [/(基金|资金)$/u, 'FUND'],
  [/改革$/u, 'REFORM'],
  [/(服务|套餐|专班)$/u, 'SERVICE'],
];

const CATEGORIES: Array<[string, RegExp]> = [
  ['approval', /审批|许可|开工|验收|核发|证|立项|准营|多评|联审|承诺制/u],
  ['online', /网|线上|数字|智慧|掌上|云|平台|信息化|互联网|电子/u],
  ['utilities', /电|水|气|热|管网/u],
  ['finance', /融资|贷|金融|基金|授信|担保|银/u],
  ['tax', /税|费/u],
  ['talent', /人才|招聘|培训|夜校/u],
  ['investment', /招商|投资|项目|产业/u],
  ['trade', /通关|口岸|外贸|进出口|班列|跨境/u],
  ['enterprise_service', /企业|帮办|代办|服务|走访|专班|直通车|热线|诉/u],
  ['supervision', /监管|执法|检查|监督|纪委/u],
];

export function programKind(name: string): ProgramKind {
  return KIND_BY_NOUN.find(([re]) => re.test(name))?.[1] ?? 'MEASURE';
}

export function programCategories(name: string, sentence: string): string[] {
  const inName = CATEGORIES.filter(([, re]) => re.test(name)).map(([c]) => c);
  return inName.length > 0 ? inName : CATEGORIES.filter(([, re]) => re.test(sentence)).map(([c]) => c).slice(0, 2);
}

interface Candidate {
  name: string;
  start: number;
  end: number;
  /** Read from quotes (a list of quoted names continues while each is accepted). */
  quoted?: boolean;
}

/** Quoted names that are programs, and 推行/建立 … 模式/制度/机制 phrases. */
export function programCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const [whole, quoted, noun, figurative] = m as unknown as [string, string, string | undefined, string | undefined];
    if (figurative) continue; // “店小二”式服务, “店小二”意识
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (quoted.includes('、')) {
      out.push(...enumeratedPrograms(text, m.index, quoted, noun, before));
      continue;
    }
    if (NOT_A_PROGRAM.test(quoted)) continue;
    if (!noun && FIGURATIVE_BEFORE.test(before)) continue;
    if (!noun && GUIDING_BEFORE.test(before) && !REFORM_SHAPE.test(quoted)) continue;
    // “智能推”“材料云柜”“视频帮办”: a quote right after an accepted one is the same list.
    const listed = out.at(-1)?.end === m.index && out.at(-1)!.quoted === true;
    const named = noun !== undefined || listed || DOING.test(before) || REFORM_SHAPE.test(quoted) || SHORT_SERVICE.test(quoted);
    if (!named || quoted.length < 2 || /^[\d\s.+%-]+$/u.test(quoted) && !noun) continue;
    // Short quoted words are mostly figures of speech, unless shaped like a service: “冀时办”, “打包办”.
    if (!noun && quoted.length <= 3 && !listed && !DOING.test(before) && !SHORT_SERVICE.test(quoted)) continue;
    // “6+1”专项行动 and “五个一”机制 need their noun to be a name; “好差评”评价系统 does not.
    const name = (quoted.length <= 3 && !SHORT_SERVICE.test(quoted)) || /^[\d+]+$/u.test(quoted) ? quoted + (noun ?? '') : quoted;
    const plus = name.split('+');
    if (!noun && plus.length === 2 && plus.every((p) => REFORM_SHAPE.test(p))) {
      // “一件事一次办+无感审批”: two reforms offered together.
      let at = m.index + 1;
      for (const p of plus) {
        out.push({ name: p, start: at, end: at + p.length, quoted: true });
        at += p.length + 1;
      }
      continue;
    }
    out.push({ name: name.replace(/\s+/gu, ''), start: m.index, end: m.index + whole.length, quoted: true });
  }
  for (const m of text.matchAll(PHRASE)) {
    const phrase = m[1]!.replace(INNER_VERB, '').replace(LEADING_FILLER, '');
    if (phrase.length < 4) continue; // 一个试点, 完善基金: a noun with too little name
    if (GENERIC_PROGRAM.test(phrase)) continue;
    const start = m.index + m[0].length - phrase.length;
    if (out.some((c) => c.start <= start && c.end >= start)) continue;
    out.push({ name: phrase, start, end: start + phrase.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Programs with kind and categories, placed in the most specific region of their sentence
 * (or the one the text is about there), run by the agency named before them in the sentence,
 * based on a policy named in the same sentence.
 */
export function findPrograms(
  text: string,
  sentences: readonly Sentence[],
  places: RegionContext,
  agencies: readonly AgencyMention[],
  policies: readonly PolicyMention[],
): { entities: ExtractedEntity[]; relations: ExtractedRelation[]; mentions: ProgramMention[] } {
  const byId = new Map<string, ExtractedEntity>();
  const relations: ExtractedRelation[] = [];
  const mentions: ProgramMention[] = [];
  const keys = new Set<string>();
  const relate = (type: string, from: string, to: string, evidence: ExtractedRelation['evidence']) => {
    const key = `${type}|${from}|${to}`;
    if (keys.has(key)) return;
    keys.add(key);
    relations.push({ type, from, to, evidence });
  };

  const placed = programCandidates(text).map((c) => {
    const sentence = sentenceAt(sentences, c.start) ?? { start: c.start, end: c.end };
    const runner = [...agencies].reverse().find((a) => a.start >= sentence.start && a.end <= c.start);
    // The most specific place the sentence gives: its own, or that of the body running the program
    // (石家庄市自然资源和规划局经济技术开发区分局 … “三证齐发”: the zone, not the city).
    const inSentence = places.within(sentence.start, sentence.end);
    const region = deeper(runner?.region, inSentence) ? runner!.region : placeRef(inSentence);
    return { c, sentence, runner, region };
  });
  // One name in one article is one program: a mention placed only in the city joins the mention
  // placed in a district or zone of that city (the article says 三证齐发 about the zone twice).
  for (const p of placed) {
    const narrower = placed.find((q) => q.c.name === p.c.name && q.region && p.region && deeper(q.region, p.region) && places.lineageIds(q.region.id).includes(p.region.id));
    if (narrower) p.region = narrower.region;
  }

  for (const { c, sentence, runner, region } of placed) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const id = `program:${c.name}@${region?.id ?? 'unplaced'}`;
    const evidence = evidenceFor(text, sentences, c.start, c.end);
    mentions.push({ start: c.start, end: c.end, id, sentenceStart: sentence.start, region });
    const existing = byId.get(id);
    if (existing) {
      if (existing.evidence.length < 3) existing.evidence.push(evidence);
    } else {
      byId.set(id, {
        id,
        type: 'Program',
        name: c.name,
        attributes: { kind: programKind(c.name), categories: programCategories(c.name, sentenceText), region: region?.name ?? null },
        aliases: [],
        evidence: [evidence],
      });
    }
    if (region) relate('IMPLEMENTED_IN', id, region.id, evidence);
    if (runner) relate('RUN_BY', id, runner.id, evidence);
    for (const p of policies) if (p.start >= sentence.start && p.end <= sentence.end) relate('BASED_ON', id, p.id, evidence);
  }
  return { entities: [...byId.values()], relations, mentions };
}
