/**
 * The headline traversal over HTTP against the same answer from one hand-written Cypher query
 * through neo4j-driver, same Neo4j, same data, interleaved in one run:
 *   npx tsx bench/query.ts [rounds=200] [corpus=500]
 * Starts its own Neo4j (neo4j-local, temporary folder), ingests the seeds plus a generated
 * corpus, serves the API, then times each side `rounds` times and prints p50, p99 and the
 * ratio of the p50s. Goal (API issue): GraphQL p50 ≤ 1.3 × raw Cypher p50.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graph } from '../src/graph/driver.js';
import { applySchema } from '../src/graph/migrate.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { createLogger } from '../src/log.js';
import { freePort, startLocalNeo4j } from '../src/neo4jLocal.js';
import { HEADLINE_QUERY } from '../src/schema/headline.js';
import { startServer } from '../src/server.js';
import { writeCorpus } from './corpus.js';

const rounds = Number(process.argv[2] ?? 200);
const corpusSize = Number(process.argv[3] ?? 500);

/**
 * The headline's answer in one statement, as someone fluent in Cypher would write it: the same
 * programs, regions with parents and evidence, agencies, outcomes with indicator, region and
 * evidence with article titles and dates.
 */
const HEADLINE_CYPHER = `
MATCH (root:Region) WHERE root.name = $within
MATCH (p:Program)
WHERE EXISTS { MATCH (p)-[:IMPLEMENTED_IN]->(place:Region)-[:PART_OF*0..]->(root) WHERE place.level IN $levels }
  AND EXISTS { MATCH (p)-[:ACHIEVED]->(:Outcome)-[:MEASURES]->(:Indicator {name: $indicator}) }
WITH p ORDER BY p.name, p.id LIMIT 20
RETURN p.id AS id, p.name AS name, p.kind AS kind,
  COLLECT { MATCH (p)-[r:IMPLEMENTED_IN]->(g:Region) OPTIONAL MATCH (g)-[:PART_OF]->(up:Region)
            RETURN {name: g.name, level: g.level, parent: up.name, evidence: r.sentences} } AS regions,
  COLLECT { MATCH (p)-[:RUN_BY]->(a:Agency) RETURN a.name } AS agencies,
  COLLECT { MATCH (p)-[:ACHIEVED]->(o:Outcome)-[:MEASURES]->(i:Indicator) OPTIONAL MATCH (o)-[:IN_REGION]->(og:Region)
            RETURN {subject: o.subject, indicator: i.name, before: o.beforeText, after: o.afterText, change: o.changeText,
                    region: og.name, evidence: [k IN range(0, size(o.articles) - 1) |
                      {sentence: o.sentences[k], article: COLLECT { MATCH (art:Article {id: o.articles[k]}) RETURN {title: art.title, date: art.date} }[0]}]} } AS outcomes`;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const work = mkdtempSync(join(tmpdir(), 'rg-bench-query-'));
const corpus = join(work, 'corpus');
writeCorpus(corpus, corpusSize, 11);

const neo4j = await startLocalNeo4j({ port: await freePort(), dataDir: join(work, 'neo4j'), heap: '1g' });
const graph = new Graph({ uri: neo4j.uri, user: 'neo4j', password: 'unused' });
const server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
try {
  await applySchema(graph);
  await ingestPaths(graph, ['seeds', corpus]);
  const params = { within: '河北省', levels: ['DISTRICT', 'COUNTY', 'ZONE'], indicator: 'APPROVAL_TIME' };
  const viaGraphQL = async () => {
    const r = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HEADLINE_QUERY }) });
    const body = (await r.json()) as { data?: { programs: { edges: unknown[] } }; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.programs.edges.length;
  };
  const viaCypher = async () => graph.read(async (tx) => (await tx.run(HEADLINE_CYPHER, params)).records.length);

  const [a, b] = [await viaGraphQL(), await viaCypher()];
  if (a !== b) throw new Error(`the two sides disagree: GraphQL ${a} programs, Cypher ${b}`);
  for (let i = 0; i < 20; i++) await Promise.all([viaGraphQL(), viaCypher()]); // warm both up

  const gql: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await viaGraphQL();
    gql.push(performance.now() - t);
    t = performance.now();
    await viaCypher();
    raw.push(performance.now() - t);
  }
  console.log(`headline over ${a} programs (seeds + ${corpusSize} generated articles), ${rounds} rounds each`);
  console.log(`GraphQL over HTTP: p50 ${percentile(gql, 50).toFixed(1)} ms, p99 ${percentile(gql, 99).toFixed(1)} ms`);
  console.log(`raw Cypher:        p50 ${percentile(raw, 50).toFixed(1)} ms, p99 ${percentile(raw, 99).toFixed(1)} ms`);
  console.log(`ratio p50 GraphQL / Cypher: ${(percentile(gql, 50) / percentile(raw, 50)).toFixed(2)} (goal ≤ 1.3)`);
} finally {
  await server.close();
  await graph.close();
  await neo4j.stop();
  rmSync(work, { recursive: true, force: true });
}
