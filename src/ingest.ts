import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extractArticle } from './extract/article.js';
import type { ExtractedArticle } from './extract/types.js';
import type { Graph } from './graph/driver.js';
import { writeArticles } from './graph/write.js';

export interface IngestFailure {
  path: string;
  reason: string;
}

export interface IngestSummary {
  files: number;
  written: number;
  failed: IngestFailure[];
  nodesCreated: number;
  relationshipsCreated: number;
}

const BATCH_SIZE = 50;

/**
 * Files under the given paths: files as given, folders walked recursively (dot-files skipped).
 * A path that cannot be listed is returned as a failure, not thrown, so the others go on.
 */
export async function listArticleFiles(paths: readonly string[]): Promise<{ files: string[]; failed: IngestFailure[] }> {
  const files: string[] = [];
  const failed: IngestFailure[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
        entries.sort((a, b) => a.name.localeCompare(b.name));
        const inner = await listArticleFiles(entries.map((e) => join(path, e.name)));
        files.push(...inner.files);
        failed.push(...inner.failed);
      } else if (info.isFile()) {
        files.push(path);
      }
    } catch (error) {
      failed.push({ path, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files, failed };
}

/**
 * Reads, extracts and writes articles in batches. A file that cannot be read or extracted is
 * reported with its reason and the others go on.
 */
export async function ingestPaths(
  graph: Graph,
  paths: readonly string[],
  onProgress: (event: { done: number; total: number; path: string; error?: string }) => void = () => {},
): Promise<IngestSummary> {
  const { files, failed } = await listArticleFiles(paths);
  const summary: IngestSummary = { files: files.length, written: 0, failed, nodesCreated: 0, relationshipsCreated: 0 };
  let batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const written = await writeArticles(graph, batch);
    summary.written += batch.length;
    summary.nodesCreated += written.nodesCreated;
    summary.relationshipsCreated += written.relationshipsCreated;
    batch = [];
  };
  for (const [i, path] of files.entries()) {
    try {
      batch.push(extractArticle(await readFile(path), { source: path }));
      onProgress({ done: i + 1, total: files.length, path });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      summary.failed.push({ path, reason });
      onProgress({ done: i + 1, total: files.length, path, error: reason });
    }
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  return summary;
}
