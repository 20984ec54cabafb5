/**
 * One side of bench/peer.ts in a process of its own, so that neither side's allocations, GC or
 * event loop land on the other's timings, nor on the client's:
 *   tsx bench/peerServe.ts ours|peer   (the connection in PEER_BENCH_NEO4J as JSON)
 * Prints `listening <url>` once it answers, and stops on SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { Graph, type GraphConnection } from '../src/graph/driver.js';
import { graphiqlPageFile } from '../src/graphiqlPage.js';
import { createLogger } from '../src/log.js';
import { GRAPHIQL_OPTIONS, startServer } from '../src/server.js';
import { PEER_TYPE_DEFS } from './peerTypeDefs.js';

const side = process.argv[2];
const connection = JSON.parse(process.env.PEER_BENCH_NEO4J ?? '{}') as GraphConnection;

async function ours(): Promise<{ url: string; close(): Promise<void> }> {
  const graph = new Graph(connection);
  const server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
  // startServer renders the GraphiQL page in the background: done before the first request, as
  // on a service that has been up for a moment, so that it does not share the CPU with it.
  await graphiqlPageFile(GRAPHIQL_OPTIONS);
  return { url: server.url, close: async () => (await server.close(), await graph.close()) };
}

/** @neo4j/graphql with its own driver, under graphql-yoga on node:http, as its documentation serves it. */
async function peer(): Promise<{ url: string; close(): Promise<void> }> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const yoga = createYoga({ schema, logging: false, graphiql: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${yoga.graphqlEndpoint}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

if (side !== 'ours' && side !== 'peer') throw new Error(`say which side to serve: ours or peer, not ${side}`);
const served = await (side === 'ours' ? ours() : peer());
process.on('SIGTERM', () => void served.close().then(() => process.exit(0)));
console.log(`listening ${served.url}`);
