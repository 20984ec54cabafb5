import { toSimplified } from './simplified.js';

/**
 * Article text as the rest of the extractor sees it: one paragraph a line, simplified
 * characters, no markup, no pinyin glosses, no PDF line breaks, no repeated paragraphs.
 * Every evidence offset refers to this text, which the extractor's output carries.
 */
export interface NormalizedArticle {
  text: string;
  title: string | null;
  date: string | null;
  /** The article's address when its front matter gives one (url, link, permalink). */
  url: string | null;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
/** Latin letters used in pinyin, tone-marked ones included (ā á ǎ à … ǖ ǘ ǚ ǜ ü ê). */
const PINYIN_LETTERS = 'a-zA-Z\\u00e0-\\u00fc\\u0101-\\u01dc\\u0300-\\u036f\\u1e3f\\u01f9\\u0144\\u0148';

// The parenthesis first and the look-behind after it: a pattern that opens with a look-behind is
// tried at every character, one that opens with a character class skips ahead to it.
const PINYIN_GLOSS = new RegExp(`[(（](?<=[${CJK}][(（])[${PINYIN_LETTERS}]{1,8}[1-5]?[)）]`, 'gu');
// Spaces inside Chinese text are layout debris ("营商环境 晴雨表", "比2022 年"), never word breaks.
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}${CJK_PUNCT}])[ \\t]+(?=[${CJK}${CJK_PUNCT}0-9])|(?<=[0-9])[ \\t]+(?=[${CJK}${CJK_PUNCT}])`,
  'gu',
);
const TERMINAL = /[。！？!?；;：:…”’」』）)]$/u;
const ENDS_WITH_CJK = new RegExp(`[${CJK}]$`, 'u');

/** Line and paragraph separators other than \n: vertical tab, form feed, NEL, U+2028/9. */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;
/**
 * Characters that are invisible or steer display, never content: C0/C1 controls (tab and
 * newline aside), soft hyphen, zero-width characters, bidi marks and overrides, BOM and
 * interlinear annotation marks. Removed, so they cannot split a name (石家\u200b庄) or hide text.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** A surrogate without its pair (from UTF-16 bytes or a caller's string) is no character: U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Hostile or damaged characters out: one line-break form, no invisible characters, no lone surrogates. */
export function scrubCharacters(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd');
}

export function normalizeArticle(raw: string): NormalizedArticle {
  let text = scrubCharacters(raw).replace(/[\u00a0\u3000]/g, ' ');

  const front = takeFrontMatter(text);
  text = front.body;
  let title = front.title;
  const date = front.date;
  const url = front.url;

  if (looksLikeHtml(text)) {
    const html = stripHtml(text);
    // Entities can spell any character (&#8238; is a bidi override): scrub again.
    text = scrubCharacters(html.text).replace(/[\u00a0\u3000]/g, ' ');
    title ??= html.title;
  }

  text = text.replace(PINYIN_GLOSS, '');
  text = toSimplified(text);
  text = text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  text = text.replace(/^#{1,6}\s+/gm, '');

  const paragraphs = dropRepeats(joinBrokenLines(text).map(tidyParagraph).filter((p) => p.length > 0));
  title ??= paragraphs[0] ?? null;
  return { text: paragraphs.join('\n'), title: title ? tidyParagraph(toSimplified(title)) : null, date, url };
}

function takeFrontMatter(text: string): { body: string; title: string | null; date: string | null; url: string | null } {
  const m = /^\s*---\n([\s\S]*?)\n---[ \t]*\n/.exec(text);
  if (!m) return { body: text, title: null, date: null, url: null };
  const field = (name: string) => {
    const f = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(m[1] ?? '');
    return f?.[1] ? f[1].trim().replace(/^["']|["']$/g, '') : null;
  };
  const dateField = field('date');
  const date = dateField ? (/\d{4}-\d{2}-\d{2}/.exec(dateField)?.[0] ?? null) : null;
  const url = field('url') ?? field('link') ?? field('permalink') ?? field('source_url');
  return { body: text.slice(m[0].length), title: field('title'), date, url: url && /^https?:\/\/\S+$/u.test(url) ? url : null };
}

// Tag patterns stop at the next '<' ([^<>]): with [^>]* every one of 50,000 unclosed tags
// would scan to the end of the page, quadratic time.
function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|br|html|body|span|script|style|h[1-6]|table|td|li)\b[^<>]*>/i.test(text);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…' };

function stripHtml(html: string): { text: string; title: string | null } {
  const title = titleOf(html);
  const text = removeComments(removeElements(html, ['script', 'style', 'noscript', 'template', 'head']))
    // A tag cut off before the next one (<style x<p>) goes, up to that next tag (before block
    // tags turn into line breaks, so it cannot run on into the text).
    .replace(/<\/?[a-z][^<>]*(?=<|$)/gi, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/table|p|div|h[1-6]|li)\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        const isSurrogate = code >= 0xd800 && code <= 0xdfff;
        return Number.isFinite(code) && code > 0 && code < 0x110000 && !isSurrogate ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    });
  return { text, title };
}

/** The first <title>…</title>, found by searching forward once (a lazy regex retried at every unclosed <title> is quadratic). */
function titleOf(html: string): string | null {
  const open = /<title\b[^<>]*>/i.exec(html);
  if (!open) return null;
  const close = /<\/title\s*>/gi;
  close.lastIndex = open.index + open[0].length;
  const end = close.exec(html);
  if (!end) return null;
  return html.slice(open.index + open[0].length, end.index).replace(/<[^<>]*>/g, '').trim() || null;
}

/**
 * Drops each element with its content (<script>…</script>). Searches forward for each closing
 * tag and remembers a tag that is never closed, so the work is linear however many unclosed
 * openers a page has; an unclosed opener stays and goes with the other tags.
 */
function removeElements(html: string, names: string[]): string {
  const opener = new RegExp(`<(${names.join('|')})\\b`, 'gi');
  const unclosed = new Set<string>();
  const parts: string[] = [];
  let kept = 0;
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    const name = m[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const closer = new RegExp(`<\\/${name}\\s*>`, 'gi');
    closer.lastIndex = m.index + m[0].length;
    const end = closer.exec(html);
    if (!end) {
      unclosed.add(name);
      continue;
    }
    parts.push(html.slice(kept, m.index), '\n');
    kept = closer.lastIndex;
    opener.lastIndex = kept;
  }
  parts.push(html.slice(kept));
  return parts.join('');
}

/**
 * Drops <!-- … --> comments. Past the last -->, no comment can close: the openers left there
 * lose just their <!-- (a browser would hide the rest of the page; we keep its text).
 */
function removeComments(html: string): string {
  const parts: string[] = [];
  let kept = 0;
  for (let start = html.indexOf('<!--'); start !== -1; start = html.indexOf('<!--', kept)) {
    const end = html.indexOf('-->', start + 4);
    if (end === -1) break;
    parts.push(html.slice(kept, start));
    kept = end + 3;
  }
  parts.push(html.slice(kept).replaceAll('<!--', ''));
  return parts.join('');
}

/**
 * PDF and print layouts break lines inside words and sentences (even across blank lines:
 * "…的理\n\n念，扑下身子…"). A line is joined to the next when it reads as an unfinished body
 * line: it ends in a Chinese character, and is long and punctuated like prose rather than a
 * heading, a byline or a photo credit.
 */
function joinBrokenLines(text: string): string[] {
  const out: string[] = [];
  // The paragraph being built, as its lines plus what `continues` asks of it, kept as lines are
  // added: reading the whole paragraph again for every joined line (even its last characters,
  // which flattens a concatenated string) would be quadratic in a long one.
  let current: string[] = [];
  let length = 0;
  let tail = '';
  let punctuated = false;
  const flush = () => {
    if (current.length > 0) out.push(current.join(''));
    current = [];
    length = 0;
    tail = '';
    punctuated = false;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (current.length > 0 && !continues(tail, length, punctuated)) flush();
    current.push(line);
    length += line.length;
    tail = (tail + line.slice(-2)).slice(-2);
    punctuated ||= PROSE_PUNCTUATION.test(line);
  }
  flush();
  return out;
}

const PROSE_PUNCTUATION = /[，,。]/;

/** Whether a paragraph with these last two characters, length and punctuation reads as unfinished. */
function continues(tail: string, length: number, punctuated: boolean): boolean {
  if (TERMINAL.test(tail)) return false;
  if (!ENDS_WITH_CJK.test(tail) && !/[，,、]$/.test(tail)) return false;
  if (/摄$/.test(tail)) return false; // photo credit: "河北日报通讯员 王凯摄"
  // Headings and bylines are short and unpunctuated; an unfinished body line is neither.
  return punctuated && length >= 12;
}

/**
 * ASCII pauses after Chinese text (or a closing quote) and not before a digit, made full-width:
 * 通知,要求 -> 通知，要求, but 1,000 stays. A loop over code units: a regex replace calls back once
 * per pause, and an article typed with ASCII punctuation has hundreds.
 */
export function fullwidthPauses(p: string): string {
  let out = '';
  let kept = 0;
  for (let i = 1; i < p.length; i++) {
    const unit = p.charCodeAt(i);
    if (unit !== 0x2c && unit !== 0x3b && unit !== 0x3a && unit !== 0x3f && unit !== 0x21) continue; // , ; : ? !
    const before = p.charCodeAt(i - 1);
    const afterChinese = (before >= 0x3400 && before <= 0x9fff) || (before >= 0xf900 && before <= 0xfaff) || before === 0x201d || before === 0x2019;
    const after = p.charCodeAt(i + 1);
    if (!afterChinese || (after >= 0x30 && after <= 0x39)) continue;
    out += p.slice(kept, i) + FULLWIDTH[p[i]!]!;
    kept = i + 1;
  }
  return kept === 0 ? p : out + p.slice(kept);
}

function tidyParagraph(p: string): string {
  // Each rewrite only where its character occurs: most paragraphs have no ASCII pause, quote or space.
  let out = p;
  if (/[,;:?!]/u.test(out)) out = fullwidthPauses(out);
  if (out.includes('"')) out = out.replace(/"([^"\n]{1,40})"/g, '“$1”');
  if (/[ \t]/u.test(out)) out = out.replace(SPACE_BETWEEN_CJK, '').replace(/[ \t]{2,}/g, ' ');
  return out.trim();
}

const FULLWIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

function dropRepeats(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  return paragraphs.filter((p) => {
    if (seen.has(p)) return false;
    seen.add(p);
    return true;
  });
}
