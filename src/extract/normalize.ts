import * as OpenCC from 'opencc-js/t2cn';

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

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
/** Latin letters used in pinyin, tone-marked ones included (ā á ǎ à … ǖ ǘ ǚ ǜ ü ê). */
const PINYIN_LETTERS = 'a-zA-Z\\u00e0-\\u00fc\\u0101-\\u01dc\\u0300-\\u036f\\u1e3f\\u01f9\\u0144\\u0148';

const PINYIN_GLOSS = new RegExp(`(?<=[${CJK}])[(（][${PINYIN_LETTERS}]{1,8}[1-5]?[)）]`, 'gu');
// Spaces inside Chinese text are layout debris ("营商环境 晴雨表", "比2022 年"), never word breaks.
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}${CJK_PUNCT}])[ \\t]+(?=[${CJK}${CJK_PUNCT}0-9])|(?<=[0-9])[ \\t]+(?=[${CJK}${CJK_PUNCT}])`,
  'gu',
);
const TERMINAL = /[。！？!?；;：:…”’」』）)]$/u;
const ENDS_WITH_CJK = new RegExp(`[${CJK}]$`, 'u');

export function normalizeArticle(raw: string): NormalizedArticle {
  let text = raw.replace(/\r\n?/g, '\n').replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[\u00a0\u3000]/g, ' ');

  const front = takeFrontMatter(text);
  text = front.body;
  let title = front.title;
  const date = front.date;
  const url = front.url;

  if (looksLikeHtml(text)) {
    const html = stripHtml(text);
    text = html.text;
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

function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|br|html|body|span|script|style|h[1-6]|table|td|li)\b[^>]*>/i.test(text);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…' };

function stripHtml(html: string): { text: string; title: string | null } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const text = html
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/table|p|div|h[1-6]|li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    });
  const title = titleMatch?.[1]?.replace(/<[^>]*>/g, '').trim() || null;
  return { text, title };
}

/**
 * PDF and print layouts break lines inside words and sentences (even across blank lines:
 * "…的理\n\n念，扑下身子…"). A line is joined to the next when it reads as an unfinished body
 * line: it ends in a Chinese character, and is long and punctuated like prose rather than a
 * heading, a byline or a photo credit.
 */
function joinBrokenLines(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line === '') continue;
    if (current !== '' && continues(current)) {
      current += line;
    } else {
      if (current !== '') out.push(current);
      current = line;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function continues(previous: string): boolean {
  if (TERMINAL.test(previous)) return false;
  if (!ENDS_WITH_CJK.test(previous) && !/[，,、]$/.test(previous)) return false;
  if (/摄$/.test(previous)) return false; // photo credit: "河北日报通讯员 王凯摄"
  // Headings and bylines are short and unpunctuated; an unfinished body line is neither.
  return /[，,。]/.test(previous) && previous.length >= 12;
}

function tidyParagraph(p: string): string {
  return p
    .replace(new RegExp(`(?<=[${CJK}”’])([,;:?!])(?!\\d)`, 'gu'), (c: string) => FULLWIDTH[c] ?? c)
    .replace(/"([^"\n]{1,40})"/g, '“$1”')
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
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
