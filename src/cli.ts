import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from './config.js';
import { connectGraph } from './connect.js';
import { extractArticle } from './extract/article.js';
import type { ExtractedArticle } from './model/index.js';
import { applySchema } from './graph/migrate.js';
import { EXTRACTOR_VERSION } from './extract/article.js';
import { retractArticles, staleArticles } from './graph/write.js';
import { DEFAULT_BATCH_SIZE, describeSummary, ingestPaths } from './ingest/ingest.js';
import { ingestProgress } from './ingest/progress.js';
import { readArticleFile, reasonFor } from './ingest/readArticle.js';
import { createLogger } from './log.js';
import { isKept, runningDetached, startDetached, stopDetached } from './neo4jLocal.js';

/** `kg`: the command-line face of reform-graph. Exit code 0 on success, 1 when anything failed. */
const program = new Command('kg').description('reform-graph: Chinese reform news as a Neo4j knowledge graph').showHelpAfterError();

const db = program.command('db').description('the local Neo4j (neo4j-local) and the schema');

db.command('start')
  .description('start the local Neo4j in the background (data under DATA_DIR/neo4j, pid file DATA_DIR/neo4j.pid)')
  .action(async () => {
    const config = loadConfig();
    const started = await startDetached({
      port: config.NEO4J_LOCAL_PORT,
      dataDir: join(config.DATA_DIR, 'neo4j'),
      parentDir: config.DATA_DIR,
      heap: config.NEO4J_LOCAL_HEAP,
      onLog: (line) => console.error(line),
    });
    console.log(`Neo4j ready at ${started.uri} (pid ${started.pid}, ready in ${started.readyMs} ms)`);
  });

db.command('stop')
  .description('stop the local Neo4j of DATA_DIR, whichever command started it')
  .action(async () => {
    const stopped = await stopDetached(loadConfig().DATA_DIR);
    console.log(stopped ? `stopped Neo4j (pid ${stopped.pid})` : 'Neo4j is not running');
  });

db.command('status')
  .description('is the local Neo4j running, and does Bolt answer?')
  .action(async () => {
    const running = runningDetached(loadConfig().DATA_DIR);
    if (!running) {
      console.log('Neo4j is not running');
      process.exitCode = 1;
      return;
    }
    console.log(`Neo4j running: pid ${running.pid}, ${running.uri}, data ${running.dataDir}, since ${running.startedAt}${isKept(running) ? '' : ' (started by a command; stops when its last user exits)'}`);
  });

db.command('migrate')
  .description('apply cypher/schema.cypher (constraints and indexes; idempotent)')
  .action(async () => {
    await withGraph(async (graph) => {
      const n = await applySchema(graph);
      console.log(`applied ${n} schema statements`);
    });
  });

program
  .command('ingest')
  .description('extract articles from files, folders or globs and write them to Neo4j (idempotent)')
  .argument('[paths...]', 'files, folders or globs (with --reextract and no paths: the stored articles of older extractor versions)')
  .option('--reextract', 're-extract and replace articles written by an older extractor version')
  .option('--batch-size <n>', 'articles per write transaction', (v) => positiveInt(v, '--batch-size'), DEFAULT_BATCH_SIZE)
  .option('--workers <n>', 'extraction processes (default: one per core, at most 4)', (v) => positiveInt(v, '--workers'))
  .action(async (paths: string[], options: { reextract?: boolean; batchSize: number; workers?: number }) => {
    await withGraph(async (graph) => {
      await applySchema(graph);
      if (paths.length === 0) {
        if (!options.reextract) throw new Error('nothing to ingest: give files, folders or globs (or --reextract)');
        const stale = await staleArticles(graph, EXTRACTOR_VERSION);
        paths = stale.map((a) => a.source).filter((s): s is string => s !== null);
        console.error(`${stale.length} articles written by another extractor version; re-extracting ${paths.length} from their files`);
      }
      const progress = ingestProgress(process.stderr);
      const summary = await ingestPaths(graph, paths, { ...options, onProgress: progress.update });
      progress.stop();
      for (const f of summary.failed) console.log(`failed: ${f.path}: ${f.reason}`);
      console.log(describeSummary(summary));
      if (summary.failed.length > 0) process.exitCode = 1;
    });
  });

program
  .command('retract')
  .description('remove articles and exactly the facts and entities only they supported')
  .argument('<articleIds...>', 'article ids (article:…), as `kg extract` prints them')
  .action(async (ids: string[]) => {
    await withGraph(async (graph) => {
      const result = await retractArticles(graph, ids);
      const missing = ids.filter((id) => !result.found.includes(id));
      for (const id of missing) console.log(`not found: ${id}`);
      console.log(`retracted ${result.found.length} articles: ${result.nodesDeleted} nodes and ${result.relationshipsDeleted} relationships deleted`);
      if (missing.length > 0) process.exitCode = 1;
    });
  });

program
  .command('extract')
  .description('print what the extractor finds in articles (no database)')
  .argument('<files...>', 'article files')
  .addOption(new Option('--format <format>', 'json: one object a line (the public contract); table: for people').choices(['json', 'table']).default('json'))
  .action(async (files: string[], options: { format: 'json' | 'table' }) => {
    for (const file of files) {
      try {
        const extracted = extractArticle(await readArticleFile(file), { source: file });
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(extracted)}\n` : table(extracted));
      } catch (error) {
        console.error(`${file}: ${reasonFor(error, file)}`);
        process.exitCode = 1;
      }
    }
  });

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1, not "${value}"`);
  return n;
}

async function withGraph(work: (graph: Awaited<ReturnType<typeof connectGraph>>['graph']) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const { graph, local } = await connectGraph(config, createLogger(config.LOG_LEVEL));
  // Ctrl-C would end the process without its exit handlers: release the local Neo4j first.
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`kg: ${signal}: stopping`);
    void Promise.allSettled([graph.close(), local?.release()]).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await work(graph);
  } finally {
    process.removeListener('SIGINT', interrupted).removeListener('SIGTERM', interrupted);
    await graph.close();
    await local?.release();
  }
}

/** A summary for people: each entity with what places it, then the outcomes. */
function table(a: ExtractedArticle): string {
  const lines = [`== ${a.article.title ?? '(untitled)'}  [${a.article.id}]  ${a.article.date ?? ''}  ${a.article.source ?? ''}`];
  for (const e of a.entities) {
    const attr = e.attributes as Record<string, unknown>;
    const detail =
      e.type === 'Region'
        ? `${attr.level} ${attr.code ?? '(no code)'} in ${attr.parent ?? '-'}`
        : Object.entries(attr)
            .filter(([k, v]) => v !== null && !k.endsWith('Id') && !(Array.isArray(v) && v.length === 0))
            .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`)
            .join(' ');
    const aliases = e.aliases.length > 0 ? `  (also ${e.aliases.join(', ')})` : '';
    lines.push(`  ${e.type.padEnd(10)} ${e.name}  ${detail}${aliases}`);
  }
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  for (const o of a.outcomes) {
    const change = o.change ? ` change ${o.change.value}${o.change.unit}${o.change.percent !== null ? ` (${o.change.percent}%)` : ''}` : '';
    const where = [o.region && names.get(o.region), o.program && names.get(o.program)].filter(Boolean).join(', ');
    const target = o.status === 'TARGET' ? ' (target)' : '';
    lines.push(`  Outcome    ${o.indicator.padEnd(18)} ${o.subject}: ${o.before?.text ?? '?'} → ${o.after?.text ?? '?'}${change}${target}${where ? `  [${where}]` : ''}`);
  }
  lines.push(`  ${a.relations.length} relations with evidence`);
  return `${lines.join('\n')}\n`;
}

program.parseAsync().catch((error: unknown) => {
  console.error(`kg: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
