import { join } from 'node:path';
import type { Config } from './config.js';
import { Graph } from './graph/driver.js';
import type { Logger } from './log.js';
import { runningDetached, startLocalNeo4j, type RunningNeo4j } from './neo4jLocal.js';

export interface Connected {
  graph: Graph;
  /** The Neo4j this process started, to stop on exit; null when it uses someone else's. */
  local: RunningNeo4j | null;
}

/**
 * NEO4J_URI set: that server. Otherwise the local Neo4j: the one `kg db start` left running,
 * or a new one started as a child of this process (data under DATA_DIR/neo4j).
 */
export async function connectGraph(config: Config, logger: Logger): Promise<Connected> {
  let uri = config.NEO4J_URI;
  let local: RunningNeo4j | null = null;
  if (!uri) {
    const detached = runningDetached(config.DATA_DIR);
    if (detached) {
      uri = detached.uri;
      logger.info(`using the local Neo4j started by 'kg db start' (pid ${detached.pid}) at ${uri}`);
    } else {
      logger.info(`NEO4J_URI is not set: starting the local Neo4j on 127.0.0.1:${config.NEO4J_LOCAL_PORT}`);
      local = await startLocalNeo4j({
        port: config.NEO4J_LOCAL_PORT,
        dataDir: join(config.DATA_DIR, 'neo4j'),
        heap: config.NEO4J_LOCAL_HEAP,
        onLog: (line) => logger.info(line),
      });
      uri = local.uri;
      logger.info(`local Neo4j ready at ${uri} in ${local.readyMs} ms`);
    }
  }
  const graph = new Graph({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  try {
    await graph.verify();
  } catch (error) {
    await graph.close();
    await local?.stop();
    throw new Error(`cannot reach Neo4j at ${uri}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { graph, local };
}
