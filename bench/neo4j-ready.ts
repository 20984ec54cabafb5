/**
 * Time-to-ready of the local Neo4j (neo4j-local): from spawning the JVM to Bolt answering a
 * query, for a new data folder and for a restart on the same folder, N rounds each; and the time
 * to stop it (SIGTERM to exit), which is what Ctrl-C on `npm start` waits for.
 *   npx tsx bench/neo4j-ready.ts [rounds=3]
 * Results go to docs/PERFORMANCE.md by hand, with this command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Graph } from '../src/graph/driver.js';
import { ensureLauncherBuilt, freePort, startLocalNeo4j } from '../src/neo4jLocal.js';

const rounds = Number(process.argv[2] ?? 3);
ensureLauncherBuilt((l) => console.log(l));

async function once(dataDir: string): Promise<{ launcherMs: number; wallMs: number; stopMs: number }> {
  const t0 = performance.now();
  const neo4j = await startLocalNeo4j({ port: await freePort(), dataDir, heap: '1g' });
  const graph = new Graph({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  await graph.read((tx) => tx.run('RETURN 1'));
  const wallMs = performance.now() - t0;
  await graph.close();
  const t1 = performance.now();
  await neo4j.stop();
  return { launcherMs: neo4j.readyMs, wallMs, stopMs: performance.now() - t1 };
}

const fresh: number[] = [];
const restart: number[] = [];
const stops: number[] = [];
for (let i = 0; i < rounds; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-'));
  for (const [starts, run] of [[fresh, await once(dir)], [restart, await once(dir)]] as const) {
    starts.push(run.wallMs);
    stops.push(run.stopMs);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.password`, { force: true }); // neo4j-local keeps the store's password next to it
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`new data folder: median ${(median(fresh) / 1000).toFixed(1)} s  (${fresh.map((x) => (x / 1000).toFixed(1)).join(', ')})`);
console.log(`restart:         median ${(median(restart) / 1000).toFixed(1)} s  (${restart.map((x) => (x / 1000).toFixed(1)).join(', ')})`);
console.log(`stop:            median ${(median(stops) / 1000).toFixed(1)} s  (${stops.map((x) => (x / 1000).toFixed(1)).join(', ')})`);
