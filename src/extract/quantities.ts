/**
 * Quantities as articles write them: 64项, 1-2小时, 近90%, 174.4天, 2~3个月, 一半, 1/3.
 * Units are normalised (个工作日 → 工作日, 个小时 → 小时, 日 → 天); ranges keep both ends and
 * report the upper one as the value.
 */
export interface Quantity {
  text: string;
  value: number;
  unit: string;
  low?: number;
  high?: number;
  /** 近, 约, 超过 … as written: the value is approximate or a bound. */
  qualifier?: string;
}

export const UNIT_PATTERN = '个工作日|工作日|个小时|小时|分钟|个月|天|日|项|个|件|%|万元|亿元|元|次|环节|道';
const UNIT_NORMAL: Record<string, string> = { 个工作日: '工作日', 个小时: '小时', 日: '天' };
export const QUANTITY_PATTERN = `(?:近|约|超过|逾|不到|至少|仅|最短|最快)?\\d+(?:\\.\\d+)?(?:\\s*[-~～—]\\s*\\d+(?:\\.\\d+)?)?\\s*(?:${UNIT_PATTERN})(?:以上|以内|左右)?`;

const QUANTITY = new RegExp(`^(近|约|超过|逾|不到|至少|仅|最短|最快)?(\\d+(?:\\.\\d+)?)(?:\\s*[-~～—]\\s*(\\d+(?:\\.\\d+)?))?\\s*(${UNIT_PATTERN})(以上|以内|左右)?$`, 'u');

/** 一周 → 7天, 两个月 → 2个月: the few written-out amounts outcome patterns accept. */
const WRITTEN = /^([一两二三四五六七八九十])\s*(个工作日|工作日|个小时|小时|分钟|天|日|周|个月)$/u;

export function parseQuantity(text: string): Quantity | null {
  const w = WRITTEN.exec(text.trim());
  if (w) {
    const n = DIGITS[w[1]!]!;
    return w[2] === '周' ? { text: text.trim(), value: n * 7, unit: '天' } : { text: text.trim(), value: n, unit: UNIT_NORMAL[w[2]!] ?? w[2]! };
  }
  const digitWeeks = /^(\d+)\s*周$/u.exec(text.trim());
  if (digitWeeks) return { text: text.trim(), value: Number(digitWeeks[1]) * 7, unit: '天' };
  const m = QUANTITY.exec(text.trim());
  if (!m) return parseProportion(text);
  const [, qualifier, a, b, unit, bound] = m;
  const low = Number(a);
  const high = b !== undefined ? Number(b) : undefined;
  const q: Quantity = { text: text.trim(), value: high ?? low, unit: UNIT_NORMAL[unit!] ?? unit! };
  if (high !== undefined) Object.assign(q, { low, high });
  if (qualifier || bound) q.qualifier = (qualifier ?? '') + (bound ?? '');
  return q;
}

/** 一半 → 50%, 1/3 → 33.3%, 三成 → 30%. */
export const PROPORTION_PATTERN = '一半|\\d+\\/\\d+|[一二三四五六七八九]成';
const DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function parseProportion(text: string): Quantity | null {
  const t = text.trim().replace(/(以上|左右)$/u, '');
  let value: number | null = null;
  if (t === '一半') value = 50;
  else if (/^\d+\/\d+$/u.test(t)) {
    const [n, d] = t.split('/').map(Number);
    value = d ? Math.round((n! / d) * 1000) / 10 : null;
  } else if (/^[一二三四五六七八九]成$/u.test(t)) value = DIGITS[t[0]!]! * 10;
  return value === null ? null : { text: text.trim(), value, unit: '%' };
}
