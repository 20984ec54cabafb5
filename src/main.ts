import { loadConfig } from './config.js';
import { connectGraph } from './connect.js';
import { applySchema } from './graph/migrate.js';
import { describeSummary, ingestPaths } from './ingest/ingest.js';
import { createLogger, type Logger } from './log.js';
import { HEADLINE_QUERY } from './schema/headline.js';
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
    await local?.release();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await applySchema(graph);
  const summary = await ingestPaths(graph, [config.SEEDS_DIR]);
  for (const f of summary.failed) logger.warn(`not ingested: ${f.path}: ${f.reason}`);
  logger.info(`seeds: ${describeSummary(summary)}`);

  server = await startServer({ graph, logger, host: config.HOST, port: config.PORT, apiKey: config.API_KEY ?? null, corsOrigins: config.CORS_ORIGINS });
  if (!config.API_KEY) logger.info('API_KEY is not set: the ingestArticle and retractArticle mutations are refused');
  logger.info(`GraphQL and GraphiQL on ${server.url}`);
  void warmUp(server.url, logger);
}

/**
 * Runs the headline query GraphiQL opens with, twice, in the background: on a cold Neo4j its
 * first run takes 1 to 3 s (JIT, plans, page cache), which the analyst's first click should not
 * pay. A failure here is only logged: the service is up either way.
 */
async function warmUp(url: string, logger: Logger): Promise<void> {
  const started = performance.now();
  try {
    for (let run = 0; run < 2; run++) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HEADLINE_QUERY }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
    logger.info(`headline query warmed up in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    logger.warn(`warming up the headline query failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`reform-graph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
