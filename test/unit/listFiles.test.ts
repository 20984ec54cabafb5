import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/ingest/ingest.js';

/** Paths as users write them, on real files: names with glob characters, symbolic links, loops. */
describe('listArticleFiles', () => {
  let root: string;
  const at = (...parts: string[]) => join(root, ...parts);
  const names = (files: string[]) => files.map((f) => relative(root, f)).sort();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rg-paths-'));
    mkdirSync(at('reports'));
    writeFileSync(at('reports', '年报[2023].txt'), '正定县开办企业时间压缩至1个工作日。');
    writeFileSync(at('reports', '年报2022.txt'), '栾城区审批要件减少至12个。');
    writeFileSync(at('reports', 'notes.md'), '不是文章。');
    mkdirSync(at('elsewhere', 'deep'), { recursive: true });
    writeFileSync(at('elsewhere', 'linked.txt'), '藁城区推行拿地即开工。');
    writeFileSync(at('elsewhere', 'deep', 'inner.txt'), '鹿泉区一窗通办。');
    mkdirSync(at('corpus'));
    writeFileSync(at('corpus', 'own.txt'), '新华区告知承诺制。');
    symlinkSync(at('elsewhere', 'linked.txt'), at('corpus', 'file-link.txt'));
    symlinkSync(at('elsewhere'), at('corpus', 'folder-link'));
    symlinkSync(at('corpus', 'nowhere.txt'), at('corpus', 'broken-link.txt'));
    mkdirSync(at('loop', 'sub'), { recursive: true });
    writeFileSync(at('loop', 'sub', 'a.txt'), '长安区。');
    symlinkSync(at('loop'), at('loop', 'sub', 'back-up'));
    symlinkSync(at('self'), at('self'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes an existing file with glob characters in its name as that file', async () => {
    const { files, failed } = await listArticleFiles([at('reports', '年报[2023].txt')]);
    expect(failed).toEqual([]);
    expect(names(files)).toEqual(['reports/年报[2023].txt']);
  });

  it('takes a path that does not exist as a pattern, with character classes', async () => {
    const classes = await listArticleFiles([at('reports', '年报[0-9]*.txt')]);
    expect(names(classes.files)).toEqual(['reports/年报2022.txt']);
    const star = await listArticleFiles([at('reports', '*.txt')]);
    expect(names(star.files)).toEqual(['reports/年报2022.txt', 'reports/年报[2023].txt']);
    const none = await listArticleFiles([at('reports', '年报[2024].txt')]);
    expect(none.files).toEqual([]);
    expect(none.failed[0]?.reason).toMatch(/no file matches/u);
    const unbalanced = await listArticleFiles([at('reports', '年报[*.txt')]);
    expect(names(unbalanced.files)).toEqual(['reports/年报[2023].txt']);
  });

  it('follows symbolic links to files and folders, and reports a broken one', async () => {
    const { files, failed } = await listArticleFiles([at('corpus')]);
    expect(names(files)).toEqual(['corpus/file-link.txt', 'corpus/folder-link/deep/inner.txt', 'corpus/folder-link/linked.txt', 'corpus/own.txt']);
    expect(failed).toEqual([{ path: at('corpus', 'broken-link.txt'), reason: expect.stringMatching(/broken symbolic link/u) }]);
    const globbed = await listArticleFiles([at('corpus', '**', '*.txt')]);
    expect(names(globbed.files)).toEqual(names(files));
  });

  it('reports a link loop instead of hanging, and lists the rest', async () => {
    const { files, failed } = await listArticleFiles([at('loop'), at('self')]);
    expect(names(files)).toEqual(['loop/sub/a.txt']);
    expect(failed).toEqual([
      { path: at('loop', 'sub', 'back-up'), reason: expect.stringMatching(/symbolic link loop/u) },
      { path: at('self'), reason: 'symbolic link loop' },
    ]);
  });

  it('matches many stars in linear time', async () => {
    const dir = at('stars');
    mkdirSync(dir);
    writeFileSync(join(dir, `${'a'.repeat(200)}.txt`), '');
    const started = performance.now();
    const { files } = await listArticleFiles([join(dir, `${'*a'.repeat(12)}*b.txt`), join(dir, '**', '**', '**', '**', '*.md')]);
    expect(files).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
