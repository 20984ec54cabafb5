import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/article.js';
import { decodeBytes, plausibility, UnreadableInputError } from '../../src/extract/decode.js';
import { EmptyArticleError, UndecodableArticleError, UnreadableArticleError } from '../../src/extract/errors.js';

// Sentences of our own, in the register of the articles (a county, an agency, an outcome).
const SIMPLIFIED = [
  '临川县政务服务中心推行“一窗通办”，企业开办时间由5个工作日压缩至1个工作日。',
  '县行政审批局局长介绍，全县已有九成以上事项实现网上办理，群众满意率达到百分之九十九。',
  '下一步，我们将继续优化营商环境，让办事群众少跑腿、好办事。',
].join('\n');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const TRADITIONAL = toTraditional(SIMPLIFIED);

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
/** The UTF-8 bytes of `s` with `bad` spliced in after the `at`-th character. */
const utf8With = (s: string, at: number, bad: number[]) => Buffer.concat([utf8(s.slice(0, at)), Buffer.from(bad), utf8(s.slice(at))]);

describe('decodeBytes reads each encoding Chinese articles come in', () => {
  it.each([
    ['UTF-8', utf8(SIMPLIFIED), SIMPLIFIED, 'utf-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], utf8(SIMPLIFIED)), SIMPLIFIED, 'utf-8'],
    ['GBK', iconv.encode(SIMPLIFIED, 'gbk'), SIMPLIFIED, 'gb18030'],
    ['GB18030 with a four-byte character', iconv.encode(`${SIMPLIFIED}𠀾`, 'gb18030'), `${SIMPLIFIED}𠀾`, 'gb18030'],
    ['Big5', iconv.encode(TRADITIONAL, 'big5'), TRADITIONAL, 'big5'],
    ['a short Big5 line', iconv.encode(toTraditional('县长说，审批时间缩短了。'), 'big5'), toTraditional('县长说，审批时间缩短了。'), 'big5'],
    ['a short GBK line', iconv.encode('县长说，审批时间缩短了。', 'gbk'), '县长说，审批时间缩短了。', 'gb18030'],
    ['UTF-16 LE with BOM', withBom([0xff, 0xfe], iconv.encode(SIMPLIFIED, 'utf-16le')), SIMPLIFIED, 'utf-16le'],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], iconv.encode(SIMPLIFIED, 'utf-16be')), SIMPLIFIED, 'utf-16be'],
    ['UTF-16 LE without BOM (ASCII markup gives NUL high bytes)', iconv.encode(`<p>${SIMPLIFIED}</p>`, 'utf-16le'), `<p>${SIMPLIFIED}</p>`, 'utf-16le'],
    ['plain ASCII', utf8('Approval time fell from 30 to 7 days.'), 'Approval time fell from 30 to 7 days.', 'utf-8'],
  ])('%s', (_name, bytes, text, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
    expect(decoded.note).toBeUndefined();
  });

  it.each([
    ['one invalid byte', utf8With(SIMPLIFIED, 20, [0xff]), 1],
    ['a truncated character', utf8With(SIMPLIFIED, 40, [0xe5, 0x8e]), 1],
    ['three stray bytes apart', Buffer.concat([utf8With(SIMPLIFIED, 10, [0x80]), Buffer.from([0xc0]), utf8('尾。'), Buffer.from([0xfe])]), 3],
    ['a bad byte after a BOM', withBom([0xef, 0xbb, 0xbf], utf8With(SIMPLIFIED, 5, [0xff])), 1],
  ])('keeps UTF-8 with %s as UTF-8, replacing and reporting the damage', (_name, bytes, invalid) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.note).toMatch(new RegExp(`^${invalid} invalid UTF-8 byte sequences? replaced`));
    expect([...decoded.text.matchAll(/\ufffd/gu)]).toHaveLength(invalid);
    expect(decoded.text.replace(/\ufffd/gu, '')).toContain('企业开办时间由5个工作日压缩至1个工作日');
  });

  it('reads a short damaged UTF-8 line as UTF-8 although its bad share is high', () => {
    const decoded = decodeBytes(utf8With('审批提速。', 2, [0xff, 0xfe]));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('审批\ufffd\ufffd提速。');
  });

  it.each([
    ['a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), /PNG/],
    ['a gzip archive', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]), /gzip/],
    ['NUL bytes in text', Buffer.concat([utf8(SIMPLIFIED), Buffer.alloc(16), utf8(SIMPLIFIED)]), /NUL/],
    ['random bytes', pseudoRandomBytes(4096, 1, 0x00), /binary/],
    ['random high bytes (no NUL, no control)', pseudoRandomBytes(4096, 2, 0x80), /not readable text/],
    ['control bytes', Buffer.from('\x01\x02\x03\x04 审批 \x05\x06\x07\x08'), /control bytes/],
  ])('refuses %s with a typed error', (_name, bytes, reason) => {
    expect(() => decodeBytes(bytes)).toThrow(UndecodableArticleError);
    expect(() => decodeBytes(bytes)).toThrow(reason);
    // The old name still catches it.
    expect(() => decodeBytes(bytes)).toThrow(UnreadableInputError);
  });
});

describe('plausibility', () => {
  it('scores the right decoding near 1 and wrong decodings low', () => {
    const gbk = iconv.encode(SIMPLIFIED, 'gbk');
    const big5 = iconv.encode(TRADITIONAL, 'big5');
    expect(plausibility(iconv.decode(gbk, 'gb18030'))).toBeGreaterThan(0.95);
    expect(plausibility(iconv.decode(big5, 'big5'))).toBeGreaterThan(0.95);
    expect(plausibility(iconv.decode(gbk, 'big5'))).toBeLessThan(0.6);
    expect(plausibility(iconv.decode(big5, 'gb18030'))).toBeLessThan(0.6);
    expect(plausibility(new TextDecoder().decode(gbk))).toBeLessThan(0.6);
  });

  it('counts pinyin, symbols and full-width punctuation as plausible', () => {
    expect(plausibility('营商环境（yíng shāng huán jìng）①★℃·')).toBe(1);
    expect(plausibility('ASCII only')).toBe(1);
  });
});

describe('extractArticle records the encoding it read', () => {
  it('reads a Big5 article like its simplified UTF-8 original', () => {
    const fromBig5 = extractArticle(iconv.encode(TRADITIONAL, 'big5'));
    const fromUtf8 = extractArticle(utf8(SIMPLIFIED));
    expect(fromBig5.article.encoding).toBe('big5');
    expect(fromBig5.text).toBe(fromUtf8.text);
    expect(fromBig5.outcomes).toEqual(fromUtf8.outcomes);
  });

  it('extracts from UTF-8 with a bad byte and says so in encodingNote', () => {
    const damaged = extractArticle(utf8With(SIMPLIFIED, 60, [0xff]));
    expect(damaged.article.encoding).toBe('utf-8');
    expect(damaged.article.encodingNote).toMatch(/1 invalid UTF-8 byte sequence replaced/);
    expect(damaged.outcomes.length).toBeGreaterThan(0);
    expect(extractArticle(utf8(SIMPLIFIED)).article.encodingNote).toBeNull();
  });

  it('refuses binary input and empty input with errors of one family', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => extractArticle(png)).toThrow(UnreadableArticleError);
    expect(() => extractArticle(Buffer.from('<html><body><p> </p></body></html>'))).toThrow(EmptyArticleError);
    expect(() => extractArticle(Buffer.from('<html><body><p> </p></body></html>'))).toThrow(UnreadableArticleError);
  });
});

/** Deterministic noise (a linear congruential generator), bytes from `floor` up. */
function pseudoRandomBytes(n: number, seed: number, floor: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = floor + ((x >> 16) % (256 - floor));
  }
  return out;
}
