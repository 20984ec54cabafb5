/**
 * Memory of the running service, the way `npm start` runs it:
 *   npx tsx bench/memory.ts [rounds=3]
 * Starts `src/main.ts` (its own local Neo4j in a temporary folder, free ports) twice per round,
 * interleaved: once with the seeds ingested at start-up, once with an empty seeds folder. Reads
 * the server process's resident memory (VmRSS of /proc/PID/status; the Neo4j JVM is another
 * process and not counted) once /ready answers and the start-up warm-up has run, and again after
 * 200 headline queries. Goal (operations issue, point 5): ≤ 200 MiB once serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/neo4jLocal.js';
import { HEADLINE_QUERY } from '../src/schema/headline.js';

const rounds = Number(process.argv[2] ?? 3);

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/\d+/u.exec(line ?? '')?.[0] ?? NaN) / 1024);
}

async function waitForLog(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before ${pattern}; output:\n${seen.slice(-2000)}`)));
  });
}

async function measure(withSeeds: boolean): Promise<{ serving: number; afterQueries: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reform-graph-mem-'));
  const emptySeeds = mkdtempSync(join(tmpdir(), 'reform-graph-noseeds-'));
  const port = await freePort();
  const { NEO4J_URI: _ignored, ...env } = process.env; // always the local Neo4j, never the user's
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...env,
      DATA_DIR: dataDir,
      NEO4J_LOCAL_PORT: String(await freePort()),
      PORT: String(port),
      SEEDS_DIR: withSeeds ? 'seeds' : emptySeeds,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForLog(child, /warmed up|warming up the headline query failed/u, 300_000);
    const serving = rssMiB(child.pid!);
    for (let i = 0; i < 200; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HEADLINE_QUERY }) });
      await r.arrayBuffer();
    }
    return { serving, afterQueries: rssMiB(child.pid!) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptySeeds, { recursive: true, force: true });
  }
}

const results: Record<'seeds' | 'no seeds', Array<{ serving: number; afterQueries: number }>> = { seeds: [], 'no seeds': [] };
for (let round = 1; round <= rounds; round++) {
  for (const withSeeds of round % 2 ? [true, false] : [false, true]) {
    const r = await measure(withSeeds);
    results[withSeeds ? 'seeds' : 'no seeds'].push(r);
    console.log(`round ${round} ${withSeeds ? 'seeds   ' : 'no seeds'}: ${r.serving} MiB serving, ${r.afterQueries} MiB after 200 headline queries`);
  }
}
const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)} MiB`;
for (const [name, rs] of Object.entries(results)) {
  console.log(`${name.padEnd(8)}: serving ${range(rs.map((r) => r.serving))}, after queries ${range(rs.map((r) => r.afterQueries))}`);
}
