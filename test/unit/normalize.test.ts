import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, UnreadableInputError } from '../../src/extract/decode.js';
import { normalizeArticle, scrubCharacters } from '../../src/extract/normalize.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/extract/sentences.js';

describe('decodeBytes', () => {
  const text = '石家庄市行政审批局推行“三证齐发”。';

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it('refuses images and other binary data with a reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png)).toThrow(UnreadableInputError);
    expect(() => decodeBytes(png)).toThrow(/PNG/);
    expect(() => decodeBytes(Buffer.from([1, 2, 3, 0, 5, 6]))).toThrow(/binary/);
  });
});

describe('normalizeArticle', () => {
  it('drops inline pinyin, tone marks included, and converts to simplified characters', () => {
    const { text } = normalizeArticle('廊坊開發區(qū):紮實開展“走訪解促”,推動(dòng)營(yíng)商環(huán)境優化');
    expect(text).toBe('廊坊开发区：扎实开展“走访解促”，推动营商环境优化');
  });

  it('keeps title and date from front matter and strips HTML, scripts and styles', () => {
    const raw = '---\nlayout: post\ntitle: "杭州：优化营商环境"\ndate: 2023-05-04 10:00:00 +0800\n---\n<style>p{}</style><p>杭州市推行&ldquo;一件事&rdquo;改革。</p><script>alert(1)</script>';
    expect(normalizeArticle(raw)).toEqual({ text: '杭州市推行“一件事”改革。', title: '杭州：优化营商环境', date: '2023-05-04', url: null });
    const linked = normalizeArticle('---\ntitle: x\nurl: https://hebei.gov.cn/a/1.html\n---\n石家庄市推行“三证齐发”。');
    expect(linked.url).toBe('https://hebei.gov.cn/a/1.html');
    expect(normalizeArticle('---\nurl: javascript:alert(1)\n---\n正文。').url).toBeNull();
  });

  it('repairs PDF line breaks and stray spaces, keeping headings apart', () => {
    const raw = '数智赋能 保定打造政务环境\n\n营商环境是区域经济发展的 晴雨表，政务环境是评价营商环境的硬指\n\n标。今年1~9月平均用时174.4天，比2022 年减少76.1天。';
    expect(normalizeArticle(raw).text).toBe(
      '数智赋能保定打造政务环境\n营商环境是区域经济发展的晴雨表，政务环境是评价营商环境的硬指标。今年1~9月平均用时174.4天，比2022年减少76.1天。',
    );
  });

  it('drops paragraphs repeated verbatim and keeps photo credits on their own line', () => {
    const raw = '成都市新都区推行“交地即开工”。\n\n近日，市民在政务大厅办事，效率提升。新华社记者 李明摄\n\n成都市新都区推行“交地即开工”。';
    expect(normalizeArticle(raw).text).toBe('成都市新都区推行“交地即开工”。\n近日，市民在政务大厅办事，效率提升。新华社记者李明摄');
  });
});

describe('splitSentences', () => {
  it('splits at sentence punctuation and paragraph breaks, closing quotes included', () => {
    const text = '他说：“办成了。”随后离开！\n第二段；结束';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['他说：“办成了。”', '随后离开！', '第二段；', '结束']);
  });

  it('cuts an overlong sentence at a pause, else hard, covering all of it', () => {
    const clause = '推进审批服务标准化规范化便利化，';
    const text = `${clause.repeat(200)}结束。`;
    const parts = splitSentences(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text[p.end - 1]).toMatch(/[，。]/u); // cut after a comma
    }
    expect(parts.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);

    const unbroken = '审'.repeat(2500);
    expect(splitSentences(unbroken).map((p) => p.end - p.start)).toEqual([1000, 1000, 500]);
    // An astral character (two UTF-16 units) is never cut in half.
    const astral = `审${'𠀾'.repeat(1000)}`;
    for (const p of splitSentences(astral)) expect(astral.slice(p.start, p.end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
  });
});

describe('normalizeArticle on broken HTML', () => {
  it.each([
    ['a closed comment goes, text after it stays', '<p>审批提速。</p><!-- 注释 --><p>服务升级。</p>', '审批提速。\n服务升级。'],
    ['an unclosed comment loses its opener only', '<p>审批提速。</p><!-- 注释<p>服务升级。</p>', '审批提速。\n注释\n服务升级。'],
    ['an unclosed script loses its tag only', '<p>审批提速。</p><script>var a<p>服务升级。</p>', '审批提速。\nvar a\n服务升级。'],
    ['a closed script goes after an unclosed style tag', '<p>审批提速。</p><style x<script>var a</script><p>服务升级。</p>', '审批提速。\n服务升级。'],
    ['a tag cut off at the end goes', '<p>审批提速。</p><div class="x', '审批提速。'],
    ['a stray < in text does not eat a tag', '<p>时限<5天，服务升级。</p>', '时限<5天，服务升级。'],
    ['entities for controls and surrogates are dropped', '<p>审批&#1;提速&#xD800;。</p>', '审批提速。'],
  ])('%s', (_name, html, text) => {
    expect(normalizeArticle(html).text).toBe(text);
  });

  it('takes the first closed <title>, else the first paragraph', () => {
    expect(normalizeArticle('<head><title>网页标题</title></head><p>正文内容。</p>')).toMatchObject({ title: '网页标题', text: '正文内容。' });
    expect(normalizeArticle('<title>网页标题<p>正文内容。</p>')).toMatchObject({ title: '网页标题', text: '网页标题\n正文内容。' });
  });
});

describe('scrubCharacters', () => {
  it.each([
    ['zero-width characters', '石家\u200b庄\u200c市\u200d\u2060', '石家庄市'],
    ['bidi marks, embeddings, overrides and isolates', '\u200e审\u200f批\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c', '审批'],
    ['C0 and C1 controls, tab and newline kept', 'a\u0000b\u0007c\u001bd\u007fe\u0080f\u009fg\th\ni', 'abcdefg\th\ni'],
    ['BOM and soft hyphen', '\ufeff审\u00ad批', '审批'],
    ['line breaks of every kind', 'a\r\nb\rc\u2028d\u2029e\u000bf\u000cg\u0085h', 'a\nb\nc\nd\ne\nf\ng\nh'],
    ['lone surrogates, pairs kept', '审\ud800批\udc00𠀾', '审\ufffd批\ufffd𠀾'],
  ])('%s', (_name, input, output) => {
    expect(scrubCharacters(input)).toBe(output);
  });
});

