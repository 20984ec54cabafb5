import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { UndecodableArticleError, UnreadableArticleError } from './errors.js';

// The old name: every refusal of input (empty, binary, undecodable, too large) is one of these.
export { UnreadableArticleError as UnreadableInputError };

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
  /** Set when the bytes were not clean text in that encoding (invalid bytes replaced by U+FFFD). */
  note?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Detection and scoring look at this much of the input: enough for any article's character mix. */
const SAMPLE_BYTES = 64 * 1024;
/** Below this share of plausible characters a decoding is noise, not the article. */
const MIN_PLAUSIBILITY = 0.6;
/** UTF-8 whose non-ASCII characters are at least this share valid is damaged UTF-8, not another encoding. */
const MIN_VALID_UTF8_SHARE = 0.9;

/**
 * Bytes to a string, and which encoding was read. A BOM decides first (UTF-8, UTF-16 LE/BE);
 * then UTF-8, strict or with a few invalid bytes replaced (a damaged UTF-8 file is still UTF-8,
 * never GB18030 noise); then jschardet's guess and the Chinese encodings (GB18030, a superset of
 * GBK and GB2312, and Big5), each decoded and scored by how plausible the text is as Chinese.
 * Binary data and bytes no candidate reads plausibly are refused with UndecodableArticleError.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8WithNote(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16be'), encoding: 'utf-16be' };
  }
  const signature = binarySignature(bytes);
  if (signature) throw new UndecodableArticleError(`binary input: looks like a ${signature}`, 'binary');
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return utf16WithoutBom(bytes, sample);
  if (controlShare(sample) > 0.05) throw new UndecodableArticleError('binary input: too many control bytes', 'binary');

  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not clean UTF-8: damaged UTF-8 or another encoding (below).
  }
  const utf8Sample = utf8Validity(sample);
  if (utf8Sample.valid >= MIN_VALID_UTF8_SHARE * (utf8Sample.valid + utf8Sample.invalid)) return utf8WithNote(bytes);

  // Damaged UTF-8 competes with the other encodings too: a short text with two bad bytes may fall
  // under the share above and still read best as UTF-8.
  let best: { encoding: DetectedEncoding; score: number } = { encoding: 'utf-8', score: plausibility(lenientUtf8.decode(sample)) };
  for (const encoding of candidateEncodings(sample)) {
    const score = plausibility(iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.length), encoding));
    if (score > best.score) best = { encoding, score };
  }
  if (best.score < MIN_PLAUSIBILITY) {
    throw new UndecodableArticleError(
      `not readable text: invalid as UTF-8, and at best ${Math.round(best.score * 100)}% plausible Chinese characters (as ${best.encoding})`,
      'encoding',
    );
  }
  if (best.encoding === 'utf-8') return utf8WithNote(bytes);
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), best.encoding), encoding: best.encoding };
}

function utf8WithNote(bytes: Uint8Array): DecodedText {
  const text = lenientUtf8.decode(bytes);
  try {
    strictUtf8.decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    const { invalid } = utf8Validity(bytes);
    return { text, encoding: 'utf-8', note: `${invalid} invalid UTF-8 byte sequence${invalid === 1 ? '' : 's'} replaced with U+FFFD` };
  }
}

/**
 * Characters beyond ASCII that decode as UTF-8, and invalid byte sequences (each one U+FFFD, as
 * TextDecoder replaces them; a U+FFFD the text really holds, EF BF BD, is not counted as invalid).
 */
function utf8Validity(bytes: Uint8Array): { valid: number; invalid: number } {
  const text = lenientUtf8.decode(bytes);
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) nonAscii++; // a surrogate pair is one character
  }
  let genuine = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) genuine++;
  }
  return { valid: nonAscii + genuine, invalid: replaced - genuine };
}

/** jschardet's guess first when it is a Chinese encoding; GB18030 and Big5 are always tried. */
function candidateEncodings(sample: Uint8Array): Array<'gb18030' | 'big5'> {
  const guesses = jschardet.detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.length), { minimumThreshold: 0 });
  const ordered: Array<'gb18030' | 'big5'> = [];
  for (const guess of guesses) {
    const name = guess.encoding.toLowerCase();
    if (/^(gb2312|gbk|gb18030)$/.test(name) && !ordered.includes('gb18030')) ordered.push('gb18030');
    if (/^big5/.test(name) && !ordered.includes('big5')) ordered.push('big5');
  }
  for (const fallback of ['gb18030', 'big5'] as const) if (!ordered.includes(fallback)) ordered.push(fallback);
  return ordered;
}

/**
 * NUL bytes are the high bytes of ASCII characters in UTF-16 without a BOM; anything else with
 * NUL bytes is binary. Both byte orders are decoded and must read as plausible text.
 */
function utf16WithoutBom(bytes: Uint8Array, sample: Uint8Array): DecodedText {
  if (bytes.length % 2 === 0) {
    const even = Buffer.from(sample.buffer, sample.byteOffset, sample.length - (sample.length % 2));
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const head = iconv.decode(even, encoding);
      if (plausibility(head) >= MIN_PLAUSIBILITY && controlShare(head) <= 0.05) {
        return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding), encoding };
      }
    }
  }
  throw new UndecodableArticleError('binary input: contains NUL bytes', 'binary');
}

const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document (extract its text first)', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function binarySignature(bytes: Uint8Array): string | null {
  for (const [what, sig] of SIGNATURES) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return what;
  }
  return null;
}

/** Share of control characters other than tab, newline, form feed and carriage return. */
function controlShare(sample: Uint8Array | string): number {
  if (sample.length === 0) return 0;
  let control = 0;
  // One loop per input type: a type test per byte costs more than the count (64 KB per article).
  if (typeof sample === 'string') {
    for (let i = 0; i < sample.length; i++) if (isControl(sample.charCodeAt(i))) control++;
  } else {
    for (let i = 0; i < sample.length; i++) control += CONTROL_BYTE[sample[i]!]!;
  }
  return control / sample.length;
}

function isControl(c: number): boolean {
  return c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f;
}

/** 1 for each control byte (isControl), by byte: added up without a branch per byte. */
const CONTROL_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (isControl(b) ? 1 : 0));

let commonHanzi: Set<number> | null = null;

/**
 * The characters everyday Chinese is written in: GB2312's level-1 set (the 3,755 most used
 * simplified characters) and Big5's frequently-used set (5,401 traditional ones), both read
 * from iconv-lite's own tables rather than listed here.
 */
function common(): Set<number> {
  if (commonHanzi) return commonHanzi;
  const set = new Set<number>();
  const add = (encoding: string, lead: [number, number], trails: Array<[number, number]>, last: number) => {
    for (let hi = lead[0]; hi <= lead[1]; hi++) {
      for (const [from, to] of trails) {
        for (let lo = from; lo <= to; lo++) {
          if (hi * 256 + lo > last) continue;
          const ch = iconv.decode(Buffer.from([hi, lo]), encoding);
          if (ch.length === 1 && ch !== '\ufffd') set.add(ch.charCodeAt(0));
        }
      }
    }
  };
  add('gb2312', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9);
  add('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e);
  commonHanzi = set;
  return set;
}

/**
 * How plausible a decoding is as (Chinese) text: the share of its non-ASCII characters that
 * are common hanzi or punctuation. The right decoding of a Chinese article scores near 1; the
 * same bytes read in the wrong encoding give rare characters, symbols and U+FFFD instead.
 */
export function plausibility(text: string): number {
  const hanzi = common();
  let nonAscii = 0;
  let plausible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (
      hanzi.has(c) ||
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 。「」、
      (c >= 0xff01 && c <= 0xff5e) || // full-width forms: ，：（）
      (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, ellipsis: — “” …
      (c >= 0xa0 && c <= 0x17f) || // Latin-1 and Latin Extended-A: · × ° and tone-marked pinyin (ā é)
      (c >= 0x1cd && c <= 0x1dc) || // pinyin's third tone: ǎ ǐ ǒ ǔ ǚ
      (c >= 0x2100 && c <= 0x22ff) || // ℃ № Ⅱ → ≤
      (c >= 0x2460 && c <= 0x24ff) || // ① ⑴
      (c >= 0x25a0 && c <= 0x26ff) // ● ■ ▲ ★
    ) {
      plausible++;
    }
  }
  return nonAscii === 0 ? 1 : plausible / nonAscii;
}
