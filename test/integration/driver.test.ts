import net from 'node:net';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { testGraph } from '../helpers.js';

describe('the Neo4j driver', () => {
  afterEach(() => vi.restoreAllMocks());

  it("opens its Bolt sockets with Nagle's algorithm off", async () => {
    // neo4j-driver 6 sets it on every socket it opens (configureSocket in neo4j-driver-bolt-connection's
    // node-channel.js); 5.28 did not, and a statement over 1,400 bytes then waited ~40 ms for a
    // delayed ACK (docs/PERFORMANCE.md). This guards against an upgrade that drops it again.
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
