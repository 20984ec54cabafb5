import { join } from 'node:path';
import type { Config } from './config.js';
import { Graph } from './graph/driver.js';
import type { Logger } from './log.js';
import { acquireLocalNeo4j, type LocalLease } from './neo4jLocal.js';

export interface Connected {
  graph: Graph;
  /** The local Neo4j this process uses, to release on exit; null with NEO4J_URI. */
  local: LocalLease | null;
}

/**
 * NEO4J_URI set: that server, with NEO4J_USER / NEO4J_PASSWORD. Otherwise the local Neo4j of
 * DATA_DIR: the one already running from that folder (started by `kg db start`, `npm start` or
 * another command), or a new one in the background; with the password kept in DATA_DIR.
 */
export async function connectGraph(config: Config, logger: Logger): Promise<Connected> {
  let connection = { uri: config.NEO4J_URI ?? '', user: config.NEO4J_USER, password: config.NEO4J_PASSWORD };
  let local: LocalLease | null = null;
  if (!config.NEO4J_URI) {
    local = await acquireLocalNeo4j({
      port: config.NEO4J_LOCAL_PORT,
      dataDir: join(config.DATA_DIR, 'neo4j'),
      heap: config.NEO4J_LOCAL_HEAP,
      onLog: (line) => logger.info(line),
    });
    connection = { uri: local.uri, user: local.user, password: local.password };
    logger.info(
      local.started
        ? `NEO4J_URI is not set: started the local Neo4j (pid ${local.pid}) at ${local.uri} in ${local.started.readyMs} ms`
        : `NEO4J_URI is not set: using the local Neo4j already running from ${config.DATA_DIR} (pid ${local.pid}) at ${local.uri}`,
    );
  }
  const graph = new Graph({ ...connection, database: config.NEO4J_DATABASE });
  try {
    await graph.verify();
  } catch (error) {
    await graph.close();
    await local?.release();
    throw new Error(`cannot reach Neo4j at ${connection.uri}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { graph, local };
}
