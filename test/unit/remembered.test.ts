import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Graph } from '../../src/graph/driver.js';

// The driver connects on first use only: these reads never reach it. (Forgetting on a write is
// tested against a real Neo4j, in test/integration/cheaper.test.ts.)
const graph = new Graph({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' });

describe('Graph.readRemembered', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  afterAll(() => graph.close());

  it('reads once for every caller within the time given, then reads again', async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await graph.readRemembered('a', 5_000, read)).toBe(1);
    vi.advanceTimersByTime(4_999);
    expect(await graph.readRemembered('a', 5_000, read)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await graph.readRemembered('a', 5_000, read)).toBe(2);
    expect(reads).toBe(2);
  });

  it('shares a read in flight, and keeps answers apart by key', async () => {
    let release: (n: number) => void = () => {};
    let reads = 0;
    const slow = () => {
      reads++;
      return new Promise<number>((done) => (release = done));
    };
    const [first, second] = [graph.readRemembered('b', 5_000, slow), graph.readRemembered('b', 5_000, slow)];
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(reads).toBe(1);
    expect(await graph.readRemembered('c', 5_000, async () => 8)).toBe(8);
  });

  it('does not remember a failure', async () => {
    await expect(graph.readRemembered('d', 5_000, () => Promise.reject(new Error('Neo4j went away')))).rejects.toThrow('went away');
    expect(await graph.readRemembered('d', 5_000, async () => 'answered')).toBe('answered');
  });

  it('keeps at most REMEMBERED_MAX answers, however many keys clients send, forgetting the oldest', async () => {
    const keys = Array.from({ length: Graph.REMEMBERED_MAX + 50 }, (_, i) => `name ${i}`);
    for (const key of keys) await graph.readRemembered(key, 5_000, async () => key);
    const remembered = (graph as unknown as { remembered: Map<string, unknown> }).remembered;
    expect(remembered.size).toBeLessThanOrEqual(Graph.REMEMBERED_MAX);
    expect(remembered.has(keys.at(-1)!)).toBe(true);
    expect(remembered.has(keys[0]!)).toBe(false);
    let reads = 0;
    expect(await graph.readRemembered(keys[0]!, 5_000, async () => `${++reads}`)).toBe('1'); // forgotten: read again
  });

  it('reads a key longer than REMEMBERED_KEY_MAX every time, and keeps nothing of it', async () => {
    const key = 'x'.repeat(Graph.REMEMBERED_KEY_MAX + 1);
    let reads = 0;
    for (let i = 0; i < 2; i++) await graph.readRemembered(key, 5_000, async () => ++reads);
    expect(reads).toBe(2);
    expect((graph as unknown as { remembered: Map<string, unknown> }).remembered.has(key)).toBe(false);
  });
});
