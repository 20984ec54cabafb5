/**
 * Quantities as articles write them: 64项, 1-2小时, 近90%, 174.4天, 2~3个月, 200多个工作日,
 * 三十个工作日, 一周, 一半, 1/3. Units are normalised (个工作日 → 工作日, 个小时 → 小时, 日 → 天,
 * 周 → 7 天); ranges keep both ends and report the upper one as the value.
 * Loose amounts: 五六个月 and 两三天 are ranges (5–6, 2–3; never 56); 二十多天, 十几份, 十来天 are the
 * round number with 多/几/来 as qualifier; 个把月 is 1 个月 qualified 约; 半个月 stays 0.5 个月 (the
 * article's own unit, as everywhere else: no conversion to 15 天).
 *
 * Every pattern here is bounded (digit runs of at most 12, numerals of at most 8 characters, no
 * nested unbounded repetition): the outcome patterns embed them and run over whole articles,
 * and an unbounded `\d+` inside them went quadratic on a long run of digits.
 */
import type { Quantity } from '../model/index.js';

export type { Quantity };

/** Values above this are not amounts an article reports about a reform (a typo, an id, a phone number). */
export const MAX_QUANTITY_VALUE = 1e9;

/** Longest units first, so 个工作日 is not read as 个; 周年 is an anniversary, not a week. */
const TIME_UNITS = '个工作日|工作日|个小时|小时|分钟|秒钟|秒|个多月|个月|天|日|周(?!年)';
/** 个环节 (减少为四个环节) is a count of steps, written 个 as 9个环节 is. */
const COUNT_UNITS = '个百分点|百分点|项|个环节|个|件|份|次|环节|道';
export const UNIT_PATTERN = `${TIME_UNITS}|%|万元|亿元|元|${COUNT_UNITS}`;
/** People (现场勘验人员由每日10人减至2到4人): only where a change is stated, since 人 counts are mostly not outcomes. */
const COUNTED_UNIT_PATTERN = `${UNIT_PATTERN}|人`;
const UNIT_NORMAL: Record<string, string> = { 个工作日: '工作日', 个小时: '小时', 个多月: '个月', 日: '天', 个百分点: '百分点', 秒钟: '秒', 个环节: '个' };

const QUALIFIER = '近|约|超过|逾|不到|不足|不超过|至少|仅需|只需|仅|最短|最快|最多|将近|大约|超';
/** The first character of any quantity: a digit, a numeral, or a qualifier's first character. */
const QUANTITY_START = '[\\d零〇一二两三四五六七八九十百千万半近约超逾不至仅只最将大]';
const BOUND = '以上|以内|之内|以下|左右|内';
/**
 * An Arabic number of at most 12 digits and 4 decimals. It never starts inside a longer digit
 * run, nor after 月 (5月1日 is a date) or 第 (第2周 is an ordinal).
 */
const ARABIC = '(?<![\\d.月第])\\d{1,12}(?:\\.\\d{1,4})?';
/** A Chinese numeral (十五, 一百二十, 两千; not the ordinal 第二周), or 半 (半天, not 大半天). */
const CHINESE = '(?<![零〇一二两三四五六七八九十百千万第\\d])[〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]{0,7}|(?<![大多])半|(?<![零〇一二两三四五六七八九十百千万第\\d])零(?![零〇一二两三四五六七八九十百千万])';
const RANGE_SEPARATOR = '\\s{0,2}[-~～—到至]\\s{0,2}';
/**
 * A round number said loosely: 多/余 after any numeral (二十多天, 300余项), 几/来 after 十 (十几份,
 * 十来天). The value is the round number; the word is kept as the qualifier.
 */
const LOOSE = '多|余|(?<=十)几|(?<=十)来';
/** 个把月, 个把小时: about one. */
const ABOUT_ONE = '个把(?:月|小时)';

/**
 * A quantity. Arabic numbers take any unit; a Chinese numeral takes a time unit, or another unit
 * only at the end of a phrase (精简为三环节，), because 一个/一件/一项 before a noun means "a"
 * (一个平台, 一件事), not a count.
 */
function quantityPattern(timeUnits: string, otherUnits: string): string {
  const units = [timeUnits, otherUnits].filter((u) => u !== '').join('|');
  const arabic = `${ARABIC}(?:多|余)?(?:${RANGE_SEPARATOR}${ARABIC}(?:多|余)?)?\\s{0,2}(?:${units})`;
  const chineseUnits = [timeUnits, otherUnits === '' ? '' : `(?:${otherUnits})(?=${BOUND}|[^\\u4e00-\\u9fa5]|$)`].filter((u) => u !== '').join('|');
  // 十几份材料, 二十多个部门: a loose count is a count even before its noun (一个平台 is not).
  const looseUnits = otherUnits === '' ? '' : `|(?:${CHINESE})(?:${LOOSE})(?:${otherUnits})`;
  const chinese = `(?:${CHINESE})(?:${LOOSE})?(?:${chineseUnits})${looseUnits}`;
  // The lookahead rejects most positions with one character test: a pattern that starts with a
  // quantity is tried at every offset of the article.
  // 个 is too common a character to open the lookahead's class: 个把 is tested on its own.
  return `(?=${QUANTITY_START}|个把)(?:${QUALIFIER})?(?:${arabic}|${chinese}|${ABOUT_ONE})(?:${BOUND})?`;
}

const OTHER_UNITS = `%|万元|亿元|元|${COUNT_UNITS}`;
export const QUANTITY_PATTERN = quantityPattern(TIME_UNITS, OTHER_UNITS);
export const COUNTED_QUANTITY_PATTERN = quantityPattern(TIME_UNITS, `${OTHER_UNITS}|人`);
/** A quantity of time only (抢出12天, 3个工作日即可拿证). */
export const TIME_QUANTITY_PATTERN = quantityPattern(TIME_UNITS, '');
/** An item of a parallel list, its unit optional (the 40 of 40、60天). */
export const LIST_ITEM_PATTERN = `(?:${QUALIFIER})?${ARABIC}(?:多|余)?(?:\\s{0,2}(?:${UNIT_PATTERN}))?`;

const WRITTEN_UNIT = new RegExp(`(?:${COUNTED_UNIT_PATTERN})(?=(?:${BOUND})?$)`, 'u');

/** The unit as written at the end of a quantity (个工作日 in 5个工作日以内), or null. */
export function writtenUnit(text: string): string | null {
  return WRITTEN_UNIT.exec(text)?.[0] ?? null;
}

/** A percentage (98%, 近90%以上). */
export const PERCENT_PATTERN = `(?:${QUALIFIER})?${ARABIC}\\s{0,2}%(?:${BOUND})?`;

/** 一半 → 50%, 1/3 → 33.3%, 三分之一 → 33.3%, 三成 → 30%, with 近/约/超过 before and 以上/左右 after. */
export const PROPORTION_PATTERN = '(?:近|约|超过|超|逾)?(?:一半|过半|(?<![\\d.])\\d{1,4}\\/\\d{1,4}|[二三四五六七八九十]分之[一二三四五六七八九]|[一二三四五六七八九]成)(?:以上|左右)?';

const NUMBER = `(?:\\d{1,12}(?:\\.\\d{1,4})?|[零〇一二两三四五六七八九十百千万]{1,8}|半)`;
const QUANTITY = new RegExp(
  `^(${QUALIFIER})?(${NUMBER})(${LOOSE})?(?:${RANGE_SEPARATOR}(${NUMBER})(?:多|余)?)?\\s{0,2}(${COUNTED_UNIT_PATTERN})(${BOUND})?$`,
  'u',
);
const ABOUT_ONE_QUANTITY = new RegExp(`^(${QUALIFIER})?个把(月|小时)(${BOUND})?$`, 'u');
/** 两三天, 五六个月, 三五天: two numerals in a row are a loose range (never 56), the second up to two above the first. */
const LOOSE_PAIR = /^([一两二三四五六七八])([二三四五六七八九])$/u;

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * 十五 → 15, 二十三 → 23, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000, 二〇二三 → 2023.
 * Hand-written: no maintained npm package for Chinese numerals is installed, and this is small.
 */
export function parseChineseNumber(s: string): number | null {
  if (s === '半') return 0.5;
  // 压缩至零个工作日: zero, on its own.
  if (s === '零') return 0;
  if (!/^[〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]{0,7}$/u.test(s)) return null;
  // Digits only (二〇二三): positional.
  if (!/[十百千万]/u.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else {
      // 万
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

function parseNumber(s: string): number | null {
  if (/^\d/u.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  return parseChineseNumber(s);
}

/** A value the graph can hold, or null with the reason (99999999999项 is a typo, not a count). */
function sane(n: number | null): { value: number | null; note?: string } {
  if (n === null || !Number.isFinite(n)) return { value: null, note: 'not a number' };
  if (n > MAX_QUANTITY_VALUE) return { value: null, note: `value above ${MAX_QUANTITY_VALUE}: not read as a number` };
  return { value: n };
}

export function parseQuantity(raw: string): Quantity | null {
  const text = raw.trim();
  const m = QUANTITY.exec(text);
  if (!m) return parseAboutOne(text) ?? parseProportion(text);
  const [, qualifier, a, loose, b, unitWritten, bound] = m;
  let low = parseNumber(a!);
  let high = b !== undefined ? parseNumber(b) : null;
  const pair = b === undefined ? LOOSE_PAIR.exec(a!) : null;
  const pairLow = pair ? DIGITS[pair[1]!]! : 0;
  const pairHigh = pair ? DIGITS[pair[2]!]! : 0;
  const isPair = pair !== null && pairHigh - pairLow >= 1 && pairHigh - pairLow <= 2;
  if (isPair) {
    low = pairLow;
    high = pairHigh;
  }
  let unit = UNIT_NORMAL[unitWritten!] ?? unitWritten!;
  if (unit === '周') {
    // A week is 7 days: weeks and days compare in one unit.
    low = low === null ? null : low * 7;
    high = high === null ? null : high * 7;
    unit = '天';
  }
  const upper = sane(high ?? low);
  const q: Quantity = { text, value: upper.value, unit };
  if (upper.note) q.note = upper.note;
  const lower = sane(low).value;
  if ((b !== undefined || isPair) && upper.value !== null && lower !== null) Object.assign(q, { low: lower, high: upper.value });
  // 一个多月: the 多 is written inside the unit.
  const more = loose ?? (unitWritten === '个多月' ? '多' : undefined);
  if (qualifier || more || bound) q.qualifier = (qualifier ?? '') + (more ?? '') + (bound ?? '');
  return q;
}

/** 个把月 → 1 个月, 个把小时 → 1 小时, qualified 约. */
function parseAboutOne(text: string): Quantity | null {
  const m = ABOUT_ONE_QUANTITY.exec(text);
  if (!m) return null;
  return { text, value: 1, unit: m[2] === '月' ? '个月' : '小时', qualifier: `${m[1] ?? ''}约${m[3] ?? ''}` };
}

function parseProportion(text: string): Quantity | null {
  const m = /^(近|约|超过|超|逾)?(.{1,9}?)(以上|左右)?$/u.exec(text);
  if (!m) return null;
  const t = m[2]!;
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
  let value: number | null = null;
  if (t === '一半') value = 50;
  else if (t === '过半') value = 50;
  else if (/^\d{1,4}\/\d{1,4}$/u.test(t)) {
    const [n, d] = t.split('/').map(Number);
    value = share(n!, d!);
  } else if (/^[二三四五六七八九十]分之[一二三四五六七八九]$/u.test(t)) value = share(parseChineseNumber(t[3]!)!, parseChineseNumber(t[0]!)!);
  else if (/^[一二三四五六七八九]成$/u.test(t)) value = DIGITS[t[0]!]! * 10;
  if (value === null) return null;
  const q: Quantity = { text, value, unit: '%' };
  // 过半 is more than half: its own qualifier.
  const over = t === '过半' ? '以上' : '';
  if (m[1] || m[3] || over) q.qualifier = (m[1] ?? '') + (m[3] ?? over);
  return q;
}
