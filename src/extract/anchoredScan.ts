/**
 * The matches of a global regex, found only near the places where an anchor (a word every match
 * holds) occurs. A pattern that opens with a quantity is tried by the engine at every digit and
 * numeral character of the text (一, 个, 不 …); trying it only within reach before each anchor
 * (压减至, 即可, 内) gives the same matches for a fraction of the work.
 */

/** What every match holds, and how far after the match's start it can begin. */
export interface Anchor {
  /** Global regex that matches inside every match, beginning at most `reach` units after its start. */
  re: RegExp;
  reach: number;
  /** The pattern itself, sticky, to try one start at a time (compiled once, not per article). */
  sticky: RegExp;
}

/**
 * A pattern written as a lead (a quantity) and the rest, with the rest as its anchor: a match
 * is the lead's text and then the rest's, so the rest matches on its own there, at most the
 * lead's longest match after the start. An unbounded lead (`*`, `+`, a back-reference) gives no
 * anchor: the pattern is then scanned everywhere. The rest must not refer to the lead's groups.
 */
export function anchoredPattern(lead: string, rest: string, flags = 'gu'): { re: RegExp; anchor: Anchor | null } {
  const reach = maxMatchLength(lead);
  const re = new RegExp(lead + rest, flags);
  const sticky = new RegExp(re.source, flags.replace('g', '') + 'y');
  return { re, anchor: Number.isFinite(reach) ? { re: new RegExp(rest, flags), reach, sticky } : null };
}

/**
 * The same matches as `text.matchAll(re)`, in the same order, given that every match has an
 * anchor beginning within `anchor.reach` UTF-16 units of its start. A start is tried at most once,
 * so the work is linear in the text for a bounded reach.
 */
export function* anchoredMatches(re: RegExp, text: string, anchor: Anchor | null): Generator<RegExpExecArray> {
  if (!anchor) {
    if (!re.global) {
      yield* text.matchAll(re); // throws, as matchAll does for a non-global regex
      return;
    }
    // exec on the pattern itself: matchAll clones it per call, and per article and pattern that
    // clone costs more than the scan of a short article. Not reentrant, like the sticky scan below.
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // An empty match moves on by one character, as matchAll does.
      if (m[0].length === 0) re.lastIndex = m.index + (re.unicode && text.codePointAt(m.index)! > 0xffff ? 2 : 1);
      yield m;
    }
    return;
  }
  const { sticky, re: words } = anchor;
  let from = 0; // no match starts before this (the end of the last match, or past failed starts)
  let tried = -1; // starts up to here were tried and failed
  for (;;) {
    words.lastIndex = from;
    const a = words.exec(text);
    if (!a) return;
    let found: RegExpExecArray | null = null;
    for (let s = Math.max(from, a.index - anchor.reach, tried + 1); s <= a.index; s++) {
      sticky.lastIndex = s;
      found = sticky.exec(text);
      if (found) break;
      tried = s;
    }
    if (found) {
      yield found;
      const end = found.index + found[0].length;
      // An empty match moves on by one character, as matchAll does with the u flag.
      from = end > found.index ? end : end + (text.codePointAt(end)! > 0xffff ? 2 : 1);
      tried = from - 1;
    } else {
      from = a.index + 1;
    }
  }
}

/**
 * The most UTF-16 units a regex source can match; Infinity when unbounded or not understood
 * (then the caller scans everywhere). Lookarounds and assertions match nothing; a class, \S, \D,
 * \W or . may match an astral character (two units).
 */
export function maxMatchLength(source: string): number {
  let i = 0;
  const alternation = (): number => {
    let best = sequence();
    while (source[i] === '|') {
      i++;
      best = Math.max(best, sequence());
    }
    return best;
  };
  const sequence = (): number => {
    let total = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') total += quantified(atom());
    return total;
  };
  const atom = (): number => {
    const c = source[i]!;
    if (c === '(') {
      i++;
      let zeroWidth = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) (i += 2), (zeroWidth = true);
      else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) (i += 3), (zeroWidth = true);
      else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      else if (source[i] === '?') return Infinity;
      const inner = alternation();
      if (source[i] !== ')') return Infinity;
      i++;
      return zeroWidth ? 0 : inner;
    }
    if (c === '[') {
      const negated = source[i + 1] === '^';
      let astral = negated;
      for (i++; i < source.length && source[i] !== ']'; i++) {
        if (source[i] === '\\') {
          if (/[SDWpP]|u\{/u.test(source.slice(i + 1, i + 3))) astral = true;
          i++;
        } else if (source.codePointAt(i)! > 0xffff) {
          astral = true;
        }
      }
      if (i >= source.length) return Infinity;
      i++;
      return astral ? 2 : 1;
    }
    if (c === '\\') {
      const e = source[i + 1]!;
      i += 2;
      if (e === 'b' || e === 'B') return 0;
      if (e === 'u') {
        if (source[i] === '{') {
          const close = source.indexOf('}', i);
          const cp = parseInt(source.slice(i + 1, close), 16);
          i = close + 1;
          return cp > 0xffff ? 2 : 1;
        }
        i += 4;
        return 1;
      }
      if (e === 'x') return (i += 2), 1;
      if (/[1-9k]/u.test(e)) return Infinity; // back-references
      if (/[SDWpP]/u.test(e)) {
        if (source[i] === '{') i = source.indexOf('}', i) + 1;
        return 2;
      }
      return 1;
    }
    if (c === '^' || c === '$') return i++, 0;
    if (c === '.') return i++, 2;
    const cp = source.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    return cp > 0xffff ? 2 : 1;
  };
  const quantified = (length: number): number => {
    let times: number;
    if (source[i] === '?') {
      times = 1;
      i++;
    } else if (source[i] === '*' || source[i] === '+') {
      times = Infinity;
      i++;
    } else {
      const m = source[i] === '{' ? /^\{(\d+)(,(\d*))?\}/u.exec(source.slice(i, i + 24)) : null;
      if (!m) return length; // no quantifier (or a literal brace)
      i += m[0].length;
      times = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    }
    if (source[i] === '?') i++; // lazy
    return length === 0 || times === 0 ? 0 : length * times;
  };
  const total = alternation();
  return i === source.length ? total : Infinity;
}

/**
 * The UTF-16 units a match of a pattern can begin with, as a table: the first unit of each
 * literal alternative, and each pattern's own first character when it is a literal Chinese one.
 * Null when some pattern may begin otherwise (then the caller scans everywhere).
 */
export function firstUnits(literals: readonly string[], patterns: readonly string[] = []): Uint8Array | null {
  const table = new Uint8Array(0x10000);
  for (const s of literals) {
    const unit = s.charCodeAt(0);
    if (!(unit >= 0x4e00 && unit <= 0x9fff)) return null;
    table[unit] = 1;
  }
  for (const p of patterns) {
    // A literal first character, not quantified or alternated away (国家(?!…)… begins with 国).
    if (!/^[\u4e00-\u9fff][\u4e00-\u9fff(]/u.test(p) || hasTopLevelAlternation(p)) return null;
    table[p.charCodeAt(0)] = 1;
  }
  return table;
}

/** Whether a regex source has a | outside every group and class (a|b(c|d) has, a(b|c) has not). */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The same matches as `[...text.matchAll(re)]` when no match is empty or begins with a unit
 * outside `first`: `sticky` (the pattern with flag y) is tried only at those units. For a pattern
 * that opens with a look-behind, which keeps the engine from skipping ahead to a likely start.
 */
export function matchesFromUnits(re: RegExp, sticky: RegExp, text: string, first: Uint8Array | null): RegExpExecArray[] {
  if (!first) return [...text.matchAll(re)];
  const out: RegExpExecArray[] = [];
  for (let at = 0; at < text.length; at++) {
    if (first[text.charCodeAt(at)] !== 1) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m || m[0].length === 0) continue;
    out.push(m);
    at = m.index + m[0].length - 1;
  }
  return out;
}
