import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, LocalNeo4jError, startLocalNeo4j } from '../../src/neo4jLocal.js';

const run = promisify(execFile);

async function kg(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('node', ['bin/kg.js', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('neo4j-local', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-kg-db-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a port that is taken, saying which and what to do', async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const start = startLocalNeo4j({ port, dataDir: join(dataDir, 'blocked') });
      await expect(start).rejects.toBeInstanceOf(LocalNeo4jError);
      await expect(start).rejects.toThrow(new RegExp(`port ${port} .* is taken.*NEO4J_LOCAL_PORT`));
    } finally {
      blocker.close();
    }
  });

  it('kg db start | status | stop manage a background Neo4j that answers Bolt', async () => {
    const env = { DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_HEAP: '512m' };
    expect((await kg(['db', 'status'], env)).code).toBe(1);

    const started = await kg(['db', 'start'], env);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/Neo4j ready at bolt:\/\/127\.0\.0\.1:\d+ \(pid \d+, ready in \d+ ms\)/);

    const again = await kg(['db', 'start'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already running/);

    const status = await kg(['db', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Neo4j running: pid \d+/);

    // Bolt answers: migrate goes through the running server found from the pid file.
    const migrated = await kg(['db', 'migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/applied \d+ schema statements/);

    const stopped = await kg(['db', 'stop'], env);
    expect(stopped.stdout).toMatch(/stopped Neo4j/);
    expect((await kg(['db', 'status'], env)).code).toBe(1);
  }, 180_000);
});
