import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ExtractedArticle } from '../extract/types.js';
import type { Graph } from '../graph/driver.js';
import { addSummary, emptySummary, writeBatch, type WriteSummary } from '../graph/write.js';
import { ExtractPool } from './pool.js';

export interface IngestFailure {
  path: string;
  reason: string;
}

export interface IngestSummary extends WriteSummary {
  files: number;
  new: number;
  unchanged: number;
  replaced: number;
  failed: IngestFailure[];
}

export interface IngestProgress {
  /** Files handled so far (written, unchanged or failed) and in all. */
  done: number;
  total: number;
  failed: number;
}

export interface IngestOptions {
  /** Articles per write transaction. */
  batchSize?: number;
  /** Re-extract and replace articles stored by another extractor version. */
  reextract?: boolean;
  /** Extraction threads (default: one per core, at most 4). */
  workers?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 50;

const GLOB_CHARS = /[*?[]/u;

/** `seeds/*.txt`, `corpus/**\/*.txt` as a regular expression over paths relative to the fixed part. */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/gu, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path)));
    else if (e.isFile()) files.push(path);
  }
  return files;
}

/**
 * Files under the given paths: files as given, folders walked recursively (dot-files skipped),
 * globs (`*`, `**`, `?`) matched below their fixed part, for shells that do not expand them.
 * A path that cannot be listed, or a glob that matches nothing, is a failure, not an exception,
 * so the others go on.
 */
export async function listArticleFiles(paths: readonly string[]): Promise<{ files: string[]; failed: IngestFailure[] }> {
  const files: string[] = [];
  const failed: IngestFailure[] = [];
  for (const path of paths) {
    try {
      if (GLOB_CHARS.test(path)) {
        const parts = path.split('/');
        const fixed = parts.slice(0, parts.findIndex((p) => GLOB_CHARS.test(p))).join('/') || '.';
        const re = globToRegExp(relative(fixed, path).split(sep).join('/'));
        const matched = (await walk(fixed)).filter((f) => re.test(relative(fixed, f).split(sep).join('/')));
        if (matched.length === 0) failed.push({ path, reason: 'no file matches this pattern' });
        files.push(...matched);
        continue;
      }
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await walk(path)));
      else if (info.isFile()) files.push(path);
      else failed.push({ path, reason: 'not a file or folder' });
    } catch (error) {
      failed.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files: [...new Set(files)], failed };
}

/**
 * Reads and extracts files on worker threads, and writes them in batches (one transaction each,
 * in file order, so that a run killed half-way and run again ends with the same graph as one
 * clean run). A file that cannot be read or extracted is reported with its reason; the rest go on.
 */
export async function ingestPaths(graph: Graph, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const { files, failed } = await listArticleFiles(paths);
  const summary: IngestSummary = { files: files.length, new: 0, unchanged: 0, replaced: 0, failed, ...emptySummary() };
  const report = (done: number) => options.onProgress?.({ done, total: files.length, failed: summary.failed.length });
  if (files.length === 0) return summary;

  const pool = new ExtractPool(options.workers);
  const extractBatch = (start: number) => Promise.all(files.slice(start, start + batchSize).map(async (path) => ({ path, result: await pool.extract(path) })));
  try {
    let pending = extractBatch(0);
    for (let start = 0; start < files.length; start += batchSize) {
      const extracted = await pending;
      if (start + batchSize < files.length) pending = extractBatch(start + batchSize); // overlaps the write below
      const articles: ExtractedArticle[] = [];
      for (const { path, result } of extracted) {
        if (result.ok) articles.push(result.article);
        else summary.failed.push({ path, reason: result.reason });
      }
      if (articles.length > 0) {
        const written = await writeBatch(graph, articles, { reextract: options.reextract });
        for (const a of articles) summary[written.status.get(a.article.id) ?? 'unchanged']++;
        addSummary(summary, written);
      }
      report(Math.min(start + batchSize, files.length));
    }
  } finally {
    await pool.close();
  }
  return summary;
}

/** For people: one line that says what happened. */
export function describeSummary(s: IngestSummary): string {
  return (
    `articles: ${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced, ${s.failed.length} failed (of ${s.files} files); ` +
    `nodes: ${s.nodesCreated} created, ${s.nodesDeleted} deleted; relationships: ${s.relationshipsCreated} created, ${s.relationshipsDeleted} deleted`
  );
}
