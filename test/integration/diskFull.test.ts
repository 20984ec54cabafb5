import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/driver.js';
import { applySchema } from '../../src/graph/migrate.js';
import { describeSummary, ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { freePort, startLocalNeo4j, type RunningNeo4j } from '../../src/neo4jLocal.js';
import { startServer } from '../../src/server.js';
import { writeCorpus } from '../helpers.js';

/** Fills a filesystem to the last byte: writes until the kernel says there is no space. */
function fill(dir: string): number {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(1024 * 1024, 1);
  let written = 0;
  try {
    for (;;) {
      const n = writeSync(fd, written % (1024 * 1024) === 0 ? block : block.subarray(0, 4096));
      written += n;
      if (n === 0) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    // The last megabyte can still hold a few pages: fill those too.
    try {
      for (;;) written += writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      // full
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/**
 * A real Neo4j on a small tmpfs (mounted here: needs root, or CAP_SYS_ADMIN), whose disk fills
 * in the middle of an ingest. Without the right to mount, the test says so and is skipped.
 */
describe('a Neo4j whose disk fills up', () => {
  const base = mkdtempSync(join(tmpdir(), 'rg-disk-full-'));
  const mountPoint = join(base, 'small');
  let mounted = false;
  let neo4j: RunningNeo4j | null = null;
  let graph: Graph | null = null;

  beforeAll(async () => {
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mountPoint], { stdio: 'pipe' });
      mounted = true;
    } catch (error) {
      console.warn(`disk-full test skipped: cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`);
      return;
    }
    neo4j = await startLocalNeo4j({ port: await freePort(), dataDir: join(mountPoint, 'neo4j'), heap: '512m' });
    graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    await applySchema(graph);
  });

  afterAll(async () => {
    await graph?.close();
    await neo4j?.stop();
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
    rmSync(base, { recursive: true, force: true });
  });

  it('stops the ingest at the batch Neo4j refuses, says what was stored and what to do, and /ready answers 503', async (ctx) => {
    if (!mounted) ctx.skip();
    const corpus = writeCorpus(join(base, 'corpus'), 60, 11);
    const server = await startServer({ graph: graph!, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
    const ready = () => fetch(server.url.replace('/graphql', '/ready'));
    try {
      expect((await ready()).status).toBe(200);
      let filled = 0;
      const summary = await ingestPaths(graph!, [corpus], {
        batchSize: 10,
        workers: 1,
        // After the first batch is stored, the disk fills (another process's logs, a backup…).
        onProgress: ({ done }) => {
          if (done === 10 && filled === 0) filled = fill(mountPoint);
        },
      });
      expect(filled).toBeGreaterThan(0);
      const text = describeSummary(summary);
      expect(summary.stopped, text).toBeDefined();
      const stored = summary.new + summary.unchanged + summary.replaced;
      expect(stored).toBeGreaterThanOrEqual(10);
      expect(summary.stopped!.batch.length).toBe(10);
      expect(summary.failed.map((f) => f.path)).toEqual(summary.stopped!.batch);
      expect(summary.stopped!.notAttempted).toBe(60 - stored - 10);
      // What the summary calls stored is in the graph.
      const inGraph = await graph!.read((tx) => tx.run('MATCH (a:Article) RETURN count(a) AS n', {})).catch(() => null);
      if (inGraph) expect(inGraph.records[0]!.get('n')).toBe(stored);
      expect(text).toMatch(/stopped: Neo4j refused a batch of \d+ articles/u);
      expect(text).toMatch(/disk is full: free space on the volume/u);
      expect(text).toMatch(/run the same command again/u);

      // Neo4j still takes connections (a handshake alone would say ready), but cannot serve.
      await expect(graph!.verify()).resolves.toBeUndefined();
      const answer = await ready();
      expect(answer.status).toBe(503);
      const why = ((await answer.json()) as { reason: string }).reason;
      expect(why.length).toBeGreaterThan(0);
      expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 300_000);
});
