import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/driver.js';
import { freePort, LocalNeo4jError, startLocalNeo4j, type PidFile } from '../../src/neo4jLocal.js';

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const marker = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'neo4j.pid'), 'utf8')) as PidFile;

/** Does Bolt at `uri` take this password? The Neo4j error code when it does not. */
async function login(uri: string, password: string): Promise<'ok' | string> {
  const graph = new Graph({ uri, user: 'neo4j', password });
  try {
    await graph.read((tx) => tx.run('RETURN 1'));
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await graph.close();
  }
}

/** `npm start` as a child; resolves with its GraphQL URL once it serves. */
function npmStart(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn('node', ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env } });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not serving in time:\n${log.slice(-3000)}`)), 240_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /GraphQL and GraphiQL on (http:\/\/\S+?)"/u.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, log: () => log });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${log.slice(-3000)}`));
    });
  });
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
      // A command on a data folder whose Neo4j is not running says the same.
      const migrate = await kg(['db', 'migrate'], { DATA_DIR: join(dataDir, 'blocked'), NEO4J_LOCAL_PORT: String(port) });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken`));
      expect(existsSync(join(dataDir, 'blocked', 'neo4j.pid'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('kg db start | status | stop manage a background Neo4j that answers Bolt, with a generated password', async () => {
    const env = { DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_HEAP: '512m' };
    expect((await kg(['db', 'status'], env)).code).toBe(1);

    const started = await kg(['db', 'start'], env);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/Neo4j ready at bolt:\/\/127\.0\.0\.1:\d+ \(pid \d+, ready in \d+ ms\)/);

    // Authentication: a password generated on first start, readable by its owner only.
    const passwordFile = join(dataDir, 'neo4j.password');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const password = readFileSync(passwordFile, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    const { uri } = marker(dataDir);
    expect(await login(uri, password)).toBe('ok');
    expect(await login(uri, 'neo4j')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await login(uri, `${password}x`)).toBe('Neo.ClientError.Security.Unauthorized');

    const again = await kg(['db', 'start'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already running/);

    const status = await kg(['db', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Neo4j running: pid \d+/);

    // Bolt answers: migrate goes through the running server found from the pid file, and leaves it running.
    const migrated = await kg(['db', 'migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/applied \d+ schema statements/);
    expect(isAlive(marker(dataDir).pid!)).toBe(true);

    const stopped = await kg(['db', 'stop'], env);
    expect(stopped.stdout).toMatch(/stopped Neo4j/);
    expect((await kg(['db', 'status'], env)).code).toBe(1);

    // The same password on the next start of the same folder.
    const restarted = await kg(['db', 'start'], env);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(readFileSync(passwordFile, 'utf8').trim()).toBe(password);
    expect(await login(marker(dataDir).uri, password)).toBe('ok');
    await kg(['db', 'stop'], env);
  }, 240_000);

  it('kg ingest uses the Neo4j npm start runs from the same data folder, and leaves it running', async () => {
    const folder = join(dataDir, 'shared');
    const env = { DATA_DIR: folder, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_HEAP: '512m', PORT: '0', LOG_LEVEL: 'info' };
    const server = await npmStart(env);
    try {
      const { pid, uri } = marker(folder);
      expect(isAlive(pid!)).toBe(true);

      const ingested = await kg(['ingest', 'seeds'], { ...env, LOG_LEVEL: 'info' });
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(ingested.stdout).toMatch(/articles: 0 new, \d+ unchanged/); // npm start ingested them already
      expect(ingested.stderr).toMatch(new RegExp(`using the local Neo4j already running from .* \\(pid ${pid}\\)`));

      // Still the same Neo4j, still serving npm start.
      expect(marker(folder).pid).toBe(pid);
      expect(isAlive(pid!)).toBe(true);
      expect((await fetch(server.url.replace('/graphql', '/ready'))).status).toBe(200);
      const retracted = await kg(['retract', 'article:does-not-exist'], env);
      expect(retracted.stdout).toMatch(/not found: article:does-not-exist/);
      expect(isAlive(pid!)).toBe(true);

      // npm start was the last user: Ctrl-C stops the Neo4j it started.
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGINT');
      await exited;
      for (let i = 0; i < 100 && isAlive(pid!); i++) await new Promise((r) => setTimeout(r, 200));
      expect(isAlive(pid!)).toBe(false);
      expect(existsSync(join(folder, 'neo4j.pid'))).toBe(false);
      expect(await login(uri, readFileSync(join(folder, 'neo4j.password'), 'utf8').trim())).not.toBe('ok');
    } finally {
      server.child.kill('SIGKILL');
      if (existsSync(join(folder, 'neo4j.pid'))) await kg(['db', 'stop'], env);
    }
  }, 300_000);

  it('two commands started at once share one Neo4j', async () => {
    const folder = join(dataDir, 'race');
    const env = { DATA_DIR: folder, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_HEAP: '512m', LOG_LEVEL: 'info' };
    // Two different commands: two schema migrations at once can deadlock in Neo4j itself.
    const [a, b] = await Promise.all([kg(['db', 'migrate'], env), kg(['retract', 'article:none'], env)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout, b.stderr).toMatch(/not found: article:none/);
    const pids = [a, b].map((r) => /\(pid (\d+)\)/u.exec(r.stderr)?.[1]);
    expect(pids[0]).toBeDefined();
    expect(pids[1]).toBe(pids[0]);
    // The last of them to finish stopped it.
    expect(existsSync(join(folder, 'neo4j.pid'))).toBe(false);
    expect(isAlive(Number(pids[0]))).toBe(false);
  }, 240_000);
});
