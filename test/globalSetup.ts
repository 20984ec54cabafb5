import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startLocalNeo4j, type RunningNeo4j } from '../src/neo4jLocal.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** User neo4j's password on it: neo4j-local runs with authentication on. */
    neo4jPassword: string;
  }
}

/**
 * Starts a dedicated real Neo4j (neo4j-local) for the integration tests: a free loopback port
 * and a temporary data folder, removed afterwards. Never the developer's own database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reform-graph-test-'));
  let neo4j: RunningNeo4j | null = null;
  try {
    // The store in a folder of its own: its password file sits next to it, and goes with it.
    neo4j = await startLocalNeo4j({ port: await freePort(), dataDir: join(dataDir, 'neo4j'), heap: '768m', onLog: (l) => console.log(l) });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  console.log(`test Neo4j ready at ${neo4j.uri} in ${neo4j.readyMs} ms`);
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jPassword', neo4j.password);
  return async () => {
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
