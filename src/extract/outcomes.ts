import { createHash } from 'node:crypto';
import { alternation } from './alternation.js';
import { anchoredMatches, anchoredPattern, type Anchor } from './anchoredScan.js';
import type { RegionContext } from './context.js';
import { loadData } from './data/load.js';
import type { ProgramMention } from './programs.js';
import {
  COUNTED_QUANTITY_PATTERN,
  LIST_ITEM_PATTERN,
  PERCENT_PATTERN,
  PROPORTION_PATTERN,
  QUANTITY_PATTERN,
  TIME_QUANTITY_PATTERN,
  parseQuantity,
  writtenUnit,
} from './quantities.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { Change, Evidence, ExtractedOutcome, ExtractedRelation, Indicator, OutcomeStatus, Quantity } from '../model/index.js';

interface OutcomeWords {
  decrease: string[];
  increase: string[];
  saving: string[];
  timeGained: string[];
  moneySaved: string[];
  formerly: string[];
  now: string[];
  took: string[];
  done: string[];
  sameDay: Record<string, number>;
  rateWords: string[];
  rateVerbs: string[];
  statedChangeRates: string[];
  targetCues: string[];
  targetPatterns: string[];
  achievedMarkers: string[];
  notGovernment: string[];
  logistics: string[];
  planHeadings: string[];
  planIntros: string[];
  anaphora: string[];
  levelVerbs: string[];
  notEarlier: string[];
  notGovernmentAfter: string[];
  toTimeWords: string[];
  sameDayApply: string[];
  sameDayIssue: string[];
  doneAlone: string[];
  zeroes: Record<string, string>;
  notCounted: string[];
}

interface IndicatorRules {
  timeUnits: string[];
  timeWords: string[];
  rules: Array<{ indicator: Indicator; cues: string[]; units?: string[]; notTime?: boolean; orUnits?: string[]; time?: boolean; changeOnly?: boolean; final?: boolean }>;
}

const WORDS = loadData<OutcomeWords>('outcome-words');
const INDICATOR_RULES = loadData<IndicatorRules>('outcome-indicators');


const DOWN = alternation(WORDS.decrease);
const UP = alternation(WORDS.increase);
const CHANGE_WORD = alternation([...WORDS.decrease, ...WORDS.increase, ...WORDS.saving]);
const Q = QUANTITY_PATTERN;
/** Where a change is stated outright, people count too (由每日10人减至2到4人). */
const CQ = COUNTED_QUANTITY_PATTERN;
const TQ = TIME_QUANTITY_PATTERN;
const PCT = PERCENT_PATTERN;
const SAME_DAY = alternation(Object.keys(WORDS.sameDay));
/** Before the old value: a few words and a year (由改革前的40天, 由2020年的40、60天, 由平均每个区县344项). */
const FROM_GAP = '[^，。；：\\d]{0,8}?(?:(?<!\\d)\\d{4}年(?:底|末|初|上半年)?的?)?';
/** Between 至/到/为 and the new value: 了, a year or a time word (压减到了目前的19天, 精简至2021年的48项). */
const TO = `(?:至|到了?|为)(?:(?:(?<!\\d)\\d{4}年(?:底|末|上半年)?|${alternation(WORDS.toTimeWords)})的?)?`;
/** A parallel list: 40、60天 or 15天、12天、10天 (2 to 6 items, the last with its unit). */
const LIST = `(?:${LIST_ITEM_PATTERN}(?:、|和|及|与)){1,5}${Q}`;
/** 精简率达40% right after a from-to: the change the article states, not a second outcome. */
const STATED_RATE = `(?:[，,]\\s{0,2}(?<rateWord>${alternation(WORDS.statedChangeRates)})(?:均)?(?:达到|达|为|约|超过|超|近)?(?<rate>${PCT}))?`;
/** How the old state is introduced and how long it took (以前审批需要, 过去领执照要). */
const FORMERLY = `(?:${alternation(WORDS.formerly)})(?<what>[^。；\\d]{0,40}?)(?:需要|需|要|得|耗时|用时|花费|花|等了|等|涉及)[^，。；\\d]{0,10}?`;

type Groups = Record<string, string | undefined>;

/** One outcome a match states. */
interface Reading {
  before?: Quantity | null;
  after?: Quantity | null;
  change?: Change | null;
  /** What changed, when the match's own words say it; else the clause before the match. */
  subject?: string;
  /** The words the indicator is read from, when not the subject and the matched words. */
  indicatorWords?: string;
}

interface ReadContext {
  text: string;
  start: number;
  sentence: Sentence;
  /** The matched words. */
  words: string;
  /** The clause before the match: what changed (全流程审批事项, 通关时间). */
  subject: string;
}

interface OutcomePattern {
  name: string;
  re: RegExp;
  /** For a pattern that opens with a quantity: where to try it (anchoredPattern), not at every numeral. */
  anchor?: Anchor | null;
  /** The indicator comes from the match's own words only (接通率 is not 满意 because 满意率 follows). */
  ownIndicator?: boolean;
  /** The outcomes of one match: [] claims the span for nothing (a list that does not pair up), null leaves it to later rows. */
  read(g: Groups, ctx: ReadContext): Reading[] | null;
}

const decreasing = new RegExp(`^(?:${alternation([...WORDS.decrease, ...WORDS.saving, ...WORDS.timeGained, ...WORDS.moneySaved])})`, 'u');

/** The old and new values, with their difference, or the change the article states (精简率达40%). */
function fromTo(g: Groups): Reading[] | null {
  const before = parseQuantity(g.before!);
  const after = parseQuantity(g.after!);
  if (!before || !after) return null;
  const stated = g.rate ? changeBy(parseQuantity(g.rate), true) : null;
  return [{ before, after, change: stated ?? changeBetween(before, after) }];
}

/** A stated amount of change: a cut is negative. */
const changeOf = (decrease: (g: Groups) => boolean, subject?: (g: Groups) => string | undefined) => (g: Groups): Reading[] | null => {
  const change = changeBy(parseQuantity(g.change!), decrease(g));
  return change ? [{ change, subject: subject?.(g) }] : null;
};

/** What a formerly-clause was about: its longest comma piece, without 平均/一般/前后 (以前，一家门店从申请到开业一般). */
function formerSubject(what: string | undefined): string | undefined {
  const pieces = (what ?? '').split(/[，,、]/u).map((p) => p.replace(/(?:平均|一般|前后|就|都|光|必须|至少)+$/u, '').replace(/^的/u, '').trim());
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 2 ? longest : undefined;
}

const byWhat = changeOf((g) => decreasing.test(g.verb!), (g) => g.what);
/** 出台减税降费政策3项: a count of measures issued is not a cut (data/outcome-words.json notCounted). */
const NOT_COUNTED = new RegExp(`(?:${alternation(WORDS.notCounted)})$`, 'u');

/** A clause that says only what a change is measured against (同比, 较上年). */
const COMPARED_ONLY = /^(?:同比|环比|(?:较|比)(?:上年|去年|上年同期|去年同期))?$/u;

/** The rates a sentence states with their values, in order (诉求解决率为95.03%、满意率为96.15% → [诉求解决率, 满意率]). */
function statedRates(head: string): string[] {
  return [...head.matchAll(/([\u4e00-\u9fa5]{1,12}?(?:率|度|占比))(?:均)?(?:为|达到|达|是)?(?=\d)/gu)].map((m) => stripLead(m[1]!));
}

/** 零跑动, “零材料”: a goal that is a number (0) only where an old value is stated before it. */
const ZERO = `“?(?:${alternation(Object.keys(WORDS.zeroes))})”?`;

function zero(text: string): Quantity | null {
  const word = text.replace(/[“”]/gu, '');
  const unit = WORDS.zeroes[word];
  return unit === undefined ? null : { text: word, value: 0, unit };
}

/** What a now-clause is about, the words between 现在 and its value (现在办营业执照3天就够了 → 办营业执照). */
function nowSubject(words: string, after: string): string | undefined {
  const clause = words.slice(0, words.lastIndexOf(after)).split(/[，,。；;]/u).pop() ?? '';
  const subject = clause.replace(new RegExp(`^(?:而|但)?(?:${alternation(WORDS.now)})`, 'u'), '').replace(/(?:只需要|只需|只要|仅需|就|都|也)+$/u, '').trim();
  return subject.length >= 2 ? subject : undefined;
}

const afterOnly = (g: Groups): Reading[] | null => {
  const after = parseQuantity(g.after!) ?? sameDay(g.after!);
  return after ? [{ after }] : null;
};

/** A service level: its clause without the verb that introduces the level (群众办事实现当天申请、当天发证 → 群众办事). */
const levelOnly = (g: Groups, ctx: ReadContext): Reading[] | null => {
  const after = parseQuantity(g.after!) ?? sameDay(g.after!);
  const subject = ctx.subject.replace(/(?:基本|全面|已)?(?:实现|做到|达到|实行)$/u, '').replace(/^对/u, '');
  return after ? [{ after, subject: subject === ctx.subject ? undefined : subject }] : null;
};

/**
 * The patterns, most specific first; a span one of them read is not read again by the next.
 * Adding a wording is one row here and one row in test/unit/outcomes.test.ts.
 */
export const OUTCOME_PATTERNS: readonly OutcomePattern[] = [
  {
    // 一般、重大类项目审批时限由2020年的40、60天分别压减至25、35天: one outcome per pair
    name: 'parallel',
    re: new RegExp(`(?:分别)?(?:由|从)${FROM_GAP}(?<befores>${LIST})(?:分别)?(?:${CHANGE_WORD})?${TO}(?<afters>${LIST})`, 'gu'),
    read: (g, ctx) => {
      const befores = listItems(g.befores!);
      const afters = listItems(g.afters!);
      // Lists that do not pair up: nothing, rather than a wrong pair.
      if (befores.length !== afters.length || befores.includes(null) || afters.includes(null)) return [];
      const subjects = parallelSubjects(parallelClause(ctx.text, ctx.start, ctx.sentence.start), befores.length);
      return befores.map((before, i) => ({ before: before!, after: afters[i]!, change: changeBetween(before!, afters[i]!), subject: subjects[i] }));
    },
  },
  {
    // 跑动次数、办理时限、提交材料分别减少86.96%、57.71%、57.24%: one change per item
    name: 'parallelBy',
    re: new RegExp(`分别(?<verb>${CHANGE_WORD})了?(?<changes>${LIST})`, 'gu'),
    read: (g, ctx) => {
      const changes = listItems(g.changes!);
      if (changes.includes(null)) return [];
      const decrease = decreasing.test(g.verb!);
      const clause = parallelClause(ctx.text, ctx.start, ctx.sentence.start);
      // 解决率为95%、满意率为96%，同比分别提高4.4、2.7个百分点: the rates just stated, in order.
      const rates = COMPARED_ONLY.test(clause) ? statedRates(ctx.text.slice(Math.max(ctx.sentence.start, ctx.start - 120), ctx.start)).slice(-changes.length) : [];
      const subjects = rates.length === changes.length ? rates : parallelSubjects(clause, changes.length);
      return changes.map((q, i) => ({ change: changeBy(q, decrease), subject: subjects[i] }));
    },
  },
  {
    // 审批时限分别压缩至45个、30个工作日: one level per item
    name: 'parallelTo',
    // …的比例分别达到93%、91%、82%: a level per item too.
    re: new RegExp(`分别(?:(?:${CHANGE_WORD})?${TO}|将?(?:达到|达))(?<afters>${LIST})`, 'gu'),
    read: (g, ctx) => {
      const afters = listItems(g.afters!);
      if (afters.includes(null)) return [];
      const subjects = parallelSubjects(parallelClause(ctx.text, ctx.start, ctx.sentence.start), afters.length);
      return afters.map((after, i) => ({ after: after!, subject: subjects[i] }));
    },
  },
  {
    // 由64项压减至32项, 从1小时减少到10分钟, 由2020年的40天压缩至25天, 由50项减少到30项，精减率达40%
    name: 'fromTo',
    re: new RegExp(`(?:由|从)${FROM_GAP}(?<before>${CQ})[^，。；\\d]{0,6}?(?:${CHANGE_WORD})?${TO}(?<after>${CQ})${STATED_RATE}`, 'gu'),
    read: fromTo,
  },
  {
    // 至少1小时减少到10分钟
    name: 'pairedChange',
    ...anchoredPattern(`(?<before>${CQ})`, `(?:${DOWN}|${UP})(?:至|到了?)(?<after>${CQ})${STATED_RATE}`),
    read: fromTo,
  },
  {
    // 原来五个证件需要的29份材料一次性压减至10份: the old state and the new in one clause
    name: 'formerlyTo',
    re: new RegExp(`${FORMERLY}(?<before>${CQ})[^，。；\\d]{0,10}?(?:${DOWN}|${UP})${TO}(?<after>${CQ})`, 'gu'),
    read: fromTo,
  },
  {
    // 过去领执照要一周，现在当天就能拿到; 以前要跑两个月。现在9天就办好了 (the next sentence)
    name: 'formerlyNow',
    re: new RegExp(`${FORMERLY}(?<before>${Q})[^。；;！？\\n]{0,16}?[，,。；;]\\s{0,2}(?:而|但)?(?:${alternation(WORDS.now)})[^。；;\\d]{0,32}?(?<after>${Q}|${SAME_DAY}|${ZERO})`, 'gu'),
    read: (g, ctx) => {
      const before = parseQuantity(g.before!);
      const after = parseQuantity(g.after!) ?? sameDay(g.after!) ?? zero(g.after!);
      if (!before || !after) return null;
      const subject = formerSubject(g.what);
      // 以前要十几份材料，现在…5个工作日就拿到了: a count then a time are two outcomes, not one change.
      if (isTime(before.unit) !== isTime(after.unit)) return [{ before, subject }, { after, subject: nowSubject(ctx.words, g.after!) }];
      // 以前要70多个环节，现在…提速80%: a count and a share do not pair.
      if ((before.unit === '%') !== (after.unit === '%')) return null;
      // What is counted is named next to the numbers (涉及4个环节…只需1个环节), not elsewhere in the words.
      const around = (q: string) => {
        const at = ctx.words.lastIndexOf(q);
        return ctx.words.slice(Math.max(0, at - 6), at + q.length + 4);
      };
      return [{ before, after, change: changeBetween(before, after), subject, indicatorWords: `${subject ?? ''} ${around(g.before!)} ${around(g.after!)}` }];
    },
  },
  {
    // 缩短至13个工作日, 精简为“登记注册、公章刻制、税务申办”三环节, 压减至30项，精简率达40%
    name: 'to',
    // 压缩为4个环节、25个工作日以内: one level per item of a short list.
    re: new RegExp(`(?:${DOWN}|${UP})${TO}(?:“[^“”\\n]{1,24}”)?(?<after>${CQ})(?:、(?<also>${CQ}))?${STATED_RATE}`, 'gu'),
    read: (g) => {
      if (g.also) {
        const items = listItems(`${g.after!}、${g.also}`);
        if (items.includes(null)) return [];
        return items.map((after) => ({ after: after! }));
      }
      const after = parseQuantity(g.after!);
      return after ? [{ after, change: g.rate ? changeBy(parseQuantity(g.rate), true) : null }] : null;
    },
  },
  {
    // 以前审批需要1-2个月时间: the old state, when the new one is not a number (现在只要几天)
    name: 'formerly',
    re: new RegExp(`${FORMERLY}(?<before>${Q})`, 'gu'),
    read: (g) => {
      const before = parseQuantity(g.before!);
      return before ? [{ before, subject: formerSubject(g.what) }] : null;
    },
  },
  {
    // 为企业抢出12天, 赢得了宝贵的30天, 节省时间5个工作日: time saved
    name: 'timeGained',
    re: new RegExp(`(?:${alternation(WORDS.timeGained)})了?[^，。；\\d]{0,6}?(?<change>${TQ})`, 'gu'),
    read: changeOf(() => true),
  },
  {
    // 企业投产可提前3~4个月: time saved (提前1天预约 is a rule for applicants, not a saving)
    name: 'earlier',
    re: new RegExp(`提前了?(?<change>${Q})(?!${alternation(WORDS.notEarlier)})`, 'gu'),
    read: changeOf(() => true),
  },
  {
    // 比2022年减少76.1天, 较上年缩短30%, 同比下降37% (占比较上年: 较, not 比)
    name: 'compared',
    re: new RegExp(`(?:同|环)?(?<!占)(?:比|较)[^，。；]{0,8}?(?<verb>${CHANGE_WORD})了?(?<change>${Q}|${PROPORTION_PATTERN})`, 'gu'),
    read: changeOf((g) => decreasing.test(g.verb!)),
  },
  {
    // 审批事项减少比例达46.7%, 压缩率为60%: a stated rate of reduction is a change
    name: 'statedRate',
    re: new RegExp(`(?<word>${alternation(WORDS.statedChangeRates)})(?:均)?(?:达到|达|为|约|超过|超|近)?(?<change>${PCT})`, 'gu'),
    // 申请材料精简比例、办理时限压减比例均超70%: one change per rate listed.
    read: (g, ctx) => {
      const change = changeBy(parseQuantity(g.change!), true);
      if (!change) return null;
      const rates = enumeratedRates(ctx.text, ctx.sentence.start, ctx.start, g.word!);
      return rates.length > 1 ? rates.map((one) => ({ change, subject: one, indicatorWords: one })) : [{ change }];
    },
  },
  {
    // 压缩了近90%, 时间缩短了1/3, 费用降低了一半以上
    name: 'by',
    re: new RegExp(`(?<verb>${CHANGE_WORD})了?(?<change>${Q}|${PROPORTION_PATTERN})`, 'gu'),
    read: changeOf((g) => decreasing.test(g.verb!)),
  },
  {
    // 提升审批效率50%以上, 减少申请材料12份, 压缩办理时间三分之一
    name: 'byWhat',
    // Not 压缩到法定时间的30%: a share of the old time is where it got to, not how much it fell.
    re: new RegExp(`(?<verb>${UP}|${DOWN})(?![至到为])(?<what>[^，。；\\d“”]{2,8}?)(?<change>${PCT}|${Q}|${PROPORTION_PATTERN})`, 'gu'),
    read: (g) => (NOT_COUNTED.test(g.what!) && /^(?:项|个|条|件)$/u.test(parseQuantity(g.change!)?.unit ?? '') ? [] : byWhat(g)),
  },
  {
    // 年均节约企业开办成本200万元以上, 累计减免税费10亿元: money enterprises save
    name: 'moneySaved',
    re: new RegExp(`(?<verb>${alternation(WORDS.moneySaved)})(?<what>[^，。；\\d“”]{0,8}?)(?<change>(?:近|约|超过)?(?<![\\d.])\\d{1,12}(?:\\.\\d{1,4})?(?:万元|亿元)(?:以上)?)`, 'gu'),
    read: changeOf(() => true, (g) => g.what || undefined),
  },
  {
    // 平均用时174.4天, 全过程仅用时4分钟
    name: 'took',
    re: new RegExp(`(?:平均)?(?<word>${alternation(WORDS.took)})(?<after>${Q})`, 'gu'),
    read: (g, ctx) => {
      const after = parseQuantity(g.after!);
      // 办理时间为2.5天: the subject ends with the word for time.
      const timeWord = /^(?:时间|时长|耗时|用时)/u.exec(g.word!)?.[0];
      return after ? [{ after, subject: timeWord ? `${ctx.subject}${timeWord}` : undefined }] : null;
    },
  },
  {
    // 当天申请、当天发证, 当日受理当日办结: a same-day service
    name: 'sameDayPair',
    re: new RegExp(`(?<after>${SAME_DAY})(?:${alternation(WORDS.sameDayApply)})[、，,]?\\s{0,2}(?:${SAME_DAY})(?:${alternation(WORDS.sameDayIssue)})`, 'gu'),
    read: levelOnly,
  },
  {
    // 签约后3个工作日即可完成, 3个工作日即可拿证, 当天就能领取
    name: 'withinModal',
    ...anchoredPattern(`(?<after>${TQ}|${SAME_DAY})`, `(?:即可|就能|就可以|就可|便可|即|可|就)(?:全部|全|都)?(?:${alternation(WORDS.done)})`),
    read: levelOnly,
  },
  {
    // 2个工作日内“三证齐发”, 4小时内办结, 一周内取得施工许可证, 企业开办1日办结 (办结 needs no 内)
    name: 'within',
    // Not 7×24小时 (hours of opening), nor 15秒内接通率 (the definition of a rate).
    ...anchoredPattern(
      `(?<![×xX*])(?<after>${TQ}|${SAME_DAY})`,
      `(?:(?<=内|当天|当日)(?=[“]?(?:全部|全|都|予以|即可)?(?:${alternation(WORDS.done)})(?![^，。；,;]?(?:率|了)))|(?=(?:${alternation(WORDS.doneAlone)})(?!率)))`,
    ),
    read: levelOnly,
  },
  {
    // 满意率99.06%, 网办率达到99%, 好评率达99%以上, 即办件占比达98%; A率、B率和C度均达到100%: one per rate
    name: 'rate',
    ownIndicator: true,
    re: new RegExp(`(?<rate>${alternation(WORDS.rateWords)})(?:均)?(?:已经|已|将)?(?:${alternation(WORDS.rateVerbs)})?(?<after>${PCT})`, 'gu'),
    read: (g, ctx) => {
      const after = parseQuantity(g.after!);
      if (!after) return null;
      const subject = (ctx.subject + g.rate!).replace(/^均/u, '');
      const rates = enumeratedRates(ctx.text, ctx.sentence.start, ctx.start, g.rate!);
      return rates.length > 1 ? rates.map((one) => ({ after, subject: one, indicatorWords: one })) : [{ after, subject }];
    },
  },
  {
    // 100%全流程网上办理
    name: 'online',
    re: new RegExp(`(?<after>${PCT})(?:的)?(?:事项|业务)?(?:实现)?(?:全流程|全程)?(?:网上办理|网上办|网办|线上办理|掌上办|不见面审批)`, 'gu'),
    read: (g, ctx) => {
      const after = parseQuantity(g.after!);
      return after ? [{ after, subject: `${ctx.subject}${ctx.words.slice(g.after!.length)}` }] : null;
    },
  },
  {
    // 80%以上现场勘验事项使用“互联网+现场勘验”新模式, 98%的事项实现马上办: a share of the matters handled a new way
    name: 'share',
    re: new RegExp(`(?<after>${PCT})(?:的)?(?<what>[^，。；\\d%]{1,10}?(?:事项|业务|审批|申请))(?=使用|采用|实现|通过|可|已|网上|在线|全程|全流程|掌上|线上)`, 'gu'),
    read: (g) => {
      const after = parseQuantity(g.after!);
      return after ? [{ after, subject: g.what!.replace(/^的/u, '') }] : null;
    },
  },
  {
    // 把企业开办时间稳定在1个工作日以内, 控制在25个工作日以内
    name: 'keptAt',
    re: new RegExp(`(?:${alternation(WORDS.levelVerbs)})(?<after>${Q})`, 'gu'),
    read: afterOnly,
  },
];

/** Economic statistics are not outcomes of how government works. */
const NOT_GOVERNMENT_PERFORMANCE = new RegExp(alternation(WORDS.notGovernment), 'u');
/** What a construction schedule reaches (2个月内完成主体工程): building, not government, when it follows the match in its clause. */
const CONSTRUCTION_AFTER = new RegExp(`^[^，。；：,;]{0,4}?(?:${alternation(WORDS.notGovernmentAfter)})`, 'u');
/** Freight by rail, sea or air: logistics, not government. */
const LOGISTICS = new RegExp(alternation(WORDS.logistics), 'u');
/**
 * A plan or goal before the outcome in its sentence (力争到2025年, 计划, 确保, 预计) makes it a
 * TARGET, unless an achievement is reported after the cue (到2023年底，已压缩至…). 将 alone is
 * not a cue: news writes 将…精简为 about changes already made.
 */
const TARGET_CUE = new RegExp(`(?:${alternation(WORDS.targetCues)}|${WORDS.targetPatterns.join('|')})`, 'gu');
const ACHIEVED_MARKER = new RegExp(alternation(WORDS.achievedMarkers), 'u');

const PLAN_HEADING = new RegExp(alternation(WORDS.planHeadings), 'u');
const PLAN_INTRO = new RegExp(alternation(WORDS.planIntros), 'u');
/** A line that opens a new part: 三、…, a question (记者：下一步有哪些打算？). */
const SECTION_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|.{0,40}[？?]$)/u;

/**
 * Spans of the text that report plans, sorted and disjoint: from a plan heading (二、2024年工作安排,
 * 下一步有哪些打算？) to the next section heading, and the rest of a paragraph after a plan intro
 * (重点做好三方面工作). Outcomes inside them are targets.
 */
function planScopes(text: string): Array<[number, number]> {
  const scopes: Array<[number, number]> = [];
  let open: number | null = null;
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    const end = at + line.length;
    at = end + 1;
    const trimmed = line.trim();
    if (trimmed.length <= 40 && SECTION_HEADING.test(trimmed)) {
      if (open !== null) scopes.push([open, start]);
      open = PLAN_HEADING.test(trimmed) ? end : null;
      continue;
    }
    const intro = open === null ? PLAN_INTRO.exec(line) : null;
    if (intro) scopes.push([start + intro.index, end]);
  }
  if (open !== null) scopes.push([open, text.length]);
  return scopes;
}

/** Whether `at` lies in one of the sorted, disjoint scopes (binary search). */
function inScopes(scopes: ReadonlyArray<[number, number]>, at: number): boolean {
  let lo = 0;
  let hi = scopes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = scopes[mid]!;
    if (at < a) hi = mid - 1;
    else if (at >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

function statusOf(beforeMatch: string): OutcomeStatus {
  let last = -1;
  for (const m of beforeMatch.matchAll(TARGET_CUE)) last = m.index + m[0].length;
  if (last < 0) return 'ACHIEVED';
  return ACHIEVED_MARKER.test(beforeMatch.slice(last)) ? 'ACHIEVED' : 'TARGET';
}

const TIME_UNITS = new Set(INDICATOR_RULES.timeUnits);
const TIME_WORDS = new RegExp(alternation(INDICATOR_RULES.timeWords), 'u');
const RULES = INDICATOR_RULES.rules.map((r) => ({ ...r, cue: r.cues.length > 0 ? new RegExp(alternation(r.cues), 'u') : null }));

function isTime(unit: string): boolean {
  return TIME_UNITS.has(unit);
}

/** The indicator of an outcome from its words and unit: the first rule of data/outcome-indicators.json that holds. */
export function classifyIndicator(context: string, unit: string, changeOnly = false): Indicator {
  return indicatorRule(context, unit, changeOnly)?.indicator ?? 'OTHER';
}

/** The first rule of data/outcome-indicators.json that holds, if any. */
function indicatorRule(context: string, unit: string, changeOnly: boolean): (typeof RULES)[number] | undefined {
  return RULES.find((r) => {
    if (r.changeOnly && !changeOnly) return false;
    if (r.orUnits?.includes(unit)) return true;
    if (r.cue && !r.cue.test(context)) return false;
    if (r.units && !r.units.includes(unit)) return false;
    if (r.notTime && isTime(unit)) return false;
    return !r.time || isTime(unit) || TIME_WORDS.test(context);
  });
}

/**
 * 当天/当日 → 1 天: a same-day service takes one day, as 1日办结 does (data/outcome-words.json
 * sameDay). 即时, 立等可取, 当场 are not read as 0: they state no amount, and a zero would make
 * every "improvement" a 100% cut.
 */
function sameDay(text: string): Quantity | null {
  const days = WORDS.sameDay[text];
  return days === undefined ? null : { text, value: days, unit: '天' };
}

/** 15天、12天、10天 → three quantities; 40、60天 → 40天, 60天 (an item without a unit takes the last item's). */
function listItems(list: string): Array<Quantity | null> {
  const items = list.split(/、|和|及|与/u);
  const unit = writtenUnit(items.at(-1)!) ?? '';
  return items.map((item) => {
    const own = writtenUnit(item);
    // 45个、30个工作日: 个 is the start of the last item's 个工作日.
    if (own === null || (own !== unit && unit.startsWith(own))) return parseQuantity(`${own === null ? item : item.slice(0, item.lastIndexOf(own))}${unit}`);
    return parseQuantity(item);
  });
}

/** The clause before a parallel list, keeping 、 (一般、重大类项目审批时限). */
function parallelClause(text: string, at: number, floor: number): string {
  const head = text.slice(Math.max(floor, at - 32), at);
  return stripLead(head.split(/[，。；：,;:！？!?（）()]/u).pop() ?? '').replace(/分别$/u, '');
}

/**
 * One subject per item of a parallel list: 一般、重大类项目审批时限 → 一般类项目审批时限, 重大类项目审批时限;
 * 水、电、气报装时间 → 水报装时间 … When the clause does not enumerate as many heads, every item
 * gets the whole clause.
 */
function parallelSubjects(clause: string, n: number): string[] {
  const parts = clause.split('、');
  if (parts.length !== n) return Array.from({ length: n }, () => clause);
  const last = parts.at(-1)!;
  const classAt = last.indexOf('类');
  // The last part is its head plus the shared tail: up to 类, else as long as the head before it.
  const headLength = classAt >= 0 && classAt < 6 ? classAt + 1 : parts.at(-2)!.length;
  if (headLength >= last.length) return Array.from({ length: n }, () => clause);
  const tail = last.slice(headLength);
  const heads = [...parts.slice(0, -1), last.slice(0, headLength)];
  return heads.map((h) => (classAt >= 0 && !h.endsWith('类') ? `${h}类${tail}` : `${h}${tail}`));
}

/** Words that open a clause without naming what changed: time words, a plan's cue, 为企业. */
const LEAD = new RegExp(
  `^(?:其中|同时|目前|现在|如今|改革后|改革以来|年底前|年内|对于|截至目前|今年以来|今年|去年|明年|已|并|将|使|让|实现|做到|推动|全力|有效|大幅|为企业|为群众|帮企业|${alternation(WORDS.targetCues)}|到|在)+(?:(?<![\\d])\\d{4}年|年)?(?:底前|末前|底|末|前|内)?(?:将|把)?`,
  'u',
);

/** …力争到2026年底将 / …将 / …把 inside the clause (the last of them): the subject is what follows. */
const PLANNED_OBJECT = new RegExp(`^[^，。]{0,12}(?:(?:${alternation(WORDS.targetCues)})(?:到|在)?(?:(?<![\\d])\\d{4}年)?(?:底|末|前)?(?:将|把)?|将|把)(?=[^，。]{2})`, 'u');

function stripLead(clause: string): string {
  return clause
    .replace(LEAD, '')
    .replace(PLANNED_OBJECT, '')
    // 全县将推动企业开办时间: the words after a plan's 将 may open with a lead again.
    .replace(LEAD, '')
    .replace(/^的/u, '')
    .replace(/(?:已经|已|将|分别|再|进一步|平均|(?<!平)均|却|也|逐步|逐年|持续|不断)+$/u, '')
    .trim();
}

/** The words of the clause before `at`: what changed (全流程审批事项, 通关时间). */
function subjectBefore(text: string, at: number, floor: number): string {
  const head = text.slice(Math.max(floor, at - 24), at);
  const clause = head.split(/[，。；：、,;:！？!?（）()]/u).pop() ?? '';
  return stripLead(clause).replace(/(?<!占)[由从比较]$/u, '').trim();
}

/** A stated amount of change, signed (a cut is negative); a percentage is its own percent. */
function changeBy(q: Quantity | null, decrease: boolean): Change | null {
  if (!q || q.value === null) return null;
  const value = decrease ? -q.value : q.value;
  return { text: q.text, value, unit: q.unit, percent: q.unit === '%' ? value : null, direction: decrease ? 'DECREASE' : 'INCREASE' };
}

function changeBetween(before: Quantity, after: Quantity): Change | null {
  if (before.unit !== after.unit) return null; // 1小时 → 10分钟: different units, no arithmetic on text
  if (before.value === null || after.value === null) return null; // not a sane number: no arithmetic either
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
  // Status joins the key only for targets, so achieved outcomes keep the ids they had.
  const key = [o.region, o.indicator, o.subject, o.before?.text, o.after?.text, o.change?.text, ...(o.status === 'TARGET' ? ['TARGET'] : [])].join('|');
  return `outcome:${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

/** Evidence of a span that may run over into the next sentence (以前要跑两个月。现在9天就办好了). */
function evidenceOf(text: string, sentences: readonly Sentence[], start: number, end: number): Evidence {
  const first = sentenceAt(sentences, start);
  const last = sentenceAt(sentences, end - 1) ?? first;
  return { sentence: first ? text.slice(first.start, Math.max(first.end, last?.end ?? first.end)) : text.slice(start, end), start, end };
}

/**
 * Spans already read, disjoint and sorted: a lookup is a binary search, and the spans of one
 * pattern (disjoint among themselves) are merged in once the pattern is done, so that an
 * article of thousands of matches stays linear.
 */
class TakenSpans {
  private spans: Array<[number, number]> = [];
  private pending: Array<[number, number]> = [];

  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.spans[mid]!;
      if (b <= start) lo = mid + 1;
      else if (a >= end) hi = mid - 1;
      else return true;
    }
    return false;
  }

  add(start: number, end: number): void {
    this.pending.push([start, end]);
  }

  /** Merges the pending spans (sorted, as matchAll found them) into the sorted list. */
  commit(): void {
    const merged: Array<[number, number]> = [];
    let i = 0;
    let j = 0;
    while (i < this.spans.length || j < this.pending.length) {
      if (j >= this.pending.length || (i < this.spans.length && this.spans[i]![0] < this.pending[j]![0])) merged.push(this.spans[i++]!);
      else merged.push(this.pending[j++]!);
    }
    this.spans = merged;
    this.pending = [];
  }
}

/** How far before an outcome its sentence is searched for a plan's cue (力争到2025年，全市…压缩至). */
const TARGET_LOOKBACK = 160;

/**
 * Quantified outcomes with before/after/change, their indicator and status, and the region and
 * program of their sentence (or, for the program, the one the paragraph last named).
 */
export function findOutcomes(
  text: string,
  sentences: readonly Sentence[],
  places: RegionContext,
  programs: readonly ProgramMention[],
): { outcomes: ExtractedOutcome[]; relations: ExtractedRelation[] } {
  const taken = new TakenSpans();
  const outcomes: ExtractedOutcome[] = [];
  const relations: ExtractedRelation[] = [];
  const ids = new Set<string>();
  // Per sentence, computed once: a sentence can hold many matches.
  const logistics = new Map<number, boolean>();
  const sentenceIndicator = new Map<string, Indicator>();
  const paragraphs = paragraphStarts(text);
  const programIndex = new ProgramIndex(programs);
  const plans = planScopes(text);
  // Outcomes whose clause names nothing: they continue the clause before (…，比改革前缩短了一半).
  const continuing = new Set<string>();

  for (const pattern of OUTCOME_PATTERNS) {
    for (const m of anchoredMatches(pattern.re, text, pattern.anchor ?? null)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const sentence = sentenceAt(sentences, start) ?? { start, end };
      const words = m[0];
      const readings = pattern.read(m.groups ?? {}, { text, start, sentence, words, subject: subjectBefore(text, start, sentence.start) });
      if (readings === null) continue;
      if (readings.length === 0) {
        taken.add(start, end);
        continue;
      }
      if (CONSTRUCTION_AFTER.test(text.slice(end, end + 12))) continue;
      const sentenceText = text.slice(sentence.start, sentence.end);
      if (!logistics.has(sentence.start)) logistics.set(sentence.start, LOGISTICS.test(sentenceText));
      if (logistics.get(sentence.start)) continue;
      const planned = inScopes(plans, start);
      // A list of goals goes on after ；without repeating its cue (目标是…减少50%；…减少50%以上).
      const listed = /[；;]/u.test(text[sentence.start - 1] ?? '') ? (sentenceAt(sentences, sentence.start - 1)?.start ?? sentence.start) : sentence.start;
      const status = planned ? 'TARGET' : statusOf(text.slice(Math.max(listed, start - TARGET_LOOKBACK), start));
      const program = programIndex.programOf(paragraphStartOf(paragraphs, start), sentence.start, start);
      // An outcome of a program in the same sentence happened where the program is carried out.
      const ofProgram = programIndex.inSentence(sentence.start).find((p) => p.id === program)?.region;
      const region = ofProgram?.id ?? places.within(sentence.start, sentence.end)?.id ?? null;
      const evidence = evidenceOf(text, sentences, start, end);
      let emitted = false;
      for (const reading of readings) {
        const before = reading.before ?? null;
        const after = reading.after ?? null;
        const change = reading.change ?? null;
        if (!before && !after && !change) continue;
        let subject = reading.subject ?? subjectBefore(text, start, sentence.start);
        // "…平均用时174.4天，比2022年减少76.1天": a clause with no subject continues the one before.
        // 266项高频事项效率: a count before the subject names how many, not what.
        const counted = /^\d{1,12}(?:项|个|件|类|批)(?=[^\d]{2})/u.exec(subject);
        if (counted) subject = subject.slice(counted[0].length);
        const continues = subject === '' || /^\d/u.test(subject);
        if (continues) subject = previousClauseSubject(text, start, sentence.start) || subject;
        if (NOT_GOVERNMENT_PERFORMANCE.test(subject)) {
          // A statistic: claim its words, so that a shorter pattern does not read them again without the subject.
          emitted = true;
          continue;
        }
        const unit = after?.unit ?? change?.unit ?? before?.unit ?? '';
        const changeOnly = !before && !after;
        const rule = indicatorRule(reading.indicatorWords ?? `${subject} ${words}`, unit, changeOnly);
        let indicator = rule?.indicator ?? 'OTHER';
        if (!pattern.ownIndicator && !rule?.final && (indicator === 'OTHER' || indicator === 'PROCESSING_TIME')) {
          // The clause names the thing; failing that, the sentence says what it is about.
          const key = `${sentence.start}|${unit}|${changeOnly}`;
          if (!sentenceIndicator.has(key)) sentenceIndicator.set(key, classifyIndicator(sentenceText, unit, changeOnly));
          const wider = sentenceIndicator.get(key)!;
          if (wider !== 'OTHER' && !(indicator === 'PROCESSING_TIME' && wider !== 'APPROVAL_TIME')) indicator = wider;
        }
        // Plans mostly set economic numbers (覆盖率提升20%): a target counts only when it measures a service.
        if (status === 'TARGET' && indicator === 'OTHER' && !before && !after) continue;
        // A bare rise in something unnamed (预订量比上周增加了三成) is business news, not a reform's result;
        // percentage points are a rate's (即办件占比提高了15个百分点).
        if (indicator === 'OTHER' && !before && !after && change?.direction === 'INCREASE' && change.unit !== '百分点') continue;
        const draft = { indicator, status, subject, before, after, change, region };
        const id = outcomeId(draft);
        emitted = true;
        if (ids.has(id)) continue;
        ids.add(id);
        outcomes.push({ id, ...draft, program, evidence });
        if (continues) continuing.add(id);
        // A plan is not something the program achieved (yet).
        if (program && status === 'ACHIEVED') relations.push({ type: 'ACHIEVED', from: program, to: id, evidence });
      }
      if (emitted) taken.add(start, end);
    }
    taken.commit();
  }
  outcomes.sort((a, b) => a.evidence.start - b.evidence.start);
  const renamed = new Map<string, string>();
  const merged = mergeStatedChanges(text, mergeAnaphora(text, sentences, outcomes, renamed), continuing);
  pairWithFormer(text, merged);
  const restated = dropRestatedBefores(merged);
  const kept = new Set(restated.map((o) => o.id));
  const seen = new Set<string>();
  const linked = relations
    .map((r) => ({ ...r, to: renamed.get(r.to) ?? r.to }))
    .filter((r) => kept.has(r.to) && !seen.has(`${r.from}|${r.to}`) && seen.add(`${r.from}|${r.to}`));
  return { outcomes: restated, relations: linked };
}

/**
 * "平均用时174.4天，比2022年减少76.1天": a change stated right after a level, in the same
 * sentence and unit, is that level's change, not an outcome of its own.
 */
function mergeStatedChanges(text: string, sorted: ExtractedOutcome[], continuing: ReadonlySet<string>): ExtractedOutcome[] {
  const out: ExtractedOutcome[] = [];
  for (const o of sorted) {
    const previous = out.at(-1);
    const changeOnly = o.change && !o.before && !o.after;
    const near = previous !== undefined && o.evidence.start >= previous.evidence.end && o.evidence.start - previous.evidence.end <= 12;
    // Same sentence: no sentence end between the two (cheaper than comparing sentence strings).
    if (changeOnly && near && previous.after && !previous.change && (previous.after.unit === o.change!.unit || (o.change!.unit === '%' && continuing.has(o.id))) && !/[。！？；!?\n]/u.test(text.slice(previous.evidence.end, o.evidence.start))) {
      previous.change = o.change;
      previous.evidence = { ...previous.evidence, end: o.evidence.end };
      continue;
    }
    // 由347项减少到185项，减少近一半: the change stated after a from-to is that change, as 精简率达40% is.
    const statedAfterFromTo = changeOnly && near && previous.before && previous.after && previous.change && continuing.has(o.id);
    if (statedAfterFromTo && previous.change!.direction === o.change!.direction && !/[。！？；!?\n]/u.test(text.slice(previous.evidence.end, o.evidence.start))) {
      previous.change = o.change;
      previous.evidence = { ...previous.evidence, end: o.evidence.end };
      continue;
    }
    out.push(o);
  }
  return out;
}

const FORMER_WORD = new RegExp(`(?:${alternation(WORDS.formerly)})`, 'gu');
const NOW_WORD = new RegExp(`(?:${alternation(WORDS.now)})`, 'gu');
/** How far back (characters) the old clause of a 以前…现在 pair may start. */
const FORMER_REACH = 100;

/**
 * "过去…提交材料23份；改革后只需1个环节，材料精简到9份": a new value with no old one, in a now-clause,
 * takes as its before the count the formerly-clause gave for the same noun (材料…23份) in the
 * same unit. The noun is the last two characters of the subject.
 */
function pairWithFormer(text: string, sorted: ExtractedOutcome[]): void {
  for (const o of sorted) {
    if (!o.after || o.before || o.change || o.status !== 'ACHIEVED') continue;
    const noun = /[\u4e00-\u9fa5]{2}$/u.exec(o.subject)?.[0];
    if (!noun) continue;
    const head = text.slice(Math.max(0, o.evidence.start - FORMER_REACH), o.evidence.start);
    const sentenceHead = head.slice(Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'), head.lastIndexOf('\n')) + 1);
    let now = -1;
    for (const m of sentenceHead.matchAll(NOW_WORD)) now = m.index;
    if (now < 0) continue;
    FORMER_WORD.lastIndex = 0;
    const former = FORMER_WORD.exec(sentenceHead.slice(0, now));
    if (!former) continue;
    const old = sentenceHead.slice(former.index, now);
    let before: Quantity | null = null;
    for (const m of old.matchAll(new RegExp(`${noun}[^，。；;,\\d]{0,4}?(${QUANTITY_PATTERN})`, 'gu'))) before = parseQuantity(m[1]!);
    if (!before || before.unit !== o.after.unit) continue;
    o.before = before;
    o.change = changeBetween(before, o.after);
  }
}

/**
 * "此前…需要88个工作日。…审批时间从88个工作日压缩至零个工作日": an old value stated alone and then
 * again as the before of a from-to is one outcome, the from-to. The look-ahead is bounded by
 * distance, so an article of many outcomes stays linear.
 */
function dropRestatedBefores(sorted: readonly ExtractedOutcome[]): ExtractedOutcome[] {
  return sorted.filter((o, i) => {
    if (!o.before || o.after || o.change || o.before.value === null) return true;
    for (let j = i + 1; j < sorted.length && sorted[j]!.evidence.start - o.evidence.end <= ANAPHORA_REACH; j++) {
      const p = sorted[j]!;
      if (p.before && p.after && p.before.value === o.before.value && p.before.unit === o.before.unit) return false;
    }
    return true;
  });
}

const ANAPHORA = new RegExp(`^(?:${alternation(WORDS.anaphora)})$`, 'u');
/** How far back (characters) the quantity an anaphora refers to may be: the sentence or two before. */
const ANAPHORA_REACH = 200;

/**
 * "一般需要三十个工作日。……这一时间已经压缩至五个工作日": a new value of 这一时间 / 这个数字 is the
 * after of the quantity stated just before, which becomes its before. `renamed` maps the ids of
 * the two merged outcomes to the new one's.
 */
function mergeAnaphora(text: string, sentences: readonly Sentence[], sorted: ExtractedOutcome[], renamed: Map<string, string>): ExtractedOutcome[] {
  const out: ExtractedOutcome[] = [];
  for (const o of sorted) {
    const previous = out.at(-1);
    const refersBack = ANAPHORA.test(o.subject) && o.after && !o.before;
    const single = previous && !previous.change && (previous.before === null) !== (previous.after === null);
    if (!refersBack || !previous || !single || o.evidence.start - previous.evidence.end > ANAPHORA_REACH) {
      out.push(o);
      continue;
    }
    const before = previous.before ?? previous.after!;
    const draft = { indicator: previous.indicator, status: o.status, subject: previous.subject, before, after: o.after, change: changeBetween(before, o.after!), region: previous.region };
    const id = outcomeId(draft);
    out[out.length - 1] = { id, ...draft, program: previous.program ?? o.program, evidence: evidenceOf(text, sentences, previous.evidence.start, o.evidence.end) };
    renamed.set(previous.id, id);
    renamed.set(o.id, id);
  }
  return out;
}

/** The rates a clause lists before one shared value: A率、B率和C度 → [A率, B率, C度]. */
function enumeratedRates(text: string, floor: number, at: number, rateWord: string): string[] {
  const clause = text.slice(Math.max(floor, at - 80), at).split(/[，。；：,;:]/u).pop() ?? '';
  const rated = (clause + rateWord).split(/[、和及与]/u).map((p) => p.replace(/[“”"]/gu, '').replace(/均.*$/u, '').trim());
  return rated.filter((p) => /(?:率|度|占比|比例|比重)$/u.test(p)).map(stripLead);
}

function previousClauseSubject(text: string, at: number, floor: number): string {
  const head = text.slice(Math.max(floor, at - 48), at);
  const clauses = head.split(/[，。；,;]/u);
  const previous = clauses.length >= 2 ? clauses[clauses.length - 2]! : '';
  return previous
    .replace(/^(?:其中|同时|目前|今年|去年|上半年|前三季度|对于)*(?:\d{1,2}\s{0,2}[~-]\s{0,2}\d{1,2}月|\d{1,2}月)?(?:份|以来)?/u, '')
    .split(/平均|用时|由|从|\d/u)[0]!
    .replace(TRAILING_CHANGE, '')
    .replace(/^(?:将|把)/u, '')
    .trim();
}

/** 将全流程审批压缩为 → 全流程审批: the verb that ended the clause before is not part of what changed. */
const TRAILING_CHANGE = new RegExp(`(?:${CHANGE_WORD})(?:至|到|为)?$`, 'u');

/** Offsets where paragraphs start, for a binary search instead of a scan back per outcome. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function paragraphStartOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]!;
}

/** Program mentions by sentence and by position, so that each outcome's lookup is not a scan of them all. */
class ProgramIndex {
  private readonly bySentence = new Map<number, ProgramMention[]>();
  private readonly byStart: ProgramMention[];

  constructor(programs: readonly ProgramMention[]) {
    for (const p of programs) {
      const list = this.bySentence.get(p.sentenceStart);
      if (list) list.push(p);
      else this.bySentence.set(p.sentenceStart, [p]);
    }
    this.byStart = [...programs].sort((a, b) => a.start - b.start);
  }

  inSentence(sentenceStart: number): readonly ProgramMention[] {
    return this.bySentence.get(sentenceStart) ?? [];
  }

  /** The program of the outcome's sentence, else the one its paragraph last named before it. */
  programOf(paragraphStart: number, sentenceStart: number, at: number): string | null {
    const inSentence = this.inSentence(sentenceStart);
    if (inSentence.length > 0) return (inSentence.filter((p) => p.start < at).pop() ?? inSentence[0]!).id;
    // The last mention starting before `at`, then back to one that also ends before it.
    let lo = 0;
    let hi = this.byStart.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.byStart[mid]!.start < at) {
        i = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (; i >= 0 && this.byStart[i]!.start >= paragraphStart; i--) {
      if (this.byStart[i]!.end <= at) return this.byStart[i]!.id;
    }
    return null;
  }
}
