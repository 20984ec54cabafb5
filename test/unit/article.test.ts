import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleTooLargeError, EmptyArticleError, EXTRACTOR_VERSION, extractArticle, MAX_ARTICLE_BYTES } from '../../src/extract/article.js';
import { UnreadableInputError } from '../../src/extract/decode.js';

const sample = '石家庄市行政审批局推行“三证齐发”，审批要件由139个压缩至74个。';

describe('extractArticle on bad and unusual input', () => {
  it('refuses empty and whitespace-only input with a clear error', () => {
    expect(() => extractArticle(Buffer.alloc(0))).toThrow(EmptyArticleError);
    expect(() => extractArticle(Buffer.from(' \n\t\u3000\n'))).toThrow(/empty article/);
  });

  it('refuses an image', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    expect(() => extractArticle(png)).toThrow(UnreadableInputError);
  });

  it('reads GBK and UTF-16 exactly as it reads UTF-8', () => {
    const utf8 = extractArticle(Buffer.from(sample, 'utf8'));
    const gbk = extractArticle(iconv.encode(sample, 'gbk'));
    const utf16 = extractArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')]));
    expect(gbk.article.encoding).toBe('gb18030');
    expect(utf16.article.encoding).toBe('utf-16le');
    for (const other of [gbk, utf16]) {
      expect(other.text).toBe(utf8.text);
      expect(other.entities).toEqual(utf8.entities);
      expect(other.outcomes).toEqual(utf8.outcomes);
    }
  });

  it('handles a 5 MB article in bounded time, and refuses one over the limit', () => {
    const seed = readFileSync('seeds/003_3329303f550bb39f.txt', 'utf8');
    let big = '';
    for (let i = 0; big.length * 3 < 5 * 1024 * 1024; i++) big += `${seed}\n第${i}段。`;
    const t0 = performance.now();
    const a = extractArticle(Buffer.from(big));
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(a.entities.some((e) => e.name === '石家庄市')).toBe(true);
    expect(() => extractArticle(Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x41), { source: 'big.txt' })).toThrow(ArticleTooLargeError);
    expect(() => extractArticle(Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x41), { source: 'big.txt' })).toThrow(`big.txt: article too large: ${MAX_ARTICLE_BYTES + 1} bytes (limit ${MAX_ARTICLE_BYTES})`);
  }, 60_000);

  it('keeps script and style out of HTML articles', () => {
    const html = `<html><head><title>杭州：一件事改革</title><style>.x{color:red}</style></head><body><script>var 石家庄市 = 1;</script><p>${sample}</p></body></html>`;
    const a = extractArticle(Buffer.from(html));
    expect(a.article.title).toBe('杭州：一件事改革');
    expect(a.text).not.toContain('color');
    expect(a.text).not.toContain('var');
    expect(a.outcomes).toHaveLength(1);
  });

  it('returns an empty result for an article with no Chinese', () => {
    const a = extractArticle(Buffer.from('The city cut approval time from 30 to 7 days.'));
    expect(a.entities).toEqual([]);
    expect(a.outcomes).toEqual([]);
  });

  it('is deterministic and versioned, with a content-hash id', () => {
    const one = extractArticle(Buffer.from(sample));
    const two = extractArticle(Buffer.from(`\ufeff${sample}\n${sample}`)); // BOM and a repeated paragraph
    expect(two).toEqual(one);
    expect(one.article.id).toMatch(/^article:[0-9a-f]{16}$/);
    expect(one.article.extractorVersion).toBe(EXTRACTOR_VERSION);
  });

  it('gives evidence offsets that point into the normalised text', () => {
    const a = extractArticle(readFileSync('seeds/002_2f368463621ff22d.txt'));
    const evidences = [...a.entities.flatMap((e) => e.evidence), ...a.relations.flatMap((r) => (r.evidence ? [r.evidence] : [])), ...a.outcomes.map((o) => o.evidence)];
    expect(evidences.length).toBeGreaterThan(10);
    for (const ev of evidences) {
      expect(ev.sentence).toContain(a.text.slice(ev.start, ev.end));
      expect(a.text).toContain(ev.sentence);
    }
  });
});
