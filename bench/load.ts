/**
 * Mixed load: the fourteen examples of docs/queries, over many connections at once, on loopback:
 *   npx tsx bench/load.ts [--duration 60] [--warmup 10] [--connections 50] [--corpus 500] [--answers FILE]
 * Starts its own Neo4j (neo4j-local, temporary folder), ingests the seeds plus a generated corpus,
 * serves the API on 127.0.0.1, and runs autocannon for a bounded time, each connection cycling
 * through the examples, after `--warmup` seconds of the same load that are not counted (Node's and
 * Neo4j's JITs settle then: in the first runs, the first 10 s read a p99 two to three times the
 * whole run's). Prints overall p50/p90/p99, non-2xx, GraphQL errors by code, and for each
 * example its p50/p99 and its share of all the time spent waiting, so the dominant ones show.
 * Before the load, each example is asked alone: how many transactions it costs and how long it
 * takes on an idle server. `--answers FILE` writes the examples' answers there, so that two
 * versions of the code can be checked to give the same answers (diff the files).
 * Goal (issue 10 point 11): p99 ≤ 1 s at 50 connections.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startBenchService } from './service.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    corpus: { type: 'string', default: '500' },
    answers: { type: 'string' },
  },
});
const durationS = Number(args.duration);
const warmupS = Number(args.warmup);
const connections = Number(args.connections);
const corpusSize = Number(args.corpus);
// Bounded: a typo must not start an hour of load on a shared machine.
if (!(durationS > 0 && durationS <= 600) || !(warmupS >= 0 && warmupS <= 120) || !(connections >= 1 && connections <= 500) || !(corpusSize >= 0 && corpusSize <= 20_000)) {
  console.error('usage: npx tsx bench/load.ts [--duration 1..600] [--warmup 0..120] [--connections 1..500] [--corpus 0..20000] [--answers FILE]');
  process.exit(2);
}

const QUERIES_DIR = 'docs/queries';
const examples = readdirSync(QUERIES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((file) => ({ name: file.replace(/\.graphql$/u, ''), body: JSON.stringify({ query: readFileSync(join(QUERIES_DIR, file), 'utf8') }) }));

const percentile = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '-' : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
/** CPU seconds a process has used (user + system), from /proc: Neo4j runs in its own JVM. */
const cpuSecondsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
};
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}
const errorCodes = (text: string): string[] => {
  try {
    return ((JSON.parse(text) as GraphQLAnswer).errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  } catch {
    return ['UNPARSABLE_BODY'];
  }
};

const { neo4j, graph, server, ingested, stop } = await startBenchService('load', corpusSize);
try {
  // Plans made on statistics from mid-ingest can be far off (see docs/PERFORMANCE.md, the query section).
  await graph.runAutoCommit('CALL db.prepareForReplanning()');
  console.log(`seeds + ${corpusSize} generated articles: ${ingested.files} files; ${load()}`);

  const post = async (body: string) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, text: await response.text() };
  };

  // Each example asked alone, until every statement it needs is planned (the first request of a
  // root list's shape reads its relations through the loaders while Neo4j plans the full statement).
  const answers: Record<string, unknown> = {};
  const alone: Array<{ transactions: number; p50: number }> = [];
  for (const example of examples) {
    for (let i = 0; i < 3; i++) {
      await post(example.body);
    }
    const times: number[] = [];
    let transactions = 0;
    for (let i = 0; i < 5; i++) {
      const before = graph.transactions;
      const started = performance.now();
      const { status, text } = await post(example.body);
      times.push(performance.now() - started);
      transactions = graph.transactions - before;
      const answer = JSON.parse(text) as GraphQLAnswer;
      if (status !== 200 || answer.errors) throw new Error(`${example.name} failed alone: ${status} ${text.slice(0, 500)}`);
      answers[example.name] = answer.data;
    }
    alone.push({ transactions, p50: percentile(times, 50) });
  }
  if (args.answers) writeFileSync(args.answers, `${JSON.stringify(answers, null, 1)}\n`);

  const requests = examples.map((example) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: example.body }));
  if (warmupS > 0) {
    const warm = await autocannon({ url: server.url, connections, duration: warmupS, timeout: 30, requests });
    console.log(`warm-up, ${warmupS} s, not counted: ${warm.requests.total} requests, p99 ${ms(warm.latency.p99)}; ${load()}`);
  }

  const latencies = examples.map(() => [] as number[]);
  const codes = new Map<string, number>();
  const instance = autocannon({
    url: server.url,
    connections,
    duration: durationS,
    timeout: 30,
    requests: examples.map((example, index) => ({
      ...requests[index]!,
      onResponse: (status: number, body: string) => {
        const found = status >= 200 && status < 300 ? errorCodes(body) : [`HTTP ${status}`, ...errorCodes(body)];
        for (const code of found) codes.set(`${code} (${example.name})`, (codes.get(`${code} (${example.name})`) ?? 0) + 1);
      },
    })),
  });
  // Pipelining is 1, so the request a connection just got an answer to is the one it last sent.
  instance.on('response', (client, _status, _bytes, took) => latencies[client.requestIterator.currentRequestIndex]!.push(took));
  const started = Date.now();
  const cpuBefore = { node: process.cpuUsage(), neo4j: cpuSecondsOf(neo4j.pid) };
  const progress = setInterval(() => {
    const all = latencies.flat();
    console.log(`${Math.round((Date.now() - started) / 1000)} s: ${all.length} requests, p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}; ${load()}`);
  }, 10_000);
  const result = await instance;
  clearInterval(progress);
  const nodeCpu = process.cpuUsage(cpuBefore.node);
  const cpu = { node: (nodeCpu.user + nodeCpu.system) / 1e6, neo4j: cpuSecondsOf(neo4j.pid) - cpuBefore.neo4j, wall: (Date.now() - started) / 1000 };

  const all = latencies.flat();
  const total = all.reduce((a, b) => a + b, 0);
  console.log(`\n${connections} connections for ${durationS} s over ${examples.length} examples: ${result.requests.total} requests (${result.requests.average}/s)`);
  console.log(`overall: p50 ${ms(percentile(all, 50))}, p90 ${ms(percentile(all, 90))}, p99 ${ms(percentile(all, 99))}, max ${ms(Math.max(...all))}`);
  console.log(`non-2xx: ${result.non2xx}; connection errors: ${result.errors}; client timeouts: ${result.timeouts}`);
  console.log(`errors by code (and example): ${codes.size === 0 ? 'none' : [...codes].map(([code, n]) => `${code} × ${n}`).join(', ')}`);
  console.log(`CPU over ${cpu.wall.toFixed(0)} s: this process (server and autocannon) ${cpu.node.toFixed(1)} s, Neo4j ${cpu.neo4j.toFixed(1)} s; ${load()}\n`);
  const rows = examples
    .map((example, i) => ({ name: example.name, n: latencies[i]!.length, p50: percentile(latencies[i]!, 50), p99: percentile(latencies[i]!, 99), share: latencies[i]!.reduce((a, b) => a + b, 0) / total, alone: alone[i]! }))
    .sort((a, b) => b.share - a.share);
  console.log('example                                  requests   p50 under load   p99 under load   share of time   alone: p50, transactions');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(40)} ${String(r.n).padStart(8)} ${ms(r.p50).padStart(16)} ${ms(r.p99).padStart(16)} ${`${(r.share * 100).toFixed(1)} %`.padStart(15)}   ${ms(r.alone.p50)}, ${r.alone.transactions}`,
    );
  }
} finally {
  await stop();
}
