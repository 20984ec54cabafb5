// What a start does before it listens: it plans the region lookup, and does not wait long for a
// Neo4j that does not answer. The Graph is a stand-in that only records statements (no query's
// answer is tested here; that the lookup names the right regions is cheaper.test.ts's business).
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { REGION_IDS_NAMED } from '../../src/graph/read.js';
import { createLogger } from '../../src/log.js';
import { startServer } from '../../src/server.js';

const start = (graph: Partial<Graph>) => startServer({ graph: graph as Graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });

describe('a start', () => {
  it('plans the region lookup before it listens', async () => {
    const seen: string[] = [];
    const server = await start({ readStatement: async (text: string) => (seen.push(text), []) });
    try {
      expect(seen).toEqual([REGION_IDS_NAMED]);
    } finally {
      await server.close();
    }
  });

  it('listens after about 2 s when Neo4j does not answer, and when it fails at once', async () => {
    const began = performance.now();
    const silent = await start({ readStatement: () => new Promise(() => {}) });
    const waited = performance.now() - began;
    await silent.close();
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(4_000);
    const failing = await start({ readStatement: () => Promise.reject(new Error('connection refused')) });
    expect((await fetch(failing.url.replace('/graphql', '/health'))).status).toBe(200);
    await failing.close();
  });
});
