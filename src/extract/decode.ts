import iconv from 'iconv-lite';

/** Raised for input that is not text we can read; the message says why, for the ingest report. */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to a string. A BOM decides first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then GB18030,
 * a superset of GBK and GB2312, which is what Chinese pages that are not UTF-8 almost always use.
 * Binary data (images, archives) is refused rather than decoded into noise.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  const binary = binaryReason(bytes);
  if (binary) throw new UnreadableInputError(binary);
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    // GB18030 maps almost any byte sequence; too many replacement characters means it was not GB text.
    const replaced = countOf(text, '\ufffd');
    if (replaced > Math.max(3, text.length / 100)) {
      throw new UnreadableInputError('not valid UTF-8, UTF-16 or GB18030 text');
    }
    return { text, encoding: 'gb18030' };
  }
}

const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document (extract its text first)', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function binaryReason(bytes: Uint8Array): string | null {
  for (const [what, sig] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) return `binary input: looks like a ${what}`;
  }
  // Text has no NUL bytes (UTF-16 without a BOM aside, which we do not guess) and few control bytes.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary input: contains NUL bytes';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) return 'binary input: too many control bytes';
  return null;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
