import { loadConfig } from './config.js';
import { connectGraph } from './connect.js';
import { applySchema } from './graph/migrate.js';
import { describeSummary, ingestPaths } from './ingest/ingest.js';
import { createLogger } from './log.js';
import { startServer, type RunningServer } from './server.js';

/**
 * `npm start`: Neo4j (local unless NEO4J_URI is set), schema, the seeds ingested (idempotent),
 * then GraphQL and GraphiQL. Ctrl-C stops everything this process started.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { graph, local } = await connectGraph(config, logger);

  let server: RunningServer | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await server?.close();
    await graph.close();
    await local?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await applySchema(graph);
  const summary = await ingestPaths(graph, [config.SEEDS_DIR]);
  for (const f of summary.failed) logger.warn(`not ingested: ${f.path}: ${f.reason}`);
  logger.info(`seeds: ${describeSummary(summary)}`);

  server = await startServer({ graph, logger, host: config.HOST, port: config.PORT, apiKey: config.API_KEY ?? null });
  if (!config.API_KEY) logger.info('API_KEY is not set: the ingestArticle and retractArticle mutations are refused');
  logger.info(`GraphQL and GraphiQL on ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(`reform-graph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
