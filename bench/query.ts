/**
 * The headline traversal over HTTP against the same answer from one hand-written Cypher query
 * through neo4j-driver, same Neo4j, same data, interleaved in one run:
 *   npx tsx bench/query.ts [rounds=200] [corpus=500]
 * Starts its own Neo4j (neo4j-local, temporary folder), ingests the seeds plus a generated
 * corpus, serves the API, then times the API (over node:http, and over fetch) and the statement
 * `rounds` times each and prints p50, p99 and the ratios of the p50s.
 * Goal (API issue): GraphQL p50 ≤ 1.3 × raw Cypher p50.
 */
import http from 'node:http';
import { join } from 'node:path';
import { HEADLINE_QUERY } from '../src/schema/headline.js';
import { startBenchService } from './service.js';

const rounds = Number(process.argv[2] ?? 200);
const corpusSize = Number(process.argv[3] ?? 500);
const WARM_UP = 100;

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

/**
 * A POST over node:http with a keep-alive agent: the client a service would use to call another.
 * undici's fetch costs about a millisecond more per call on this machine (client side), so the
 * bench reports it too, as a second GraphQL line.
 */
const agent = new http.Agent({ keepAlive: true });
function postWithNodeHttp(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const { graph, server, stop } = await startBenchService('query', corpusSize);
try {
  // Resample the indexes the ingest changed and empty the plan cache, so both sides are planned
  // on the statistics of the data they read: planned mid-ingest, the hand-written statement
  // sometimes kept a plan that took Neo4j 200 ms a run instead of 5.
  await graph.runAutoCommit('CALL db.prepareForReplanning()');
  const params = { within: '河北省', levels: ['DISTRICT', 'COUNTY', 'ZONE'], indicator: 'APPROVAL_TIME' };
  const body = JSON.stringify({ query: HEADLINE_QUERY });
  /** What both sides must agree on: each program's name with its numbers of regions and outcomes. */
  const digest = (programs: Array<{ name: string; regions: number; outcomes: number }>) => programs.map((p) => `${p.name}:${p.regions}:${p.outcomes}`).sort().join(' ');
  const answered = (text: string) => {
    const parsed = JSON.parse(text) as { data?: { programs: { edges: Array<{ node: { name: string; regions: { edges: unknown[] }; outcomes: { edges: unknown[] } } }> } }; errors?: unknown };
    if (parsed.errors || !parsed.data) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data.programs.edges.map(({ node }) => ({ name: node.name, regions: node.regions.edges.length, outcomes: node.outcomes.edges.length }));
  };
  const viaGraphQL = async () => answered(await postWithNodeHttp(server.url, body));
  const viaGraphQLFetch = async () => answered(await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text());
  const neo4jMs: number[] = [];
  const viaCypher = async () =>
    graph.read(async (tx) => {
      const result = await tx.run(HEADLINE_CYPHER, params);
      neo4jMs.push(Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter)); // numbers at run time (disableLosslessIntegers)
      return result.records.map((r) => ({ name: r.get('name') as string, regions: (r.get('regions') as unknown[]).length, outcomes: (r.get('outcomes') as unknown[]).length }));
    });

  const programs = await viaGraphQL();
  const [a, b] = [digest(programs), digest(await viaCypher())];
  if (a !== b) throw new Error(`the two sides disagree:\n GraphQL ${a}\n Cypher  ${b}`);
  const sides = { graphql: viaGraphQL, graphqlFetch: viaGraphQLFetch, raw: viaCypher };
  // Warm all up: Neo4j's JIT settles after some dozens of runs of a statement.
  for (let i = 0; i < WARM_UP; i++) for (const side of Object.values(sides)) await side();
  neo4jMs.length = 0;
  // The first request of the query's shape was answered through the loaders; now it is one statement.
  if (digest(await viaGraphQL()) !== b) throw new Error('the API answers differently once its statement is planned');

  const times: Record<keyof typeof sides, number[]> = { graphql: [], graphqlFetch: [], raw: [] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, side] of Object.entries(sides) as Array<[keyof typeof sides, () => Promise<unknown>]>) {
      const t = performance.now();
      await side();
      times[name].push(performance.now() - t);
    }
  }
  const line = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms`;
  const ratio = (xs: number[]) => (percentile(xs, 50) / percentile(times.raw, 50)).toFixed(2);
  console.log(`headline over ${programs.length} programs (seeds + ${corpusSize} generated articles), ${rounds} rounds each`);
  console.log(`GraphQL over HTTP (node:http):   ${line(times.graphql)}`);
  console.log(`GraphQL over HTTP (fetch):       ${line(times.graphqlFetch)}`);
  console.log(`raw Cypher (one statement):      ${line(times.raw)}; Neo4j's own time p50 ${percentile(neo4jMs, 50)} ms`);
  console.log(`ratio p50 GraphQL / Cypher: ${ratio(times.graphql)} (goal ≤ 1.3); with fetch as the client: ${ratio(times.graphqlFetch)}`);
} finally {
  agent.destroy();
  await stop();
}
