import net from 'node:net';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { testGraph } from '../helpers.js';

describe('the Neo4j driver', () => {
  afterEach(() => vi.restoreAllMocks());

  it("opens its Bolt sockets with Nagle's algorithm off", async () => {
    // neo4j-driver has no option for it; src/graph/driver.ts sets it (see there for what it costs).
    const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
    const graph = testGraph();
    try {
      await graph.read((tx) => tx.run('RETURN 1'));
      const boltPort = Number(new URL(inject('neo4jUri')).port);
      const toBolt = noDelay.mock.contexts.filter((socket) => (socket as net.Socket).remotePort === boltPort);
      expect(toBolt.length).toBeGreaterThan(0);
      expect(noDelay.mock.calls.filter((_, i) => toBolt.includes(noDelay.mock.contexts[i])).every(([on]) => on === true)).toBe(true);
    } finally {
      await graph.close();
    }
  });
});
