/**
 * Ingest throughput against a raw UNWIND load of the same rows, same Neo4j, same run:
 *   npx tsx bench/ingest.ts [articles=2000] [batch=50]
 * Starts its own Neo4j (neo4j-local, temporary folder), generates the corpus (bench/corpus.ts),
 * then, each on an empty graph:
 *   1. end to end: `ingestPaths` (read, extract in child processes, write), articles per second;
 *   2. ours, writes only: `writeBatch` over the precomputed extraction (provenance, identity,
 *      new/unchanged/replaced checks, sorted support lists);
 *   3. baseline: the same precomputed rows through plain UNWIND … MERGE … SET statements with
 *      none of that bookkeeping.
 * Prints articles/s for each and the ratio 2 / 3. Goal (ingest issue): ratio ≤ 1.5.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/article.js';
import type { ExtractedArticle } from '../src/model/index.js';
import { Graph } from '../src/graph/driver.js';
import { applySchema } from '../src/graph/migrate.js';
import { FACT_TYPES } from '../src/graph/relations.js';
import { ATTRIBUTED_LABELS, batchRows, writeBatch } from '../src/graph/write.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { freePort, startLocalNeo4j } from '../src/neo4jLocal.js';
import { writeCorpus } from './corpus.js';

const count = Number(process.argv[2] ?? 2000);
const batch = Number(process.argv[3] ?? 50);

// The baseline: the same rows making the same nodes and relationships, written with the plainest
// statements that store them: MERGE and SET, with none of the bookkeeping (known articles, sorted
// provenance lists, alias unions, first-writer attributes).
const RAW = {
  regions: `UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n:Entity, n.name = row.name, n.level = row.level, n.code = row.code, n.aliases = row.aliases`,
  links: `UNWIND $rows AS row MATCH (c:Region {id: row.child}) MATCH (p:Region {id: row.parent}) MERGE (c)-[:PART_OF]->(p)`,
  entities: Object.fromEntries(
    ATTRIBUTED_LABELS.map((l) => [l, `UNWIND $rows AS row MERGE (n:${l} {id: row.id}) SET n:Entity, n += row.props, n.name = row.name, n.aliases = row.aliases`]),
  ),
  articles: `UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n += row`,
  mentions: `UNWIND $rows AS row MATCH (a:Article {id: row.article}) MATCH (n:Entity {id: row.id}) MERGE (a)-[m:MENTIONS]->(n) SET m.sentences = row.sentences`,
  outcomes: `UNWIND $rows AS row MERGE (o:Outcome {id: row.id}) SET o += row.props, o.articles = row.articles, o.sentences = row.sentences
    MERGE (i:Indicator {id: 'indicator:' + row.props.indicator}) MERGE (o)-[:MEASURES]->(i)
    WITH o, row MATCH (r:Region {id: row.region}) MERGE (o)-[:IN_REGION]->(r)`,
  outcomeMentions: `UNWIND $rows AS row MATCH (a:Article {id: row.article}) MATCH (o:Outcome {id: row.id}) MERGE (a)-[:MENTIONS]->(o)`,
  facts: Object.fromEntries(
    FACT_TYPES.map((t) => [
      t,
      `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:${t === 'ACHIEVED' ? 'Outcome' : 'Entity'} {id: row.to})
       MERGE (a)-[r:${t}${t === 'HOLDS' ? ' {title: row.title}' : ''}]->(b) SET r.articles = row.articles, r.sentences = row.sentences`,
    ]),
  ),
};

async function rawLoad(graph: Graph, articles: ExtractedArticle[]): Promise<void> {
  for (let i = 0; i < articles.length; i += batch) {
    const slice = articles.slice(i, i + batch);
    const rows = batchRows(slice);
    await graph.write(async (tx) => {
      await tx.run(RAW.regions, { rows: rows.regions });
      await tx.run(RAW.links, { rows: rows.links });
      for (const [label, cypher] of Object.entries(RAW.entities)) await tx.run(cypher, { rows: rows.entities[label as keyof typeof rows.entities] });
      await tx.run(RAW.articles, { rows: slice.map((a) => a.article) });
      await tx.run(RAW.mentions, { rows: rows.mentions });
      await tx.run(RAW.outcomes, { rows: rows.outcomes });
      await tx.run(RAW.outcomeMentions, { rows: rows.outcomeMentions });
      for (const [type, cypher] of Object.entries(RAW.facts)) await tx.run(cypher, { rows: rows.facts[type as keyof typeof rows.facts] });
    });
  }
}

async function empty(graph: Graph): Promise<void> {
  // In slices: one transaction deleting a 10,000-article graph would need a large heap.
  for (;;) {
    const deleted = await graph.write(async (tx) => (await tx.run('MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n')).records[0]!.get('n') as number);
    if (deleted === 0) break;
  }
  await applySchema(graph);
}

const work = mkdtempSync(join(tmpdir(), 'rg-bench-ingest-'));
const corpus = join(work, 'corpus');
writeCorpus(corpus, count, 1);
const files = readdirSync(corpus).sort().map((f) => join(corpus, f));
const megabytes = files.reduce((n, f) => n + readFileSync(f).length, 0) / 1e6;
console.log(`corpus: ${count} articles, ${megabytes.toFixed(1)} MB, batches of ${batch}`);

const neo4j = await startLocalNeo4j({ port: await freePort(), dataDir: join(work, 'neo4j'), heap: '2g' });
const graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
try {
  await empty(graph);
  let t0 = performance.now();
  const summary = await ingestPaths(graph, [corpus], { batchSize: batch });
  const endToEnd = (performance.now() - t0) / 1000;
  const stats = await graph.read(async (tx) => (await tx.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels')).records[0]!.toObject());
  console.log(`end to end (kg ingest): ${summary.new} new, ${summary.failed.length} failed in ${endToEnd.toFixed(1)} s = ${(count / endToEnd).toFixed(0)} articles/s; graph: ${stats.nodes} nodes, ${stats.rels} relationships`);

  const extracted = files.flatMap((f) => {
    try {
      return [extractArticle(readFileSync(f), { source: f })];
    } catch {
      return [];
    }
  });

  await empty(graph);
  t0 = performance.now();
  for (let i = 0; i < extracted.length; i += batch) await writeBatch(graph, extracted.slice(i, i + batch));
  const ours = (performance.now() - t0) / 1000;

  await empty(graph);
  t0 = performance.now();
  await rawLoad(graph, extracted);
  const raw = (performance.now() - t0) / 1000;

  console.log(`writes only, ours:        ${ours.toFixed(1)} s = ${(extracted.length / ours).toFixed(0)} articles/s`);
  console.log(`writes only, raw UNWIND:  ${raw.toFixed(1)} s = ${(extracted.length / raw).toFixed(0)} articles/s`);
  console.log(`ratio ours / raw: ${(ours / raw).toFixed(2)} (goal ≤ 1.5)`);
} finally {
  await graph.close();
  await neo4j.stop();
  rmSync(work, { recursive: true, force: true });
}
