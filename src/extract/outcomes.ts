import { createHash } from 'node:crypto';
import type { RegionContext } from './context.js';
import type { ProgramMention } from './programs.js';
import { PROPORTION_PATTERN, QUANTITY_PATTERN, parseQuantity, type Quantity } from './quantities.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { Evidence, ExtractedRelation } from './types.js';

export type Indicator =
  | 'APPROVAL_TIME'
  | 'APPROVAL_ITEMS'
  | 'APPROVAL_MATERIALS'
  | 'PROCESSING_TIME'
  | 'CUSTOMS_TIME'
  | 'COST'
  | 'ONLINE_RATE'
  | 'SATISFACTION'
  | 'OTHER';

export const INDICATORS: readonly Indicator[] = ['APPROVAL_TIME', 'APPROVAL_ITEMS', 'APPROVAL_MATERIALS', 'PROCESSING_TIME', 'CUSTOMS_TIME', 'COST', 'ONLINE_RATE', 'SATISFACTION', 'OTHER'];

export interface Change {
  text: string;
  value: number;
  unit: string;
  /** Signed percentage change (after − before) / before, when it can be known. */
  percent: number | null;
  direction: 'DECREASE' | 'INCREASE';
}

export interface ExtractedOutcome {
  id: string;
  indicator: Indicator;
  subject: string;
  before: Quantity | null;
  after: Quantity | null;
  change: Change | null;
  region: string | null;
  program: string | null;
  evidence: Evidence;
}

const Q = `(${QUANTITY_PATTERN})`;
const DOWN = '压减|压缩|缩减|减少|精简|缩短|降低|下降|减|降';
const UP = '提升|提高|增加|提速';
const CHANGE_WORD = `${DOWN}|${UP}|节约|节省`;

/** The patterns, most specific first; a span used by one is not read again by the next. */
const PATTERNS: Array<{ name: string; re: RegExp }> = [
  // 由64项压减至32项, 从1小时减少到10分钟, 由1-2小时减至5-10分钟
  { name: 'fromTo', re: new RegExp(`(?:由|从)(?:每日|每天|每件|件均)?${Q}[^，。；\\d]{0,4}?(?:${CHANGE_WORD})?(?:至|到|为)${Q}`, 'gu') },
  // 至少1小时减少到10分钟
  { name: 'fromTo', re: new RegExp(`${Q}(?:${DOWN}|${UP})(?:至|到)${Q}`, 'gu') },
  // 缩短至13个工作日
  { name: 'to', re: new RegExp(`(?:${DOWN}|${UP})(?:至|到)${Q}`, 'gu') },
  // 以前审批需要1-2个月时间: the old state, when the new one is not a number (现在只要几天)
  { name: 'formerly', re: new RegExp(`(?:以前|过去|原来|以往|改革前)[^，。；\\d]{0,8}?(?:需要|需|要|耗时|用时)${Q}`, 'gu') },
  // 企业投产可提前3~4个月: time saved
  { name: 'earlier', re: new RegExp(`提前${Q}`, 'gu') },
  // 比2022年减少76.1天, 较上年缩短30%
  { name: 'compared', re: new RegExp(`(?:比|较)([^，。；]{0,8}?)((?:${CHANGE_WORD}))了?(${QUANTITY_PATTERN}|${PROPORTION_PATTERN})`, 'gu') },
  // 压缩了近90%, 时间缩短了1/3, 费用降低了一半以上
  { name: 'by', re: new RegExp(`(${CHANGE_WORD})了?(${QUANTITY_PATTERN}|(?:${PROPORTION_PATTERN})(?:以上|左右)?)`, 'gu') },
  // 提升审批效率50%以上
  { name: 'byWhat', re: new RegExp(`(${UP}|${DOWN})([^，。；\\d“”]{2,8}?)((?:近|约|超过)?\\d+(?:\\.\\d+)?%(?:以上)?)`, 'gu') },
  // 年均节约企业开办成本200万元以上, 累计减免税费10亿元: money enterprises save
  { name: 'saved', re: new RegExp(`(节约|节省|减免|减轻|降低)([^，。；\\d“”]{0,8}?)((?:近|约|超过)?\\d+(?:\\.\\d+)?(?:万元|亿元)(?:以上)?)`, 'gu') },
  // 平均用时174.4天
  { name: 'took', re: new RegExp(`(?:平均)?(?:用时|时长|耗时|时限为)${Q}`, 'gu') },
  // 2个工作日内“三证齐发”, 4小时内办结
  // 一周内取得施工许可证, 企业开办1日办结 (办结 needs no 内)
  { name: 'within', re: new RegExp(`((?:\\d+(?:\\.\\d+)?|[一两二三四五六七八九十])\\s*(?:个工作日|工作日|个小时|小时|分钟|天|日|周|个月))(?:(?:内|以内)(?=[“]?(?:办结|完成|办理|审批|发放|核发|出具|答复|办|响应|解决|回复|三证|拿到|取得|领取))|(?=办结|办完))`, 'gu') },
  // 满意率99.06%, 网办率达到99%, 好评率达99%以上, 占比80%
  { name: 'rate', re: /((?:率|占比|满意度|比例|比重))(?:均)?(?:达到|达|为|保持在|提升至|提高到|提高至|超过)?((?:近|超过)?\d+(?:\.\d+)?%(?:以上)?)/gu },
  // 100%全流程网上办理
  { name: 'online', re: /(\d+(?:\.\d+)?%)(?:的)?(?:事项|业务)?(?:实现)?(?:全流程|全程)?(?:网上办理|网上办|网办|线上办理|掌上办|不见面审批)/gu },
  // 80%以上现场勘验事项使用“互联网+现场勘验”新模式: a share of the matters handled a new way
  { name: 'share', re: /((?:近|超过)?\d+(?:\.\d+)?%(?:以上)?)(?:的)?([^，。；\d%]{1,10}?(?:事项|业务|审批|申请))(?=使用|采用|实现|通过|可|已|网上|在线)/gu },
];

/** Economic statistics are not outcomes of how government works. */
const NOT_GOVERNMENT_PERFORMANCE = /(投资额|完成投资|总投资|固定资产投资|投资增长|营业收入|销售收入|利税|增速|产值|GDP|增加值|总量|营收|容量|人口|面积|亩|产能|出口|进口|税收|收入|工资|利润|覆盖率提升|普及率|应用率|数控化率)/u;

const INDICATOR_RULES: Array<[Indicator, (s: string, unit: string) => boolean]> = [
  ['CUSTOMS_TIME', (s) => /通关/u.test(s)],
  ['SATISFACTION', (s) => /满意|好评/u.test(s)],
  ['ONLINE_RATE', (s, u) => u === '%' && /网办|网上|线上|全程网|不见面|掌上|电子化|网报/u.test(s)],
  ['APPROVAL_MATERIALS', (s, u) => !isTime(u) && /要件|材料|证明|申请表|表单|申报资料/u.test(s)],
  ['APPROVAL_ITEMS', (s, u) => /事项|环节|子项|手续|审批项|印章|流程/u.test(s) && ['项', '个', '件', '道', '环节'].includes(u)],
  ['COST', (s, u) => /费用|成本|收费|资金|节约/u.test(s) || /元$/u.test(u)],
  ['APPROVAL_TIME', (s, u) => (isTime(u) || TIME_WORDS.test(s)) && /审批|许可|开办|施工|立项|开工|登记|注册|核发|三证|准营|验收|办电|接电|获得电力|报装/u.test(s)],
  ['PROCESSING_TIME', (s, u) => isTime(u) || TIME_WORDS.test(s)],
];

/** Freight by rail, sea or air: logistics, not government. */
const LOGISTICS = /班列|海运|空运|陆运|运输距离/u;
/** Targets and plans are not results yet: 力争到2025年 … 提升20%以上. */
const GOAL = /力争|争取到|目标是|预计|计划到|到20\d\d年/u;

/** A percentage change of these is a change in time. */
const TIME_WORDS = /时间|用时|时限|周期|时长|耗时|效率|提速/u;

function isTime(unit: string): boolean {
  return ['天', '工作日', '小时', '分钟', '个月'].includes(unit);
}

export function classifyIndicator(context: string, unit: string): Indicator {
  return INDICATOR_RULES.find(([, test]) => test(context, unit))?.[0] ?? 'OTHER';
}

/** The words of the clause before `at`: what changed (全流程审批事项, 通关时间). */
function subjectBefore(text: string, at: number, floor: number): string {
  const head = text.slice(Math.max(floor, at - 24), at);
  const clause = head.split(/[，。；：、,;:！？!?（）()]/u).pop() ?? '';
  return clause.replace(/^(?:其中|同时|目前|截至目前|今年以来|今年|去年|已|并|将|使|让|实现|推动|确保|全力|有效|大幅)+/u, '').replace(/[由从比较]$/u, '').trim();
}

const DECREASING = new RegExp(`^(${DOWN}|节约|节省)`, 'u');

/** A stated amount of change, signed (a cut is negative); a percentage is its own percent. */
function changeBy(q: Quantity | null, decrease: boolean): Change | null {
  if (!q) return null;
  const value = signed(q, decrease);
  return { text: q.text, value, unit: q.unit, percent: q.unit === '%' ? value : null, direction: decrease ? 'DECREASE' : 'INCREASE' };
}

function signed(q: Quantity, decrease: boolean): number {
  return decrease ? -q.value : q.value;
}

function changeBetween(before: Quantity, after: Quantity): Change | null {
  if (before.unit !== after.unit) return null; // 1小时 → 10分钟: different units, no arithmetic on text
  const value = Math.round((after.value - before.value) * 100) / 100;
  return {
    text: `${before.text}→${after.text}`,
    value,
    unit: after.unit,
    percent: before.value !== 0 ? Math.round((value / before.value) * 1000) / 10 : null,
    direction: value < 0 ? 'DECREASE' : 'INCREASE',
  };
}

function outcomeId(o: Omit<ExtractedOutcome, 'id' | 'evidence' | 'program'>): string {
  const key = [o.region, o.indicator, o.subject, o.before?.text, o.after?.text, o.change?.text].join('|');
  return `outcome:${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

/**
 * Quantified outcomes with before/after/change, their indicator, and the region and program of
 * their sentence (or, for the program, the one the paragraph last named).
 */
export function findOutcomes(
  text: string,
  sentences: readonly Sentence[],
  places: RegionContext,
  programs: readonly ProgramMention[],
): { outcomes: ExtractedOutcome[]; relations: ExtractedRelation[] } {
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const outcomes: ExtractedOutcome[] = [];
  const relations: ExtractedRelation[] = [];
  const ids = new Set<string>();

  for (const { name, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const sentence = sentenceAt(sentences, start) ?? { start, end };
      let before: Quantity | null = null;
      let after: Quantity | null = null;
      let change: Change | null = null;
      let subject = subjectBefore(text, start, sentence.start);
      const words = m[0];
      if (name === 'fromTo') {
        before = parseQuantity(m[1]!);
        after = parseQuantity(m[2]!);
        if (before && after) change = changeBetween(before, after);
      } else if (name === 'to' || name === 'took' || name === 'within') {
        after = parseQuantity(m[1]!);
      } else if (name === 'formerly') {
        before = parseQuantity(m[1]!);
      } else if (name === 'earlier') {
        change = changeBy(parseQuantity(m[1]!), true);
      } else if (name === 'share') {
        after = parseQuantity(m[1]!);
        subject = m[2]!;
      } else if (name === 'saved') {
        if (m[2]) subject = m[2];
        change = changeBy(parseQuantity(m[3]!), true);
      } else if (name === 'compared' || name === 'by' || name === 'byWhat') {
        const verb = name === 'compared' ? m[2]! : m[1]!;
        const amount = parseQuantity(name === 'compared' ? m[3]! : name === 'by' ? m[2]! : m[3]!);
        if (name === 'byWhat') subject = m[2]!;
        change = changeBy(amount, DECREASING.test(verb));
      } else if (name === 'rate') {
        after = parseQuantity(m[2]!);
        subject = (subjectBefore(text, start, sentence.start) + m[1]).replace(/^(?:均)/u, '');
      } else if (name === 'online') {
        after = parseQuantity(m[1]!);
        subject = `${subjectBefore(text, start, sentence.start)}${text.slice(start + m[1]!.length, end)}`;
      }
      if (!before && !after && !change) continue;
      // "…平均用时174.4天，比2022年减少76.1天": a clause with no subject continues the one before.
      if (subject === '' || /^\d/u.test(subject)) subject = previousClauseSubject(text, start, sentence.start) || subject;
      const context = `${subject} ${words}`;
      if (NOT_GOVERNMENT_PERFORMANCE.test(subject)) continue;
      const sentenceText = text.slice(sentence.start, sentence.end);
      if (LOGISTICS.test(sentenceText) || GOAL.test(text.slice(sentence.start, start))) continue;
      const unit = after?.unit ?? change?.unit ?? before?.unit ?? '';
      let indicator = classifyIndicator(context, unit);
      // A rate is what its own words say (接通率 is not a satisfaction rate because 满意率 follows).
      if (name !== 'rate' && (indicator === 'OTHER' || indicator === 'PROCESSING_TIME')) {
        // The clause names the thing; failing that, the sentence says what it is about.
        const wider = classifyIndicator(sentenceText, unit);
        if (wider !== 'OTHER' && !(indicator === 'PROCESSING_TIME' && wider !== 'APPROVAL_TIME')) indicator = wider;
      }
      const program = programOf(text, programs, sentence.start, start);
      // An outcome of a program in the same sentence happened where the program is carried out.
      const ofProgram = programs.find((p) => p.id === program && p.sentenceStart === sentence.start)?.region;
      const region = ofProgram?.id ?? places.within(sentence.start, sentence.end)?.id ?? null;
      taken.push([start, end]);
      const evidence = evidenceFor(text, sentences, start, end);
      // "覆盖率、差评整改率和满意度均达到100%": one outcome per rate named.
      const subjects = name === 'rate' ? enumeratedRates(text, sentence.start, start, m[1]!, subject) : [subject];
      for (const one of subjects) {
        const draft = { indicator: subjects.length > 1 ? classifyIndicator(one, unit) : indicator, subject: one, before, after, change, region };
        const id = outcomeId(draft);
        if (ids.has(id)) continue;
        ids.add(id);
        outcomes.push({ id, ...draft, program, evidence });
        if (program) relations.push({ type: 'ACHIEVED', from: program, to: id, evidence });
      }
    }
  }
  outcomes.sort((a, b) => a.evidence.start - b.evidence.start);
  const merged = mergeStatedChanges(outcomes);
  return { outcomes: merged, relations: relations.filter((r) => merged.some((o) => o.id === r.to)) };
}

/**
 * "平均用时174.4天，比2022年减少76.1天": a change stated right after a level, in the same
 * sentence and unit, is that level's change, not an outcome of its own.
 */
function mergeStatedChanges(sorted: ExtractedOutcome[]): ExtractedOutcome[] {
  const out: ExtractedOutcome[] = [];
  for (const o of sorted) {
    const previous = out.at(-1);
    const changeOnly = o.change && !o.before && !o.after;
    if (changeOnly && previous?.after && !previous.change && previous.after.unit === o.change!.unit && previous.evidence.sentence === o.evidence.sentence && o.evidence.start - previous.evidence.end <= 12) {
      previous.change = o.change;
      previous.evidence = { ...previous.evidence, end: o.evidence.end };
      continue;
    }
    out.push(o);
  }
  return out;
}

/** The rates a clause lists before one shared value: A率、B率和C度 → [A率, B率, C度]. */
function enumeratedRates(text: string, floor: number, at: number, rateWord: string, subject: string): string[] {
  const clause = text.slice(floor, at).split(/[，。；：,;:]/u).pop() ?? '';
  const rated = (clause + rateWord).split(/[、和及与]/u).map((p) => p.replace(/[“”"]/gu, '').replace(/均.*$/u, '').trim());
  const rates = rated.filter((p) => /(率|度|占比)$/u.test(p));
  return rates.length > 1 ? rates : [subject];
}

function previousClauseSubject(text: string, at: number, floor: number): string {
  const head = text.slice(Math.max(floor, at - 48), at);
  const clauses = head.split(/[，。；,;]/u);
  const previous = clauses.length >= 2 ? clauses[clauses.length - 2]! : '';
  return previous
    .replace(/^(?:其中|同时|目前|今年|去年|上半年|前三季度)*(?:\d+\s*[~-]\s*\d+月|\d+月)?(?:份|以来)?/u, '')
    .split(/平均|用时|\d/u)[0]!
    .trim();
}

/** The program of the outcome's sentence, else the one its paragraph last named before it. */
function programOf(text: string, programs: readonly ProgramMention[], sentenceStart: number, at: number): string | null {
  const paragraphStart = text.lastIndexOf('\n', at) + 1;
  const inSentence = programs.filter((p) => p.sentenceStart === sentenceStart);
  if (inSentence.length > 0) return (inSentence.filter((p) => p.start < at).pop() ?? inSentence[0]!).id;
  return programs.filter((p) => p.start >= paragraphStart && p.end <= at).pop()?.id ?? null;
}
