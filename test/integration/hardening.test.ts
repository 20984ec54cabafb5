import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { MAX_NODE_IDS } from '../../src/schema/builder.js';
import { LIMITS, startServer, type RunningServer } from '../../src/server.js';
import { errorCode as code, postGraphQL, resetGraph, testGraph } from '../helpers.js';

/** A logger that keeps what it writes, to see what a request costs in log lines. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info', base: undefined }, sink), lines };
}

/** A POST whose body goes out in chunks (Transfer-Encoding: chunked, no Content-Length). */
function postChunked(url: string, chunks: Iterable<Buffer>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // Once the server has answered, it may cut off the rest of the upload: expected, not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) {
          await new Promise<void>((r) => {
            const go = () => {
              req.off('drain', go).off('close', go);
              r();
            };
            req.on('drain', go).on('close', go);
          });
        }
      }
      req.end();
    })().catch(reject);
  });
}

function* repeatedChunks(total: number, size = 64 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size, ' ');
  for (let sent = 0; sent < total; sent += size) yield chunk;
}

describe('hardening over HTTP on a real Neo4j: typed input errors, body limit, CORS', () => {
  let graph: Graph;
  let server: RunningServer;
  const log = capturingLogger();
  const post = (query: string, variables: Record<string, unknown> = {}) => postGraphQL(server.url, query, variables);

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    // Two dated articles of our own, a year apart, for the date filters.
    const dated = mkdtempSync(join(tmpdir(), 'reform-graph-hardening-'));
    writeFileSync(join(dated, 'spring.txt'), '---\ntitle: 正定县压缩开办时间\ndate: 2023-03-01\n---\n正定县行政审批局推行企业开办“一窗通办”，开办时间由5个工作日压缩至1个工作日。\n');
    writeFileSync(join(dated, 'summer.txt'), '---\ntitle: 栾城区推行承诺制\ndate: 2024-06-15\n---\n栾城区推行告知承诺制，审批要件由40个减少至12个。\n');
    const summary = await ingestPaths(graph, ['seeds', dated]);
    expect(summary.failed).toEqual([]);
    server = await startServer({ graph, logger: log.logger, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('answers a negative first and a cursor it never gave out with BAD_USER_INPUT, and pages with its own cursors', async () => {
    for (const query of [
      '{ programs(first: -1) { edges { node { id } } } }',
      '{ regions(within: "河北省") { programs(first: -2) { edges { node { id } } } } }',
      '{ programs(first: 2, after: "garbage!!") { edges { node { id } } } }',
      // base64 of "OffsetConnection:-5": well-formed, yet an offset no page has.
      `{ programs(first: 2, after: "${Buffer.from('OffsetConnection:-5').toString('base64')}") { edges { node { id } } } }`,
      '{ articles(last: 1, before: "bm90IGEgY3Vyc29y") { edges { node { id } } } }',
    ]) {
      const { body } = await post(query);
      expect(code(body), query).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body), query).not.toMatch(/at .*\.ts:\d+/u); // no stack trace
    }
    const first = await post('{ programs(first: 2) { edges { node { id } } pageInfo { endCursor } } }');
    const next = await post('query ($after: String) { programs(first: 2, after: $after) { edges { node { id } } } }', { after: first.body.data.programs.pageInfo.endCursor });
    expect(next.body.errors).toBeUndefined();
    const firstIds = first.body.data.programs.edges.map((e: any) => e.node.id);
    const nextIds = next.body.data.programs.edges.map((e: any) => e.node.id);
    expect(nextIds.length).toBe(2);
    expect(nextIds.filter((id: string) => firstIds.includes(id))).toEqual([]);
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT naming the variable, and logs nothing', async () => {
    const linesBefore = log.lines.length;
    const { body } = await post('query ($n: Int) { programs(first: $n) { edges { node { id } } } }', { n: 'abc' });
    expect(code(body)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$n');
    expect(log.lines.slice(linesBefore)).toEqual([]);
  });

  it('pages a nested connection with its own cursors, as slices of the whole list read in the statement', async () => {
    const whole = await post('{ regions(within: "河北省") { id programs(first: 100) { edges { node { id } } } } }');
    expect(whole.body.errors).toBeUndefined();
    const region = (whole.body.data.regions as any[]).find((r) => r.programs.edges.length >= 3)!;
    const all = region.programs.edges.map((e: any) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < all.length; page++) {
      const { body } = await post('query ($id: ID!, $after: String) { node(id: $id) { ... on Region { programs(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }', { id: region.id, after });
      expect(body.errors).toBeUndefined();
      const { edges, pageInfo } = body.data.node.programs;
      paged.push(...edges.map((e: any) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    // The same pages read along with a root list (one statement) as through the loaders above.
    const { body } = await post('{ regions(within: "河北省") { id programs(first: 2, after: "T2Zmc2V0Q29ubmVjdGlvbjox") { edges { node { id } } pageInfo { hasNextPage } } } }');
    const same = (body.data.regions as any[]).find((r) => r.id === region.id);
    expect(same.programs.edges.map((e: any) => e.node.id)).toEqual(all.slice(2, 4));
    expect(same.programs.pageInfo.hasNextPage).toBe(all.length > 4);
  });

  it('answers a date filter that is not a day with BAD_USER_INPUT, and filters by a real one', async () => {
    const linesBefore = log.lines.length;
    for (const [query, day] of [
      ['query ($d: String) { programs(where: { since: $d }) { edges { node { id } } } }', '2025-13-45'],
      ['query ($d: String) { outcomes(where: { until: $d }) { edges { node { id } } } }', '2025-02-29'],
      ['query ($d: String) { articles(where: { since: $d }) { edges { node { id } } } }', 'last week'],
    ] as const) {
      const { body } = await post(query, { d: day });
      expect(code(body), day).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(day);
    }
    expect(log.lines.slice(linesBefore), 'a client mistake is not an error of the service').toEqual([]);
    const all = await post('{ articles(first: 100) { edges { node { date } } } }');
    const dates: string[] = all.body.data.articles.edges.map((e: any) => e.node.date).filter(Boolean);
    expect(dates).toEqual(expect.arrayContaining(['2023-03-01', '2024-06-15']));
    const since = await post('query ($d: String) { articles(first: 100, where: { since: $d }) { edges { node { date } } } }', { d: '2024-01-01' });
    expect(since.body.errors).toBeUndefined();
    expect(since.body.data.articles.edges.map((e: any) => e.node.date).sort()).toEqual(dates.filter((d) => d >= '2024-01-01').sort());
    expect(since.body.data.articles.edges.length).toBeLessThan(dates.length);
  });

  it('answers nodes(ids:) with the known nodes and null for unknown ids, without logging them, and caps the list', async () => {
    const listed = await post('{ programs(first: 3) { edges { node { id name } } } }');
    const known = listed.body.data.programs.edges.map((e: any) => e.node);
    expect(known.length).toBe(3);
    const unknownProgram = Buffer.from('Program:program:不存在的改革@region:99').toString('base64');
    const notANodeType = Buffer.from('Evidence:x').toString('base64');
    const noSuchType = Buffer.from('Spaceship:1').toString('base64');
    const ids = [known[0].id, unknownProgram, known[1].id, notANodeType, noSuchType, known[2].id];
    const linesBefore = log.lines.length;
    const { body } = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Program { name } } }', { ids });
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes).toEqual([known[0], null, known[1], null, null, known[2]]);

    // A full list of unknown ids: all null, and nothing logged for them.
    const many = Array.from({ length: MAX_NODE_IDS }, (_, i) => Buffer.from(`Region:region:9${i}`).toString('base64'));
    const full = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: many });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.nodes).toEqual(many.map(() => null));
    expect(log.lines.slice(linesBefore)).toEqual([]);

    const tooMany = await post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [...many, known[0].id] });
    expect(code(tooMany.body)).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors?.[0]?.message).toContain(String(MAX_NODE_IDS));

    const single = await post('query ($id: ID!) { a: node(id: $id) { id } }', { id: unknownProgram });
    expect(single.body).toEqual({ data: { a: null } });
    const found = await post('query ($id: ID!) { node(id: $id) { id } }', { id: known[0].id });
    expect(found.body.data.node.id).toBe(known[0].id);
    const malformed = await post('{ node(id: "not-a-global-id") { id } }');
    expect(code(malformed.body)).toBe('BAD_USER_INPUT');
    expect(log.lines.slice(linesBefore)).toEqual([]);
  });

  it('answers the token limit with QUERY_TOO_COMPLEX, like the other limits', async () => {
    const { body } = await post(`{ ${Array.from({ length: LIMITS.maxTokens }, () => '__typename').join(' ')} }`);
    expect(body.errors?.[0]?.message).toMatch(/token limit/iu);
    expect(code(body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a chunked body over the limit (no Content-Length) with 413, and takes a small chunked one', async () => {
    const started = Date.now();
    const huge = await postChunked(server.url, repeatedChunks(2 * LIMITS.maxBodyBytes));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(JSON.parse(huge.body).errors[0].message).toMatch(/over 10485760 bytes/u);
    expect(Date.now() - started).toBeLessThan(20_000);

    // The limit counts bytes: a query padded with spaces to just under it is still answered.
    const query = Buffer.from(JSON.stringify({ query: '{ stats { byType { key count } } }' }));
    const padded = [query.subarray(0, query.length - 1), ...repeatedChunks(LIMITS.maxBodyBytes - 2 * 64 * 1024), query.subarray(query.length - 1)];
    const small = await postChunked(server.url, padded);
    expect(small.status, small.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(small.body).data.stats.byType.length).toBeGreaterThan(3);

    // An empty body is a client error, not a hang or a crash.
    const empty = await postChunked(server.url, []);
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    expect((await post('{ stats { byType { key } } }')).body.errors).toBeUndefined();
  });

  it('sends no CORS headers to a foreign origin by default', async () => {
    const origin = 'https://evil.example.com';
    const response = await fetch(server.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { byType { key } } }' }) });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(server.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Same-origin callers (GraphiQL) need no CORS headers and still get answers.
    expect((await response.json()).data.stats.byType.length).toBeGreaterThan(0);
  });

  it('allows a configured origin with credentials, and * without them', async () => {
    const allowed = 'https://analytics.example.org';
    const configured = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0, corsOrigins: [allowed] });
    const anyOrigin = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0, corsOrigins: ['*'] });
    const preflight = (url: string, origin: string) => fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    try {
      const ok = await preflight(configured.url, allowed);
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await preflight(configured.url, 'https://evil.example.com');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const posted = await fetch(configured.url, { method: 'POST', headers: { origin: allowed, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { byType { key } } }' }) });
      expect(posted.headers.get('access-control-allow-origin')).toBe(allowed);

      const any = await preflight(anyOrigin.url, 'https://elsewhere.example.net');
      expect(any.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example.net');
      expect(any.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await configured.close();
      await anyOrigin.close();
    }
  });
});
