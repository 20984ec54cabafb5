/**
 * The headline traversal over HTTP against the same answer from one hand-written Cypher query
 * through neo4j-driver, same Neo4j, same data, interleaved in one run:
 *   npx tsx bench/query.ts [rounds=200] [corpus=500]
 * Starts its own Neo4j (neo4j-local, temporary folder), ingests the seeds plus a generated
 * corpus, serves the API, then times the API (over node:http, and over fetch) and the statement
 * `rounds` times each and prints p50, p99 and the ratios of the p50s.
 * Goal (issue 11): GraphQL p50 ≤ 1.1 × raw Cypher p50 at 500 articles (it was 1.3 in the API issue).
 */
import http from 'node:http';
import { HEADLINE_QUERY } from '../src/schema/headline.js';
import { startBenchService } from './service.js';
import { HEADLINE_CYPHER, HEADLINE_PARAMS, percentile, postWithNodeHttp } from './shared.js';

const rounds = Number(process.argv[2] ?? 200);
const corpusSize = Number(process.argv[3] ?? 500);
const WARM_UP = 100;

const agent = new http.Agent({ keepAlive: true });

const { graph, server, stop } = await startBenchService('query', corpusSize);
try {
  // Resample the indexes the ingest changed and empty the plan cache, so both sides are planned
  // on the statistics of the data they read: planned mid-ingest, the hand-written statement
  // sometimes kept a plan that took Neo4j 200 ms a run instead of 5.
  await graph.runAutoCommit('CALL db.prepareForReplanning()');
  const params = HEADLINE_PARAMS;
  const body = JSON.stringify({ query: HEADLINE_QUERY });
  /** What both sides must agree on: each program's name with its numbers of regions and outcomes. */
  const digest = (programs: Array<{ name: string; regions: number; outcomes: number }>) => programs.map((p) => `${p.name}:${p.regions}:${p.outcomes}`).sort().join(' ');
  const answered = (text: string) => {
    const parsed = JSON.parse(text) as { data?: { programs: { edges: Array<{ node: { name: string; regions: { edges: unknown[] }; outcomes: { edges: unknown[] } } }> } }; errors?: unknown };
    if (parsed.errors || !parsed.data) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data.programs.edges.map(({ node }) => ({ name: node.name, regions: node.regions.edges.length, outcomes: node.outcomes.edges.length }));
  };
  const viaGraphQL = async () => answered(await postWithNodeHttp(agent, server.url, body));
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
  // The API reads a root list in an auto-commit read (Graph.readStatement), one round trip fewer
  // than a managed transaction: the hand-written statement is timed both ways.
  const viaCypherAutoCommit = async () => (await graph.readStatement(HEADLINE_CYPHER, params)).length;
  const sides = { graphql: viaGraphQL, graphqlFetch: viaGraphQLFetch, raw: viaCypher, rawAutoCommit: viaCypherAutoCommit };
  // Warm all up: Neo4j's JIT settles after some dozens of runs of a statement.
  for (let i = 0; i < WARM_UP; i++) for (const side of Object.values(sides)) await side();
  neo4jMs.length = 0;
  // The first request of the query's shape was answered through the loaders; now it is one statement.
  if (digest(await viaGraphQL()) !== b) throw new Error('the API answers differently once its statement is planned');

  const times: Record<keyof typeof sides, number[]> = { graphql: [], graphqlFetch: [], raw: [], rawAutoCommit: [] };
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
  console.log(`raw Cypher, auto-commit read:    ${line(times.rawAutoCommit)}`);
  console.log(`ratio p50 GraphQL / Cypher: ${ratio(times.graphql)} (goal ≤ 1.1); with fetch as the client: ${ratio(times.graphqlFetch)}`);
  console.log(`ratio p50 GraphQL / Cypher in an auto-commit read: ${(percentile(times.graphql, 50) / percentile(times.rawAutoCommit, 50)).toFixed(2)}`);
} finally {
  agent.destroy();
  await stop();
}
