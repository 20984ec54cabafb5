import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ExtractedArticle } from '../model/index.js';
import type { Graph } from '../graph/driver.js';
import { addSummary, emptySummary, writeBatch, type WriteSummary } from '../graph/write.js';
import { ExtractPool } from './pool.js';

export interface IngestFailure {
  path: string;
  reason: string;
}

/** Why an ingest stopped before the end: the batch Neo4j would not store, and what was left. */
export interface IngestStop {
  /** Neo4j's error. */
  reason: string;
  /** The files of the batch that was not stored. */
  batch: string[];
  /** Files after that batch, not attempted. */
  notAttempted: number;
  /** What to do about it, for people. */
  advice: string;
}

export interface IngestSummary extends WriteSummary {
  files: number;
  new: number;
  unchanged: number;
  replaced: number;
  failed: IngestFailure[];
  /** Set when a batch could not be written and the ingest stopped there. */
  stopped?: IngestStop;
}

/** Neo4j's ways of saying its disk is full (the transaction log cannot grow, or the store). */
const DISK_FULL = /Could not append transaction|No space left on device|critical error, and needs to be restarted|database is not healthy|kernel panic/iu;

function stopAdvice(reason: string): string {
  const again = 'then run the same command again: articles already stored are skipped as unchanged';
  return DISK_FULL.test(reason)
    ? `Neo4j could not write, most likely because its disk is full: free space on the volume that holds Neo4j's data (for the local Neo4j, DATA_DIR/neo4j), restart Neo4j (kg db stop, or stop npm start), ${again}`
    : `check that Neo4j is up and healthy (kg db status, its log), ${again}`;
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

/**
 * Does one path segment match one glob segment (`*`, `?`, `[abc]`, `[a-z]`, `[!abc]`)? The
 * two-pointer walk with one backtrack point: time linear in pattern × name at worst, where a
 * regular expression made of several `*` backtracks exponentially on a name that fails.
 */
function segmentMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    const step = c === undefined ? 0 : c === '?' ? 1 : c === '[' ? classMatch(pattern, p, name[n]!) : c === name[n] ? 1 : 0;
    if (step > 0) {
      p += step;
      n++;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * `[...]` at `at` against one character: the length of the class when it matches, else 0. A `[`
 * with no `]` is a plain character.
 */
function classMatch(pattern: string, at: number, char: string): number {
  const close = pattern.indexOf(']', at + 2);
  if (close < 0) return char === '[' ? 1 : 0;
  const negated = pattern[at + 1] === '!' || pattern[at + 1] === '^';
  const body = pattern.slice(negated ? at + 2 : at + 1, close);
  let found = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (char >= body[i]! && char <= body[i + 2]!) found = true;
      i += 2;
    } else if (body[i] === char) found = true;
  }
  return found !== negated ? close - at + 1 : 0;
}

/** A glob (`corpus/**\/*.txt`) against a path, both as `/`-separated segments; `**` is any number of folders. */
function globMatches(pattern: readonly string[], path: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const from = (i: number, j: number): boolean => {
    const key = i * (path.length + 1) + j;
    let result = memo.get(key);
    if (result !== undefined) return result;
    if (i === pattern.length) result = j === path.length;
    else if (pattern[i] === '**') result = from(i + 1, j) || (j < path.length && from(i, j + 1));
    else result = j < path.length && segmentMatches(pattern[i]!, path[j]!) && from(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return from(0, 0);
}

interface Walked {
  files: string[];
  failed: IngestFailure[];
}

/**
 * The files under a folder (down to `depth` folders below it), in name order, dot-files skipped. Symbolic links are followed, to
 * files and to folders; a link back to a folder being walked (a loop) is reported, not followed,
 * and a folder reached twice by different links is walked once.
 */
async function walk(dir: string, depth = Infinity, seen = new Set<string>(), ancestors: string[] = []): Promise<Walked> {
  const out: Walked = { files: [], failed: [] };
  const real = await realpath(dir);
  if (ancestors.includes(real)) {
    out.failed.push({ path: dir, reason: `symbolic link loop: leads back to ${real}, a folder it is in; not followed` });
    return out;
  }
  if (seen.has(real)) return out;
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    let kind: 'file' | 'dir' | 'other' = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
    if (e.isSymbolicLink()) {
      try {
        const target = await stat(path);
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        out.failed.push({ path, reason: code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'broken symbolic link: its target does not exist' : describe(error) });
        continue;
      }
    }
    if (kind === 'dir' && depth > 0) {
      const below = await walk(path, depth - 1, seen, [...ancestors, real]);
      out.files.push(...below.files);
      out.failed.push(...below.failed);
    } else if (kind === 'file') out.files.push(path);
  }
  return out;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Files under the given paths: files as given, folders walked recursively (dot-files skipped,
 * symbolic links followed), globs (`*`, `**`, `?`, `[…]`) matched below their fixed part, for
 * shells that do not expand them. A path that exists is taken as it is, even with glob
 * characters in its name (年报[2023].txt); only a path that does not exist is a pattern. A path
 * that cannot be listed, or a glob that matches nothing, is a failure, not an exception, so the
 * others go on.
 */
export async function listArticleFiles(paths: readonly string[]): Promise<{ files: string[]; failed: IngestFailure[] }> {
  const files: string[] = [];
  const failed: IngestFailure[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && GLOB_CHARS.test(path)) return null; // a pattern, then
        throw error;
      });
      if (info === null) {
        const parts = path.split('/');
        const fixed = parts.slice(0, parts.findIndex((p) => GLOB_CHARS.test(p))).join('/') || '.';
        const pattern = relative(fixed, path).split(sep).join('/').split('/');
        // Without `**`, files lie at the pattern's depth: no need to walk below it.
        const walked = await walk(fixed, pattern.includes('**') ? Infinity : pattern.length - 1);
        const matched = walked.files.filter((f) => globMatches(pattern, relative(fixed, f).split(sep)));
        if (matched.length === 0) failed.push({ path, reason: 'no file matches this pattern (and no file has this name)' });
        files.push(...matched);
        failed.push(...walked.failed);
      } else if (info.isDirectory()) {
        const walked = await walk(path);
        files.push(...walked.files);
        failed.push(...walked.failed);
      } else if (info.isFile()) files.push(path);
      else failed.push({ path, reason: 'not a file or folder' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failed.push({ path, reason: code === 'ELOOP' ? 'symbolic link loop' : describe(error) });
    }
  }
  return { files: [...new Set(files)], failed };
}

/**
 * Reads and extracts files in child processes (ExtractPool), and writes them in batches (one transaction each,
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
        let written: Awaited<ReturnType<typeof writeBatch>>;
        try {
          written = await writeBatch(graph, articles, { reextract: options.reextract });
        } catch (error) {
          // One transaction per batch: none of this batch is stored, every earlier one is. The
          // next batches would meet the same database: stop, and say where and what to do.
          const reason = error instanceof Error ? error.message : String(error);
          const batch = extracted.filter((e) => e.result.ok).map((e) => e.path);
          summary.stopped = { reason, batch, notAttempted: Math.max(0, files.length - (start + batchSize)), advice: stopAdvice(reason) };
          for (const path of batch) summary.failed.push({ path, reason: `not stored: Neo4j refused its batch (${reason.split('\n')[0]!.slice(0, 200)})` });
          pending.catch(() => {}); // the next batch's extraction, no longer wanted
          report(Math.min(start + batchSize, files.length));
          break;
        }
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
  const line =
    `articles: ${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced, ${s.failed.length} failed (of ${s.files} files); ` +
    `nodes: ${s.nodesCreated} created, ${s.nodesDeleted} deleted; relationships: ${s.relationshipsCreated} created, ${s.relationshipsDeleted} deleted`;
  if (!s.stopped) return line;
  return (
    `${line}\nstopped: Neo4j refused a batch of ${s.stopped.batch.length} articles (${s.stopped.batch[0] ?? ''}${s.stopped.batch.length > 1 ? ' …' : ''}); ` +
    `${s.stopped.notAttempted} files after it were not attempted; what is counted above is stored.\n` +
    `Neo4j said: ${s.stopped.reason.split('\n')[0]!.slice(0, 300)}\nwhat to do: ${s.stopped.advice}`
  );
}
