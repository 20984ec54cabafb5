import { inject } from 'vitest';
import { Graph } from '../src/graph/driver.js';

/** A driver to the test run's own Neo4j (see test/globalSetup.ts). */
export function testGraph(): Graph {
  return new Graph({ uri: inject('neo4jUri'), user: 'neo4j', password: 'unused-auth-is-off' });
}

/** Empties the test database, so each integration file starts from nothing. */
export async function clearGraph(graph: Graph): Promise<void> {
  await graph.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
}
