import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graph } from '../src/graph/driver.js';
import { applySchema } from '../src/graph/migrate.js';
import { ingestPaths, type IngestSummary } from '../src/ingest/ingest.js';
import { createLogger } from '../src/log.js';
import { freePort, startLocalNeo4j, type RunningNeo4j } from '../src/neo4jLocal.js';
import { startServer, type RunningServer } from '../src/server.js';
import { writeCorpus } from './corpus.js';

/** A bench's own Neo4j with the seeds and a generated corpus ingested, and its Graph. */
export interface BenchGraph {
  neo4j: RunningNeo4j;
  graph: Graph;
  /** What the seeds and the generated corpus gave. */
  ingested: IngestSummary;
  stop(): Promise<void>;
}

export interface BenchService extends BenchGraph {
  server: RunningServer;
}

/**
 * Its own Neo4j in a temporary folder, with the seeds plus `corpusSize` generated articles
 * ingested (bench/corpus.ts, fixed seed): for benches that serve the graph themselves.
 */
export async function startBenchGraph(name: string, corpusSize: number): Promise<BenchGraph> {
  const work = mkdtempSync(join(tmpdir(), `rg-bench-${name}-`));
  const corpus = join(work, 'corpus');
  writeCorpus(corpus, corpusSize, 11);
  const neo4j = await startLocalNeo4j({ port: await freePort(), dataDir: join(work, 'neo4j'), heap: '1g' });
  const graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const stop = async () => {
    await graph.close();
    await neo4j.stop();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await applySchema(graph);
    const ingested = await ingestPaths(graph, ['seeds', corpus]);
    return { neo4j, graph, ingested, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The service as the query benches measure it: a bench graph, served on a free loopback port, quiet logs. */
export async function startBenchService(name: string, corpusSize: number): Promise<BenchService> {
  const benchGraph = await startBenchGraph(name, corpusSize);
  try {
    const server = await startServer({ graph: benchGraph.graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
    return {
      ...benchGraph,
      server,
      stop: async () => {
        await server.close();
        await benchGraph.stop();
      },
    };
  } catch (error) {
    await benchGraph.stop();
    throw error;
  }
}
