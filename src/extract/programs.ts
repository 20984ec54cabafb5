import { alternation } from './alternation.js';
import type { AgencyMention } from './agencies.js';
import { placeRef, type PlaceRef, type RegionContext } from './context.js';
import { loadData } from './data/load.js';
import { gazetteer } from './gazetteer.js';
import type { PolicyMention } from './policies.js';
import { evidenceFor } from './regions.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { ExtractedEntity, ExtractedRelation, ProgramKind, RegionLevel } from '../model/index.js';
import { isWholeWord } from './wordBoundaries.js';

interface ProgramCues {
  doing: string[];
  nouns: string[];
  notAfterNoun: string[];
  notQuoted: string[];
  changeOpen: string[];
  changeClose: string[];
  notBeforeQuote: string[];
  notAfterQuote: string[];
  provincialPortalSuffix: string;
  phraseVerbs: string[];
  placeAfter: string[];
}
const CUES = loadData<ProgramCues>('program-cues');
const REFORM_NAMES = loadData<{ names: Array<{ name: string; needsCue?: boolean }> }>('reform-names').names;
const CUE_NOUNS = [...CUES.nouns].sort((a, b) => b.length - a.length);

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
  '(?:(?:新|工作|创新|政务|服务|审批|专项|评价|管理|运行|监测|微信|政策){0,3}(?:模式|制度|机制|平台|行动|工程|改革|套餐|专班|工作法|服务|系统|体系|计划|战略|试点|活动|夜校|小程序|清单|专项资金|发展资金|发展基金|基金))';
/**
 * The nouns a 推行/建立 … phrase may end with. Narrower than after a quoted name: 服务, 体系 and
 * 活动 end too many ordinary phrases (配套服务, 现代产业体系, 宣讲活动).
 */
const PHRASE_NOUN =
  '(?:(?:新|工作|创新|服务|审批|专项|评价|管理|运行|监测|政策){0,3}(?:模式|制度|机制|平台|行动|工程|改革|套餐|专班|工作法|系统|计划|战略|试点|夜校|清单|斗争|专项整治|专项资金|发展资金|发展基金))(?![中站所室])';
const QUOTED = new RegExp(`“([^“”\\n。！？，；：]{2,24})”(${PROGRAM_NOUN})?(式|意识|精神|作风|理念|的理念)?`, 'gu');
/** Verbs that introduce a measure being carried out. */
// The verb governs the name only within its clause: not across a colon, bracket or space (抓落实】朔州:审批“加速度”).
const DOING = new RegExp(`(?:${alternation(CUES.doing)})[^，。；：:】】、\\s]{0,6}$`, 'u');
/** Metaphors and slogans in quotes: 吃“定心丸”, 添“催化剂”, 当好“店小二”, 打好“翻身仗”. */
const FIGURATIVE_BEFORE = /(吃|添|当好|当|做好|做|甘当|争当|成为|打好|打赢|破解|拔掉|搬掉|树立)$/u;
/** Guiding ideas: 坚持“项目为王”, 按照“缺什么补什么”; a name shaped like a reform still counts (围绕“高效办成一件事”). */
const GUIDING_BEFORE = /(坚持|围绕|按照|以|的)$/u;
/** Shapes of named service reforms: 拿地即开工, 一网通办, 先建后验, 不见面审批, 书记直通车. */
const REFORM_SHAPE = /(即|办|证|审批|许可|通|先.后|不见面|零|直通车|代办|帮办|容缺|承诺|一件事|一站|一窗|一链|一企|一事|多评|多规|联审|联办|秒批|掌上|网上|线上|制$|验|圈$|跑)/u;
const PHRASE_VERBS = alternation(CUES.phraseVerbs);
const PHRASE = new RegExp(`(${PHRASE_VERBS})([^，。；、“”《》\\s]{2,16}?${PHRASE_NOUN})`, 'gu');
/** 通过 also introduces tools and channels (通过大数据平台): after it only these nouns name a program. */
const AFTER_THROUGH = /(机制|模式|制度|改革)$/u;

/** Short quoted names shaped like a service: 冀时办, 网上办, 秒批, 好差评. */
const SHORT_SERVICE = /(办|批|评|通)$/u;
/** Quoted words that are periods, designations or honours, not programs: “十四五”, “…示范点”. */
const NOT_A_PROGRAM = /^十[一二三四五六七八九]五$|(示范点|示范区|示范县|先进单位|典型县|称号)$/u;
/** A count before the noun says the quoted list names that many programs: 三项机制, 三大行动. */
const NAMED_AFTER = new RegExp(`^([\\u4e00-\\u9fff]{1,8}?${PROGRAM_NOUN})`, 'u');
const COUNTED_NOUN = new RegExp(`^[两二三四五六七八九十\\d]+(?:项|大|个|种)(${PROGRAM_NOUN})`, 'u');

/**
 * “拿地即开工、竣工即投产、生产即准营”一链审批服务模式 names three reforms and the model they make
 * up; “亲清连心、素能提升、薪火相传”三大行动 three campaigns. Any other list is the name of one
 * measure as written (推行“一窗受理、集成服务”模式, “一号响应、限时办结”工作机制), when a doing
 * verb, a program noun or a reform's shape says it is one. A list after 实现 is a goal reached,
 * and a list of plain words is a slogan (“稳中向好、进中提质”).
 */
function enumeratedPrograms(text: string, at: number, quoted: string, noun: string | undefined, before: string): Candidate[] {
  if (/实现[^，。；]{0,4}$/u.test(before)) return [];
  const end = at + quoted.length + 2;
  const after = text.slice(end, end + 12);
  const counted = COUNTED_NOUN.exec(after);
  const namedAfter = /^的/u.test(after) ? null : NAMED_AFTER.exec(after);
  const parts = quoted.split('、').map((p) => p.trim());
  const out: Candidate[] = [];
  let offset = at + 1;
  for (const part of parts) {
    const start = text.indexOf(part, offset);
    offset = start + part.length;
    if (part.length < 2 || part.length > 12) continue;
    if (counted) out.push({ name: part + counted[1]!.replace(/^(?:工作|专项)/u, ''), start, end: start + part.length });
    else if (namedAfter && !GENERIC_PROGRAM.test(namedAfter[1]!) && REFORM_SHAPE.test(part)) out.push({ name: part, start, end: start + part.length });
  }
  if (counted) return out;
  if (out.length > 0) {
    // …”一链审批服务模式: the model the listed reforms make up.
    out.push({ name: namedAfter![1]!, start: end, end: end + namedAfter![1]!.length });
    return out;
  }
  const shaped = parts.some((p) => REFORM_SHAPE.test(p));
  if (noun === undefined && !(shaped && DOING.test(before))) return [];
  const name = quoted.replace(/\s+/gu, '') + (noun ?? '');
  return [{ name, start: at, end: end + (noun?.length ?? 0) }];
}

/** Words that open a phrase without belonging to the name: 建立了…, 推行新的… */
const LEADING_FILLER = /^(了|起|的|着|新的|一批|一套|一个|各类|相关|建立|健全|完善|推行|实施|实行|开展|构建|打造|推出)+/u;
/** A phrase that holds another such verb starts after it: 开创性创办了新型农民夜校. */
const INNER_VERB = /^.*(?:推行|推出|实行|建立|开展|实施|创办|设立|成立|践行)了?/u;
/** Phrases made only of generic words name no particular program: 工作机制, 监管机制, 审批服务. */
const GENERIC_PROGRAM = new RegExp(`^(?:工作|监管|审批|网上|政务|服务|管理|协调|长效|考核|联动|沟通|保障|运行|常态化|相关|新型|创新){0,4}${PHRASE_NOUN}$`, 'u');

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

/** ‘一码通办’, 「一网通办」, 『…』 read as “…”: one character for one, so offsets still hold. */
function withDoubleQuotes(text: string): string {
  return text.replace(/[‘「『]/gu, '“').replace(/[’」』]/gu, '”');
}

/** Longest first: 转变为 before 变为. */
const CHANGE_CLOSE = [...CUES.changeClose].sort((a, b) => b.length - a.length);
/** The first quoted end of a change, opened by 由/从/变/化 (bounded). */
const CHANGE_OPENED = new RegExp(`(?:${CUES.changeOpen.join('|')})“[^“”]{1,24}$`, 'u');
/** 由“企业跑”到“数据跑”的转变: the two quoted ends of a change, not programs. */
function endOfChange(text: string, start: number, end: number): boolean {
  // 从“多头跑”变“一处办”: 变 closes one change here and opens one elsewhere, so both readings are tried.
  if (CUES.changeOpen.some((w) => text.startsWith(w, start - w.length)) && CUES.changeClose.some((w) => text.startsWith(`${w}“`, end))) return true;
  const close = CHANGE_CLOSE.find((w) => text.startsWith(w, start - w.length));
  if (!close) return false;
  const previousEnd = start - close.length;
  return text[previousEnd - 1] === '”' && CHANGE_OPENED.test(text.slice(Math.max(0, previousEnd - 30), previousEnd - 1));
}

/** “7×24小时”, “24小时”: hours of service written as a figure. */
const SERVICE_LEVEL = /^[\d\s.+×xX*-]{1,10}(?:小时|分钟|天|日|工作日)?$/u;
/** “审管执”信息共享机制, “e江北”政务服务平台: a quoted name whose noun comes a few words later (not “绿色通道”等机制, a list's). */
const NAMED_TAIL = /^(?![两二三四五六七八九十\d]{1,3}[项大个种类])((?:(?![的等])[\u4e00-\u9fff]){1,4}?(?:机制|制度|平台|系统|改革))/u;

/** Quoted names that are programs, well-known reform names as words, and 推行/建立 … 模式/制度/机制 phrases. */
export function programCandidates(original: string): Candidate[] {
  const text = withDoubleQuotes(original);
  const out: Candidate[] = [];
  const quotes: Array<{ start: number; end: number }> = [];
  const acceptedQuoted = new Set<string>();
  for (const m of text.matchAll(QUOTED)) {
    const [whole, quoted, noun, figurative] = m as unknown as [string, string, string | undefined, string | undefined];
    const afterQuote = m.index + quoted.length + 2;
    quotes.push({ start: m.index, end: afterQuote });
    if (figurative) continue; // “店小二”式服务, “店小二”意识
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    // 避免“审批一放了之”, 围绕“办事不出园区”的目标, “企业开办”专区, “XX专用章”: not measures carried out.
    if (CUES.notBeforeQuote.some((w) => before.endsWith(w))) continue;
    if (!noun && CUES.notAfterQuote.some((w) => text.startsWith(w, afterQuote))) {
      // “开办”“项目”“人才”三个区域: the whole run of quotes names areas, not programs.
      for (let at = m.index; out.at(-1)?.quoted === true && out.at(-1)!.end === at; ) at = out.pop()!.start;
      continue;
    }
    if (CUES.notQuoted.some((e) => (noun ?? quoted).endsWith(e))) continue;
    if (endOfChange(text, m.index, afterQuote)) continue;
    if (quoted.includes('、')) {
      out.push(...enumeratedPrograms(text, m.index, quoted, noun, before));
      continue;
    }
    if (NOT_A_PROGRAM.test(quoted)) continue;
    if (!noun && FIGURATIVE_BEFORE.test(before)) continue;
    if (!noun && GUIDING_BEFORE.test(before) && !REFORM_SHAPE.test(quoted)) continue;
    // “智能推”“材料云柜”“视频帮办”: a quote right after an accepted one is the same list; a name
    // accepted once in the article stays a program wherever it is quoted again.
    const listed = (out.at(-1)?.end === m.index && out.at(-1)!.quoted === true) || acceptedQuoted.has(quoted);
    const named = noun !== undefined || listed || DOING.test(before) || REFORM_SHAPE.test(quoted) || SHORT_SERVICE.test(quoted);
    if (!named || quoted.length < 2 || (/^[\d\s.+%-]+$/u.test(quoted) && !noun)) continue;
    // “7×24小时”, “5+2”天: a service level or a count, not a named measure.
    if (!noun && SERVICE_LEVEL.test(quoted)) continue;
    // Short quoted words are mostly figures of speech, unless shaped like a service: “冀时办”, “打包办”.
    if (!noun && quoted.length <= 3 && !listed && !DOING.test(before) && !SHORT_SERVICE.test(quoted)) continue;
    // “6+1”专项行动 and “五个一”机制 need their noun to be a name; “好差评”评价系统 does not.
    const name = (quoted.length <= 3 && !SHORT_SERVICE.test(quoted)) || /^[\d+]+$/u.test(quoted) ? quoted + (noun ?? '') : quoted;
    // “线上+线下”: channels, not a measure.
    if (!noun && quoted.includes('+') && quoted.split('+').every((p) => p.length <= 2)) continue;
    // “容缺受理+承诺审批”, “县领导+部门+专员”包联机制: one measure, named as written.
    const tail = noun ? undefined : NAMED_TAIL.exec(text.slice(afterQuote, afterQuote + 8))?.[1];
    const tailed = tail && !GENERIC_PROGRAM.test(tail) ? name + tail : name;
    out.push({ name: tailed.replace(/\s+/gu, ''), start: m.index, end: m.index + whole.length + (tailed === name ? 0 : tail!.length), quoted: true });
    acceptedQuoted.add(tailed.replace(/\s+/gu, ''));
  }
  // Phrases come in text order and never overlap one another, so a sweep over the quoted names
  // (sorted) tells whether one covers a phrase's start; out.some() for each phrase is quadratic.
  const quotedSpans = [...out].sort((a, b) => a.start - b.start);
  let nextQuoted = 0;
  let quotedReach = -1;
  for (const m of text.matchAll(PHRASE)) {
    const phrase = m[2]!.replace(INNER_VERB, '').replace(LEADING_FILLER, '');
    if (phrase.length < 4) continue; // 一个试点, 完善基金: a noun with too little name
    if (GENERIC_PROGRAM.test(phrase) || phrase.includes('的')) continue; // 全区统一的工程: a description, not a name
    if (m[1] === '通过' && !AFTER_THROUGH.test(phrase)) continue;
    const start = m.index + m[0].length - phrase.length;
    const end = start + phrase.length;
    // 工程建设项目, 服务中心: the noun only starts another word.
    if (CUES.notAfterNoun.some((w) => text.startsWith(w, end))) continue;
    while (nextQuoted < quotedSpans.length && quotedSpans[nextQuoted]!.start <= start) quotedReach = Math.max(quotedReach, quotedSpans[nextQuoted++]!.end);
    if (quotedReach >= start) continue;
    // …审批制度改革: the reform of the system is the program.
    const reform = /(制度|机制)$/u.test(phrase) && text.startsWith('改革', end) ? '改革' : '';
    out.push({ name: phrase + reform, start, end: end + reform.length });
  }
  // After the phrases: 网格常态化帮办代办服务工作模式 is one program, not also 帮办代办.
  out.push(...reformNameCandidates(text, out, quotes));
  // 证照分离 and 证照分离改革 in one article are one program, under its fuller name.
  const names = new Set(out.map((c) => c.name));
  for (const c of out) if (names.has(`${c.name}改革`)) c.name = `${c.name}改革`;
  return out.sort((a, b) => a.start - b.start);
}

/** A doing verb right before a name (推行区域评估, 实施了并联审批), not just somewhere in its clause. */
const DOING_RIGHT_BEFORE = new RegExp(`(?:${alternation(CUES.doing)})了?$`, 'u');
/** Reform names by their first character, longest first. */
const REFORMS_BY_FIRST_CHAR = new Map<string, Array<{ name: string; needsCue?: boolean }>>();
for (const reform of [...REFORM_NAMES].sort((a, b) => b.name.length - a.name.length)) {
  REFORMS_BY_FIRST_CHAR.set(reform.name[0]!, [...(REFORMS_BY_FIRST_CHAR.get(reform.name[0]!) ?? []), reform]);
}
/** The same lists by code unit, as an array: text[at] would make (and hash) a new string at every character. */
const REFORMS_BY_FIRST_UNIT = Array.from({ length: 0x10000 }, (_, unit) => REFORMS_BY_FIRST_CHAR.get(String.fromCharCode(unit)));
const TITLE_OPEN = /《[^《》\n]{0,80}$/u;

/**
 * Well-known reform names (reform-names.json) where they stand as words outside quotes and titles:
 * 深入推进证照分离改革, 全面实现一网通办. A 改革 written right after joins the name. Names that are
 * ordinary words too need a doing verb before or a program noun after. Also a province's online
 * service platform (江苏政务服务网).
 */
function reformNameCandidates(text: string, found: readonly Candidate[], quotes: ReadonlyArray<{ start: number; end: number }>): Candidate[] {
  const out: Candidate[] = [];
  // Characters already in a candidate or quote, marked once: scanning every candidate and quote
  // for each occurrence of a name is quadratic on a long article.
  const covered = new Uint8Array(text.length);
  const cover = (start: number, end: number) => covered.fill(1, Math.max(0, start), Math.max(0, end));
  for (const span of [...found, ...quotes]) cover(span.start, span.end);
  const taken = (start: number, end: number) => covered.subarray(Math.max(0, start), Math.max(0, end)).includes(1);
  const accept = (c: Candidate) => {
    out.push(c);
    cover(c.start, c.end);
  };
  // One pass over the text, leftmost-longest: at each character only the names starting with it
  // are tried (a scan of the whole text per name is a hundred scans).
  for (let at = 0; at < text.length; at++) {
    // Most characters start no name: skip them before setting up a loop.
    const reforms = REFORMS_BY_FIRST_UNIT[text.charCodeAt(at)];
    if (reforms === undefined) continue;
    for (const { name, needsCue } of reforms) {
      const end = at + name.length;
      if (!text.startsWith(name, at) || taken(at, end) || TITLE_OPEN.test(text.slice(Math.max(0, at - 80), at))) continue;
      if (!isWholeWord(text, at, end)) continue;
      // 全程网办率, 一网通办率: a rate measured; 帮办代办服务区: a place; not the reform carried out.
      if (text.startsWith('率', end) || CUES.placeAfter.some((w) => text.startsWith(w, end))) continue;
      if (needsCue && !DOING_RIGHT_BEFORE.test(text.slice(Math.max(0, at - 8), at)) && !CUE_NOUNS.some((n) => text.startsWith(n, end))) continue;
      const reform = !name.endsWith('改革') && text.startsWith('改革', end) ? '改革' : '';
      accept({ name: name + reform, start: at, end: end + reform.length });
      at = end + reform.length - 1;
      break;
    }
  }
  const portal = CUES.provincialPortalSuffix;
  for (let at = text.indexOf(portal); at >= 0; at = text.indexOf(portal, at + portal.length)) {
    for (const length of [3, 2]) {
      const place = text.slice(at - length, at);
      const province = gazetteer().forms.get(place)?.some((f) => gazetteer().byCode.get(f.code)!.level === 'PROVINCE');
      if (province && !taken(at - length, at + portal.length)) {
        accept({ name: place + portal, start: at - length, end: at + portal.length });
        break;
      }
    }
  }
  return out;
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

  // Agencies and policies by sentence, looked up per candidate: scanning (and copying) all of them
  // for every candidate is quadratic on a long article.
  const inSentence = <T extends { start: number; end: number }>(items: readonly T[]) => {
    const bySentence = new Map<number, T[]>();
    for (const item of items) {
      const s = sentenceAt(sentences, item.start);
      if (!s) continue;
      const list = bySentence.get(s.start);
      if (list) list.push(item);
      else bySentence.set(s.start, [item]);
    }
    return (sentence: { start: number }) => bySentence.get(sentence.start) ?? [];
  };
  const agenciesIn = inSentence(agencies);
  const policiesIn = inSentence(policies);
  const placed = programCandidates(text).map((c) => {
    const sentence = sentenceAt(sentences, c.start) ?? { start: c.start, end: c.end };
    const runner = agenciesIn(sentence).findLast((a) => a.start >= sentence.start && a.end <= c.start);
    // The most specific place the sentence gives: its own, or that of the body running the program
    // (石家庄市自然资源和规划局经济技术开发区分局 … “三证齐发”: the zone, not the city).
    const inSentence = places.within(sentence.start, sentence.end);
    const region = deeper(runner?.region, inSentence) ? runner!.region : placeRef(inSentence);
    return { c, sentence, runner, region };
  });
  // One name in one article is one program: a mention placed only in the city joins the mention
  // placed in a district or zone of that city (the article says 三证齐发 about the zone twice).
  // Each name's distinct regions in order of first mention: comparing every pair of mentions is quadratic.
  const regionsOfName = new Map<string, PlaceRef[]>();
  for (const q of placed) {
    const list = regionsOfName.get(q.c.name) ?? [];
    if (q.region && !list.some((r) => r.id === q.region!.id)) list.push(q.region);
    regionsOfName.set(q.c.name, list);
  }
  for (const p of placed) {
    const narrower = regionsOfName.get(p.c.name)!.find((r) => p.region && deeper(r, p.region) && places.lineageIds(r.id).includes(p.region.id));
    if (narrower) p.region = narrower;
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
    for (const p of policiesIn(sentence)) if (p.start >= sentence.start && p.end <= sentence.end) relate('BASED_ON', id, p.id, evidence);
  }
  return { entities: [...byId.values()], relations, mentions };
}
