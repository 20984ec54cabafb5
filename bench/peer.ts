/**
 * Our API against @neo4j/graphql 7 serving the same Neo4j, interleaved in one run:
 *   npx tsx bench/peer.ts [sizes=500,2000] [--rounds 100] [--first 5]
 * For each corpus size: one Neo4j (neo4j-local, temporary folder) with the seeds plus that many
 * generated articles (bench/service.ts), our server, and the peer (bench/peerTypeDefs.ts through
 * graphql-yoga, over HTTP like ours), each in a process of its own (bench/peerServe.ts). Six query shapes (bench/peerShapes.ts), each checked to
 * answer the same ids on both sides, then timed:
 * - first request, fresh process: Neo4j's plan cache emptied, and a fresh server with nothing of
 *   the process left over (a new Graph, driver and yoga for ours; a new schema, driver and yoga for
 *   the peer), `--first` samples per shape and side: a shape's first request right after a start;
 * - first request, running server: Neo4j's plan cache emptied, and the document made new to the
 *   running server by a comment (yoga caches parsing and validation by the document's text): a
 *   new shape arriving at a service that has been up, the case the planning cost is about;
 * - steady: after a warm-up, `--rounds` rounds.
 * The floor: in the same steady rounds, `{ __typename }` over HTTP to our server (HTTP and yoga,
 * no resolver) and `RETURN 1` in an auto-commit read (one round trip to Neo4j). No server that
 * answers over yoga with one read of Neo4j can be faster than their sum, so `floor / peer` is the
 * lowest ratio to the peer's p50 any such server could reach on a shape.
 * Sides alternate within each round and swap who goes first every round. The headline is also
 * timed as one hand-written Cypher statement through the driver (bench/shared.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { GraphConnection } from '../src/graph/driver.js';
import { firstDifference, idsByLevel, SHAPES, type Shape } from './peerShapes.js';
import { startBenchGraph } from './service.js';
import { HEADLINE_CYPHER, HEADLINE_PARAMS, percentile, postWithNodeHttp } from './shared.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const sizes = (positional[0] ?? '500,2000').split(',').map(Number);
const ROUNDS = option('rounds', 100);
const FIRST_SAMPLES = option('first', 5);
const WARM_UP = 10;

type Side = 'ours' | 'peer' | 'cypher';
type Floor = 'typename' | 'roundTrip';

/** A GraphQL server on a loopback port, and how to stop it. */
interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * A side's server in a process of its own (bench/peerServe.ts): the timings of one side then
 * carry none of the other's GC or event-loop work, nor the client's. Started fresh for each
 * first-request sample, so that nothing of an earlier process is left over.
 */
async function serve(side: 'ours' | 'peer', connection: GraphConnection): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/peerServe.ts', side], {
    env: { ...process.env, PEER_BENCH_NEO4J: JSON.stringify(connection) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+)/u.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the ${side} server exited (${code}) before listening`)));
  });
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const agent = new http.Agent({ keepAlive: true });

/** The `data` of a GraphQL answer; its errors, thrown. */
async function ask(url: string, query: string, what: string): Promise<unknown> {
  const parsed = JSON.parse(await postWithNodeHttp(agent, url, JSON.stringify({ query }))) as { data?: unknown; errors?: unknown };
  if (parsed.errors || !parsed.data) throw new Error(`${what}: ${JSON.stringify(parsed.errors).slice(0, 2000)}`);
  return parsed.data;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

interface Row {
  size: number;
  phase: 'first request, fresh process' | 'first request, running server' | 'steady';
  shape: string;
  times: Partial<Record<Side, number[]>>;
}
const floors = new Map<number, Record<Floor, number[]>>();
const rows: Row[] = [];

async function benchSize(size: number): Promise<void> {
  const started = performance.now();
  console.log(`[${size}] starting Neo4j and ingesting the seeds + ${size} generated articles`);
  const service = await startBenchGraph(`peer-${size}`, size);
  const connection: GraphConnection = { uri: service.neo4j.uri, user: service.neo4j.user, password: service.neo4j.password };
  const [ours, peer] = [await serve('ours', connection), await serve('peer', connection)];
  try {
    console.log(`[${size}] ingested ${JSON.stringify(service.ingested).slice(0, 200)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Plans made mid-ingest were made on the statistics of a smaller graph (see bench/query.ts).
    await service.graph.runAutoCommit('CALL db.prepareForReplanning()');
    const cypher = () => service.graph.read(async (tx) => (await tx.run(HEADLINE_CYPHER, HEADLINE_PARAMS)).records.length);
    const sidesOf = (shape: Shape): Side[] => (shape === SHAPES[0] ? ['ours', 'peer', 'cypher'] : ['ours', 'peer']);
    /** One request of a shape, to a side's server (the Cypher side needs none). */
    const request = (side: Side, shape: Shape, url: string) => (side === 'cypher' ? cypher() : ask(url, side === 'ours' ? shape.ours : shape.peer, `${side}, ${shape.name}`));
    /** Both sides' ids, level by level; a difference stops the bench. */
    const check = async (when: string) => {
      for (const shape of SHAPES) {
        const oursIds = idsByLevel(await ask(ours.url, shape.ours, `ours, ${shape.name}`), 'ours');
        const theirs = idsByLevel(await ask(peer.url, shape.peer, `peer, ${shape.name}`), 'peer', shape.peerPaths);
        const difference = firstDifference(oursIds, theirs);
        if (difference) throw new Error(`[${size}] ${shape.name} (${when}): the answers differ ${difference}`);
        console.log(`[${size}] same answer ${when}: ${shape.name} (${[...oursIds].map(([level, ids]) => `${level} ${ids.length}`).join(', ')})`);
      }
    };
    await check('at first');
    // Alternating who goes first within a round keeps any drift (load from neighbours, Neo4j's
    // JIT, GC) from favouring one side.
    const rotate = <T>(xs: T[], k: number) => (k % 2 === 0 ? xs : [...xs].reverse());

    for (const shape of SHAPES) {
      const times: Partial<Record<Side, number[]>> = {};
      for (let k = 0; k < FIRST_SAMPLES; k++) {
        for (const side of rotate(sidesOf(shape), k)) {
          await service.graph.runAutoCommit('CALL db.clearQueryCaches()');
          const served = side === 'cypher' ? null : await serve(side, connection);
          try {
            (times[side] ??= []).push(await timed(() => request(side, shape, served?.url ?? '')));
          } finally {
            await served?.close();
          }
        }
      }
      rows.push({ size, phase: 'first request, fresh process', shape: shape.name, times });
      console.log(`[${size}] first request, fresh process, ${FIRST_SAMPLES} samples: ${shape.name}`);
    }

    const urls: Record<Side, string> = { ours: ours.url, peer: peer.url, cypher: '' };
    for (const shape of SHAPES) {
      const times: Partial<Record<Side, number[]>> = {};
      for (let k = 0; k < FIRST_SAMPLES; k++) {
        for (const side of rotate(sidesOf(shape), k)) {
          await service.graph.runAutoCommit('CALL db.clearQueryCaches()');
          const unseen = { ...shape, ours: `# first request ${k}\n${shape.ours}`, peer: `# first request ${k}\n${shape.peer}` };
          (times[side] ??= []).push(await timed(() => request(side, unseen, urls[side])));
        }
      }
      rows.push({ size, phase: 'first request, running server', shape: shape.name, times });
      console.log(`[${size}] first request, running server, ${FIRST_SAMPLES} samples: ${shape.name}`);
    }

    for (let round = 0; round < WARM_UP; round++) for (const shape of SHAPES) for (const side of sidesOf(shape)) await request(side, shape, urls[side]);
    console.log(`[${size}] warmed up (${WARM_UP} rounds)`);
    // Ours answers a shape it has planned with one statement, not through the loaders: check that too.
    await check('once planned');
    const steady = SHAPES.map((shape) => ({ size, phase: 'steady' as const, shape: shape.name, times: {} as Partial<Record<Side, number[]>> }));
    const floor: Record<Floor, number[]> = { typename: [], roundTrip: [] };
    floors.set(size, floor);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, shape] of SHAPES.entries()) {
        for (const side of rotate(sidesOf(shape), round)) (steady[i]!.times[side] ??= []).push(await timed(() => request(side, shape, urls[side])));
      }
      floor.typename.push(await timed(() => ask(ours.url, '{ __typename }', 'floor')));
      floor.roundTrip.push(await timed(() => service.graph.readStatement('RETURN 1', {})));
      if ((round + 1) % 10 === 0) console.log(`[${size}] steady: ${round + 1}/${ROUNDS} rounds`);
    }
    rows.push(...steady);
    console.log(`[${size}] done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await ours.close();
    await peer.close();
    await service.stop();
  }
}

const runStarted = performance.now();
try {
  for (const size of sizes) await benchSize(size);
} finally {
  agent.destroy();
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const cell = (xs: number[] | undefined) => (xs ? `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))}` : '');
const ratio = (a: number[] | undefined, b: number[] | undefined) => (a && b ? (percentile(a, 50) / percentile(b, 50)).toFixed(2) : '');
console.log(`\nms, p50 / p99 (first request: p99 is the slowest of ${FIRST_SAMPLES}); steady over ${ROUNDS} rounds; ratios of the p50s`);
console.log('floor: p50 of `{ __typename }` over HTTP plus p50 of `RETURN 1` (auto-commit), steady rounds; floor / peer: the lowest ratio a server answering through yoga with one Neo4j read could reach');
console.log('| articles | phase | shape | ours | @neo4j/graphql | ours / peer | ours / Cypher | floor / peer |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const floor = floors.get(r.size);
  const floorMs = floor ? percentile(floor.typename, 50) + percentile(floor.roundTrip, 50) : NaN;
  const floorRatio = r.phase === 'steady' && r.times.peer ? (floorMs / percentile(r.times.peer, 50)).toFixed(2) : '';
  console.log(`| ${r.size} | ${r.phase} | ${r.shape} | ${cell(r.times.ours)} | ${cell(r.times.peer)} | ${ratio(r.times.ours, r.times.peer)} | ${ratio(r.times.ours, r.times.cypher)} | ${floorRatio} |`);
  if (r.times.cypher) console.log(`| ${r.size} | ${r.phase} | headline, hand-written Cypher | | | | ${cell(r.times.cypher)} | |`);
}
for (const [size, floor] of floors) {
  console.log(`floor at ${size}: { __typename } over HTTP ${cell(floor.typename)} ms, RETURN 1 ${cell(floor.roundTrip)} ms`);
}
console.log(`\nwhole run: ${((performance.now() - runStarted) / 60_000).toFixed(1)} min`);
