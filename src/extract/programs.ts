import type { AgencyMention } from './agencies.js';
import type { RegionContext } from './context.js';
import type { PolicyMention } from './policies.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation } from './types.js';

export type ProgramKind = 'MODEL' | 'SYSTEM' | 'MECHANISM' | 'PLATFORM' | 'CAMPAIGN' | 'PROJECT' | 'FUND' | 'REFORM' | 'SERVICE' | 'MEASURE';

/** A program where the text names it: outcomes attach to the program of their sentence. */
export interface ProgramMention {
  start: number;
  end: number;
  id: string;
  sentenceStart: number;
}

const PROGRAM_NOUN = '(?:新模式|审批模式|服务模式|工作模式|模式|工作制度|制度|工作机制|创新机制|机制|平台|专项行动|三大行动|行动|工程|改革|套餐|专班|工作法|服务)';
const QUOTED = new RegExp(`“([^“”\\n。！？，；：]{2,24})”(${PROGRAM_NOUN})?(式|意识|精神|作风|理念|的理念)?`, 'gu');
/** Verbs that introduce a measure being carried out. */
const DOING = /(推行|推出|实行|建立|开展|实施|推进|深化|打造|创新|探索|试行|启动|上线|开通|构建|落实|推广|实现|首创|创设|设立|开发|完善|健全|聚焦|聚力|升级|运用|依托|采取|采用)[^，。；]{0,4}$/u;
/** Metaphors and slogans in quotes: 吃“定心丸”, 添“催化剂”, 当好“店小二”, 打好“翻身仗”. */
const FIGURATIVE_BEFORE = /(吃|添|当好|当|做好|做|甘当|争当|成为|打好|打赢|破解|拔掉|搬掉|树立|坚持|围绕|按照|以|的)$/u;
/** Shapes of named service reforms: 拿地即开工, 一网通办, 先建后验, 不见面审批, 书记直通车. */
const REFORM_SHAPE = /(即|办|证|审批|许可|通|先.后|不见面|零|直通车|代办|帮办|容缺|承诺|一件事|一站|一窗|一链|一企|多评|多规|联审|联办|秒批|掌上|网上|线上|合同制|验)/u;
const PHRASE = new RegExp(
  `(?:推行|推出|实行|建立|开展|实施|构建|打造|创新推出|探索|健全|建立健全|启动|开通)([^，。；、“”《》\\s]{2,16}?${PROGRAM_NOUN})`,
  'gu',
);

/** Words that open a phrase without belonging to the name: 建立了…, 推行新的… */
const LEADING_FILLER = /^(了|起|的|着|新的|一批|一套|各类|相关|建立|健全|推行|实施|实行|开展|构建|打造|推出)+/u;
/** Phrases made only of generic words name no particular program: 工作机制, 监管机制, 审批服务. */
const GENERIC_PROGRAM = new RegExp(`^(?:工作|监管|审批|网上|政务|服务|管理|协调|长效|考核|联动|沟通|保障|运行|常态化|相关|新型|创新)*${PROGRAM_NOUN}$`, 'u');

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
}

/** Quoted names that are programs, and 推行/建立 … 模式/制度/机制 phrases. */
export function programCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const [whole, quoted, noun, figurative] = m as unknown as [string, string, string | undefined, string | undefined];
    if (figurative) continue; // “店小二”式服务, “店小二”意识
    if (!noun && quoted.includes('、')) continue; // enumerated slogans: “稳中向好、进中提质”
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (!noun && FIGURATIVE_BEFORE.test(before)) continue;
    const named = noun !== undefined || DOING.test(before) || REFORM_SHAPE.test(quoted);
    if (!named || quoted.length < 2 || /^[\d\s.+%-]+$/u.test(quoted) && !noun) continue;
    if (!noun && quoted.length <= 3 && !DOING.test(before)) continue; // short quoted words are mostly figures of speech
    const name = quoted.length <= 3 || /^[\d+]+$/u.test(quoted) ? quoted + (noun ?? '') : quoted;
    out.push({ name: name.replace(/\s+/gu, ''), start: m.index, end: m.index + whole.length });
  }
  for (const m of text.matchAll(PHRASE)) {
    const phrase = m[1]!.replace(LEADING_FILLER, '');
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

  for (const c of programCandidates(text)) {
    const sentence = sentenceAt(sentences, c.start) ?? { start: c.start, end: c.end };
    const sentenceText = text.slice(sentence.start, sentence.end);
    const region = places.within(sentence.start, sentence.end);
    const id = `program:${c.name}@${region?.id ?? 'unplaced'}`;
    const evidence = evidenceFor(text, sentences, c.start, c.end);
    mentions.push({ start: c.start, end: c.end, id, sentenceStart: sentence.start });
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
    const runner = [...agencies].reverse().find((a) => a.start >= sentence.start && a.end <= c.start);
    if (runner) relate('RUN_BY', id, runner.id, evidence);
    for (const p of policies) if (p.start >= sentence.start && p.end <= sentence.end) relate('BASED_ON', id, p.id, evidence);
  }
  return { entities: [...byId.values()], relations, mentions };
}
