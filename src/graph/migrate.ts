import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

/** Applies cypher/schema.cypher; every statement is IF NOT EXISTS, so this is safe to repeat. */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = cypherStatements(await readFile(SCHEMA_FILE, 'utf8'));
  for (const statement of statements) await graph.runAutoCommit(statement);
  await graph.runAutoCommit('CALL db.awaitIndexes(60)');
  return statements.length;
}
