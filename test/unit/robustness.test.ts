import { fork, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleTooLargeError, EmptyArticleError, extractArticle, MAX_ARTICLE_BYTES, UnreadableArticleError } from '../../src/extract/article.js';
import { MAX_SENTENCE_CHARS } from '../../src/extract/sentences.js';
import type { ExtractResponse } from '../../src/ingest/pool.js';
import { readArticleFile } from '../../src/ingest/readArticle.js';

/**
 * Hostile input must cost time in proportion to its size. Each input below once took from 10 s
 * to minutes (a regex retried at every start position, or a scan of the whole text per match);
 * linear code handles each in well under a second. The budget sits far above that (the machine
 * is shared) and far below the blow-up.
 */
const BUDGET_MS = 4000;

// A sentence of our own, with a region, an agency, a program and an outcome in it.
const SENTENCE = '正定县行政审批局推行“一窗通办”，企业开办时间由5个工作日压缩至1个工作日。';

const PATHOLOGICAL: Array<[string, () => string]> = [
  ['200 KB of digits', () => '7'.repeat(200_000)],
  ['200 KB of digits with a unit at the end', () => `${'7'.repeat(200_000)}天`],
  ['a from-to change with 100 KB numbers', () => `审批时间由${'9'.repeat(100_000)}天压缩至${'1'.repeat(100_000)}天`],
  ['200 KB of decimal points and digits', () => '1.'.repeat(100_000)],
  ['100 KB of percentages', () => '9%'.repeat(50_000)],
  ['50,000 unclosed <!--', () => `<p>${SENTENCE}</p>${'<!--'.repeat(50_000)}`],
  ['50,000 unclosed <script>', () => `<p>${SENTENCE}</p>${'<script>'.repeat(50_000)}`],
  ['50,000 unclosed <style and <title>', () => `<p>${SENTENCE}</p>${'<style x<title>'.repeat(50_000)}`],
  ['50,000 unclosed tags', () => `<p>${SENTENCE}</p>${'<p class="a" '.repeat(50_000)}`],
  ['50,000 unfinished entities', () => `<p>${SENTENCE}</p>${'&#x&amp'.repeat(50_000)}`],
  ['deeply nested <p><p>', () => `${'<p><div>'.repeat(50_000)}${SENTENCE}`],
  ['100 KB of 《 without 》', () => '《'.repeat(100_000)],
  ['100 KB of titles 《…》', () => '《审批办法》'.repeat(20_000)],
  ['100 KB of “ without ”', () => '“'.repeat(100_000)],
  ['100 KB of quoted names', () => '推行“一网通办”'.repeat(12_000)],
  ['100 KB of one CJK character', () => '审'.repeat(100_000)],
  ['a long line without punctuation', () => '正定县行政审批局推行一窗通办改革企业开办时间由5个工作日压缩至1个工作日'.repeat(3_000)],
  ['100 KB of 由', () => '由'.repeat(100_000)],
  ['100 KB of 、', () => '、'.repeat(100_000)],
  ['100 KB of -', () => '-'.repeat(100_000)],
  ['100 KB of spaces between two words', () => `审批${' '.repeat(100_000)}改革`],
  ['100 KB of digit-space pairs', () => `${'1 '.repeat(50_000)}天`],
  ['100 KB of newlines', () => `${SENTENCE}${'\n'.repeat(100_000)}${SENTENCE}`],
  ['25,000 broken lines joined into one paragraph', () => '营商环境审批改革，推进事项办理\n'.repeat(25_000)],
  ['50,000 place names', () => '石家庄市'.repeat(50_000)],
  ['100,000 level words', () => '市县区省'.repeat(25_000)],
  ['100 KB of titles before names', () => '局长王'.repeat(35_000)],
  ['100 KB of company suffixes', () => '有限公司'.repeat(25_000)],
  ['100 KB of change words', () => '压缩至'.repeat(35_000)],
  ['100 KB of 比较', () => '比较'.repeat(50_000)],
  ['100 KB of rate words', () => '满意率'.repeat(35_000)],
  ['a pinyin gloss that never closes', () => `审批(${'a'.repeat(100_000)}`],
  ['front matter that never closes', () => `---\ntitle: ${'x'.repeat(100_000)}\n${'a: b\n'.repeat(20_000)}`],
  ['100 KB of sentence ends', () => '。！？”'.repeat(25_000)],
  ['100 KB of zero-width and bidi characters', () => `${'\u200b\u200f\u202e\u2066'.repeat(25_000)}${SENTENCE}`],
  ['a list of 40,000 places', () => '石家庄市、'.repeat(40_000)],
  ['13,000 officials after agencies', () => '石家庄市行政审批局局长王明说，'.repeat(13_000)],
  ['12,000 titles issued by agencies', () => '石家庄市行政审批局印发《审批办法》，'.repeat(12_000)],
  ['30,000 national bodies by short name', () => '国家发展改革委'.repeat(30_000)],
  ['40,000 reform names outside quotes', () => '一网通办'.repeat(40_000)],
  ['quotes and reform names alternating', () => '“甲乙”一网通办'.repeat(25_000)],
  ['30,000 provincial service portals', () => '江苏政务服务网'.repeat(30_000)],
  ['50,000 listed zones', () => '两江新区'.repeat(50_000)],
  ['30,000 zones written as place and suffix', () => '石家庄经开区'.repeat(30_000)],
  ['20,000 bare zone suffixes after a city', () => '石家庄市，在高新区'.repeat(20_000)],
  ['15,000 service centres', () => '石家庄市政务服务中心，'.repeat(15_000)],
  ['mixed', () => `<p>由${'2'.repeat(60)}天《“审批、${' '.repeat(20)}<!--<script>石家庄市行政审批局局长王`.repeat(1_500)],
];

describe('extractArticle on pathological input', () => {
  // Dictionaries and the gazetteer load on first use: not part of any input's cost.
  beforeAll(() => void extractArticle(readFileSync('seeds/002_2f368463621ff22d.txt')));

  it.each(PATHOLOGICAL)('%s: in bounded time, with bounded evidence', (_name, make) => {
    const bytes = Buffer.from(make(), 'utf8');
    const t0 = performance.now();
    let result: ReturnType<typeof extractArticle> | null = null;
    try {
      result = extractArticle(bytes);
    } catch (error) {
      // Refusing is fine (nothing left after markup), crashing is not.
      expect(error).toBeInstanceOf(UnreadableArticleError);
    }
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
    // No sentence is the whole input: evidence copies a sentence per fact.
    if (result) {
      const evidence = [...result.entities.flatMap((e) => e.evidence), ...result.outcomes.map((o) => o.evidence)];
      for (const ev of evidence) expect(ev.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
  }, 30_000);

  it('still finds what a hostile page holds around its debris', () => {
    const page = `<html><body><p>${SENTENCE}</p>${'<!--'.repeat(20_000)}</body></html>`;
    const a = extractArticle(Buffer.from(page));
    expect(a.entities.some((e) => e.name === '一窗通办')).toBe(true);
    expect(a.outcomes.length).toBeGreaterThan(0);
  });
});

describe('hostile characters', () => {
  it.each([
    ['zero-width space inside a name', '正定\u200b县行政审批局推行“一窗通办”。'],
    ['soft hyphen and word joiner', '正定\u00ad县行政\u2060审批局推行“一窗通办”。'],
    ['right-to-left override and marks', '\u202e正定县\u200f行政审批局\u202c推行“一窗通办”。'],
    ['C0 and C1 controls', '正定县\u0007行政审批局\u0085推行\u009b“一窗通办”。'],
    ['an entity for a bidi override', '<p>正定县&#8238;行政审批局推行“一窗通办”。</p>'],
  ])('%s: removed, and the names read as if they were not there', (_name, text) => {
    const a = extractArticle(Buffer.from(text, 'utf8'));
    expect(a.text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]/u);
    expect(a.entities.map((e) => e.name)).toContain('正定县');
    expect(a.entities.some((e) => e.type === 'Program' && e.name.includes('一窗通办'))).toBe(true);
  });

  it('replaces lone surrogates (from UTF-16 bytes or an entity) with U+FFFD', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('审批\ud800改革\udc00。', 'utf16le')]);
    expect(extractArticle(utf16).text).toBe('审批\ufffd改革\ufffd。');
    expect(extractArticle(Buffer.from('<p>审批&#xD800;改革。</p>')).text).toBe('审批改革。');
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\u3000\u00a0\n'],
    ['markup only', '<html><head><title></title></head><body><p><br></p><!-- nothing --></body></html>'],
    ['invisible characters only', '\u200b\u200f\u202e\ufeff\u00ad'],
  ])('refuses %s input with EmptyArticleError', (_name, text) => {
    expect(() => extractArticle(Buffer.from(text, 'utf8'))).toThrow(EmptyArticleError);
  });
});

describe('readArticleFile checks the size before reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-robust-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A sparse file: its size is set, no data is written, so it costs no disk. */
  const sparse = (name: string, bytes: number) => {
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, bytes);
    closeSync(fd);
    return path;
  };

  it('refuses a 1 GB file without reading it, naming the file, its size and the limit', async () => {
    const path = sparse('huge.txt', 1024 ** 3);
    const rssBefore = process.memoryUsage().rss;
    const error = await readArticleFile(path).catch((e: unknown) => e);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(error).toBeInstanceOf(ArticleTooLargeError);
    expect((error as ArticleTooLargeError).message).toBe(`${path}: article too large: ${1024 ** 3} bytes (limit ${MAX_ARTICLE_BYTES})`);
    expect(error).toMatchObject({ bytes: 1024 ** 3, limit: MAX_ARTICLE_BYTES, source: path, kind: 'too-large' });
  });

  it('reads a file at the limit and refuses one a byte over', async () => {
    const path = join(dir, 'article.txt');
    writeFileSync(path, SENTENCE);
    const size = Buffer.byteLength(SENTENCE);
    expect((await readArticleFile(path, size)).toString('utf8')).toBe(SENTENCE);
    await expect(readArticleFile(path, size - 1)).rejects.toThrow(ArticleTooLargeError);
  });

  it('reads a file larger than one read chunk whole', async () => {
    const path = join(dir, 'long.txt');
    const text = `${SENTENCE}\n`.repeat(40_000); // about 4 MB, several chunks
    writeFileSync(path, text);
    expect((await readArticleFile(path)).toString('utf8')).toBe(text);
  });

  it('refuses a directory with a clear error', async () => {
    await expect(readArticleFile(dir)).rejects.toThrow(/is a directory/);
  });

  it('the ingest extractor process refuses the 1 GB file and stays up for the next one', async () => {
    const huge = sparse('huge-worker.txt', 1024 ** 3);
    const small = join(dir, 'small.txt');
    writeFileSync(small, SENTENCE);
    const worker = fork('src/ingest/worker.mjs', [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ask = (job: number, path: string) =>
      new Promise<ExtractResponse>((resolve) => {
        worker.once('message', (response: ExtractResponse) => resolve(response));
        worker.send({ job, path });
      });
    try {
      expect(await ask(1, huge)).toEqual({ job: 1, ok: false, reason: `article too large: ${1024 ** 3} bytes (limit ${MAX_ARTICLE_BYTES})` });
      const next = await ask(2, small);
      expect(next.ok && next.article.outcomes.length).toBeGreaterThan(0);
    } finally {
      worker.kill();
    }
  }, 60_000);

  it('`kg extract` refuses the 1 GB file with exit code 1, a clear message and little memory', () => {
    const path = sparse('huge-cli.txt', 1024 ** 3);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', path], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${path}: article too large: ${1024 ** 3} bytes (limit ${MAX_ARTICLE_BYTES})`);
    expect(run.stderr).not.toContain(`${path}: ${path}`);
  }, 60_000);
});
