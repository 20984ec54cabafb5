import { inject } from 'vitest';
import { Graph } from '../src/graph/driver.js';
import { applySchema } from '../src/graph/migrate.js';

/** A driver to the test run's own Neo4j (see test/globalSetup.ts). */
export function testGraph(): Graph {
  return new Graph({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
}

/** Empties the test database, so each integration file starts from nothing. */
export async function clearGraph(graph: Graph): Promise<void> {
  await graph.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

/** An empty graph with the schema (constraints, indexes, the indicator vocabulary) applied. */
export async function resetGraph(graph: Graph): Promise<void> {
  await clearGraph(graph);
  await applySchema(graph);
}

export type GraphQLBody = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }> };

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

/** The code of a response's first error. */
export const errorCode = (body: GraphQLBody) => body.errors?.[0]?.extensions?.code;

/**
 * The whole graph as text: every node (labels, properties) and relationship (type, ends' ids,
 * properties), sorted. Two graphs with the same digest hold the same facts with the same
 * provenance, whatever their internal ids.
 */
export async function graphDigest(graph: Graph): Promise<{ nodes: number; relationships: number; lines: string[] }> {
  return graph.read(async (tx) => {
    const nodes = await tx.run(`MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`);
    const rels = await tx.run(`MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`);
    const canonical = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
    const lines = [
      ...nodes.records.map((r) => `N ${(r.get('labels') as string[]).sort().join(':')} ${canonical(r.get('props'))}`),
      ...rels.records.map((r) => `R ${r.get('type')} ${r.get('from')} -> ${r.get('to')} ${canonical(r.get('props'))}`),
    ].sort();
    return { nodes: nodes.records.length, relationships: rels.records.length, lines };
  });
}

/** Generated articles for tests that need more than the seeds (bench/corpus.ts, deterministic). */
export { writeCorpus } from '../bench/corpus.js';
