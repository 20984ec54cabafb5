/**
 * What a request costs us in JavaScript alone, per query shape of bench/peer.ts:
 *   npx tsx bench/execution.ts [articles=500] [--rounds 1000]
 * Each shape is asked once of the real service (its own Neo4j, the seeds plus the generated
 * articles), which records the rows of every statement; then the same yoga app, in process and
 * without HTTP, answers from those rows at once, `--rounds` times per shape, interleaved. The
 * answers must be the same as the real ones. What is left is parsing, validation, the rows-read
 * limit, the lookahead, building the statement, checking rows, executing the resolvers and writing
 * the JSON: the part of a request that is ours to make faster. The rest is HTTP, and Neo4j.
 */
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { Graph } from '../src/graph/driver.js';
import { createLogger } from '../src/log.js';
import { createYogaApp } from '../src/server.js';
import { SHAPES } from './peerShapes.js';
import { startBenchGraph } from './service.js';
import { percentile } from './shared.js';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : 1000;
const size = Number(process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--rounds') ?? 500);

/** A Graph whose statements are answered from rows recorded off a real one. */
class RecordedGraph extends Graph {
  readonly rows = new Map<string, Neo4jRecord[]>();
  recording = true;

  override async readStatement(text: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    if (this.recording) {
      const rows = await super.readStatement(text, params);
      this.rows.set(text, rows);
      return rows;
    }
    const rows = this.rows.get(text);
    if (!rows) throw new Error(`not recorded: ${text.slice(0, 200)}`);
    return rows;
  }
}

const service = await startBenchGraph('execution', size);
const graph = new RecordedGraph({ uri: service.neo4j.uri, user: service.neo4j.user, password: service.neo4j.password });
try {
  const yoga = createYogaApp({ graph, logger: createLogger('silent') });
  const ask = async (query: string) =>
    (await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).text();
  const real = new Map<string, string>();
  for (const shape of SHAPES) real.set(shape.name, await ask(shape.ours));
  graph.recording = false;
  for (const shape of SHAPES) {
    if ((await ask(shape.ours)) !== real.get(shape.name)) throw new Error(`${shape.name}: the answer from recorded rows differs from the real one`);
  }
  const times = new Map<string, number[]>([...SHAPES.map((s): [string, number[]] => [s.name, []]), ['{ __typename }', []]]);
  const queries = new Map([...SHAPES.map((s): [string, string] => [s.name, s.ours]), ['{ __typename }', '{ __typename }']]);
  const warmUp = Math.min(300, ROUNDS);
  for (let round = 0; round < warmUp + ROUNDS; round++) {
    for (const [name, query] of queries) {
      const start = performance.now();
      await ask(query);
      if (round >= warmUp) times.get(name)!.push(performance.now() - start);
    }
    if ((round + 1) % 200 === 0) console.log(`${round + 1}/${warmUp + ROUNDS} rounds (${warmUp} to warm up)`);
  }
  console.log(`\n${size} articles; ms per request, in process, rows recorded; ${ROUNDS} rounds`);
  console.log('| shape | p50 | p90 | answer bytes |');
  console.log('|---|---|---|---|');
  for (const [name, xs] of times) console.log(`| ${name} | ${percentile(xs, 50).toFixed(2)} | ${percentile(xs, 90).toFixed(2)} | ${real.get(name)?.length ?? ''} |`);
} finally {
  await graph.close();
  await service.stop();
}
