import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../bench/peerShapes.js';
import { PEER_TYPE_DEFS } from '../../bench/peerTypeDefs.js';
import { rowsRead } from '../../src/cost.js';
import { SCHEMA_FILE } from '../../src/schema/print.js';
import { LIMITS } from '../../src/server.js';

// bench/peer.ts runs for many minutes on a real Neo4j; these checks catch, without one, a schema
// change on either side that would break it at its first request.
describe('bench/peer.ts query shapes', () => {
  const ours = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s is valid against our schema.graphql, within the rows a query may read', (_name, shape) => {
    const document = parse(shape.ours);
    expect(validate(ours, document).map((e) => e.message)).toEqual([]);
    // A first version of the headline shape was valid but over the server's cost limit of then.
    expect(rowsRead(ours, document)).toBeLessThanOrEqual(LIMITS.maxRowsRead);
  });

  it("every peer shape is valid against @neo4j/graphql's schema of the bench's type definitions", async () => {
    // The schema is generated without a driver: one is needed only to execute.
    const peer = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS }).getSchema();
    for (const shape of SHAPES) expect(validate(peer, parse(shape.peer)).map((e) => `${shape.name}: ${e.message}`)).toEqual([]);
  });
});
