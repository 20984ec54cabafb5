import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isRetryableError } from 'neo4j-driver';
import type { Graph } from './driver.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema.cypher', import.meta.url));

/** Statements of a .cypher file: `;`-terminated, `//` comment lines dropped. */
export function cypherStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies cypher/schema.cypher; every statement is IF NOT EXISTS, so this is safe to repeat, and
 * to run from two commands at once: schema statements are auto-commit (the driver does not retry
 * those), and two of them racing for the same index deadlock inside Neo4j, so a transient error
 * is retried here a few times.
 */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = cypherStatements(await readFile(SCHEMA_FILE, 'utf8'));
  for (const statement of [...statements, 'CALL db.awaitIndexes(60)']) await withRetry(() => graph.runAutoCommit(statement));
  return statements.length;
}

const SCHEMA_ATTEMPTS = 5;

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= SCHEMA_ATTEMPTS || !isRetryableError(error)) throw error;
      await sleep(100 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}
