import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { freePort } from '../../src/neo4jLocal.js';
import { LIMITS, startServer, type RunningServer } from '../../src/server.js';
import { errorCode as code, postGraphQL, resetGraph, testGraph, writeCorpus, type GraphQLBody as Body } from '../helpers.js';

const post = postGraphQL;

/**
 * A TCP relay between the service and Neo4j that the test can cut and restore, to play a
 * network partition or a database restart without stopping the shared test database.
 */
class Relay {
  private server: TcpServer | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}
  async open(): Promise<void> {
    this.server = createTcpServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

describe('limits and failures: a hostile or unlucky request gets a coded error, never a hung server', () => {
  let graph: Graph;
  let server: RunningServer;

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    await ingestPaths(graph, ['seeds', writeCorpus(mkdtempSync(join(tmpdir(), 'reform-graph-limits-')), 150, 5)]);
    server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('refuses queries deeper than the limit, fragments included', async () => {
    const deep = `{ region(name: "藁城区") { ${'parent { '.repeat(LIMITS.maxDepth)} name ${'} '.repeat(LIMITS.maxDepth)} } }`;
    const { body } = await post(server.url, deep);
    expect(code(body)).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/depth/iu);

    // The same depth hidden in fragments that spread each other.
    const fragments = Array.from({ length: LIMITS.maxDepth }, (_, i) => `fragment F${i} on Region { parent { ${i + 1 < LIMITS.maxDepth ? `...F${i + 1}` : 'name'} } }`).join('\n');
    const hidden = await post(server.url, `{ region(name: "藁城区") { ...F0 } }\n${fragments}`);
    expect(code(hidden.body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts introspection, yet lets GraphiQL introspect the schema', async () => {
    const graphiql = await post(server.url, getIntrospectionQuery());
    expect(graphiql.body.errors).toBeUndefined();
    expect(graphiql.body.data.__schema.queryType.name).toBe('Query');
    const deepIntrospection = `{ __schema { types { ${'fields { type { '.repeat(10)} name ${'} } '.repeat(10)} } } }`;
    expect(code((await post(server.url, deepIntrospection)).body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases and too many tokens', async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 5 }, (_, i) => `a${i}: stats { byType { key } }`).join(' ');
    expect(code((await post(server.url, `{ ${aliases} }`)).body)).toBe('QUERY_TOO_COMPLEX');
    const tokens = `{ ${Array.from({ length: LIMITS.maxTokens }, () => '__typename').join(' ')} }`;
    const many = await post(server.url, tokens);
    expect(many.body.errors?.[0]?.message).toMatch(/token/iu);
    expect(code(many.body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a page of 100 inside a page of 100, refuses a third level with the rows it would read, and counts variables per request', async () => {
    const pages = `{ programs(first: 100) { edges { node { name regions(first: 100) { edges { node { name } } } } } } }`;
    const answered = await post(server.url, pages);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.programs.edges.length).toBeGreaterThan(0);

    const nested = (first: string) => `region(name: "河北省") { name ${'children(first: FIRST) { edges { node { name '.repeat(3).replaceAll('FIRST', first)} ${'} } } '.repeat(3)} }`;
    const refused = await post(server.url, `{ ${nested('100')} }`);
    expect(code(refused.body)).toBe('QUERY_TOO_COMPLEX');
    const message = refused.body.errors?.[0]?.message ?? '';
    expect(message).toContain('1,010,100 rows');
    expect(message).toContain(`limit of ${LIMITS.maxRowsRead.toLocaleString('en')}`);
    expect(message).toMatch(/ask for smaller pages/u);

    // One document, two requests: yoga caches validation by document, the row count must not be.
    const byVariable = `query ($n: Int) { ${nested('$n')} }`;
    const small = await post(server.url, byVariable, { n: 2 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.region.name).toBe('河北省');
    expect(code((await post(server.url, byVariable, { n: 100 })).body)).toBe('QUERY_TOO_COMPLEX');
    expect((await post(server.url, byVariable, { n: 2 })).body.errors).toBeUndefined();
  });

  it('answers malformed requests with errors, and refuses a body over the size limit', async () => {
    const syntax = await post(server.url, '{ programs(where: { region: ');
    expect(syntax.body.errors?.[0]?.message).toMatch(/Syntax Error/u);
    const unknown = await post(server.url, '{ programz { edges { node { name } } } }');
    expect(unknown.body.errors?.[0]?.message).toMatch(/Cannot query field "programz"/u);
    const badJson = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
    const huge = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(LIMITS.maxBodyBytes + 1) });
    expect(huge.status).toBe(413);
    expect((await post(server.url, '{ stats { byType { key count } } }')).body.errors).toBeUndefined();
  });

  it('treats hostile strings in filters as values', async () => {
    for (const hostile of ["' OR 1=1 //", '"}) MATCH (n) DETACH DELETE n //', '\u0000\u202e', '河北省"; CALL dbms.shutdown() //']) {
      const r = await post(server.url, `query ($w: String!) { programs(where: { region: { within: $w }, name: $w }) { edges { node { name } } } regions(within: $w) { name } }`, { w: hostile });
      expect(r.body.errors, hostile).toBeUndefined();
      expect(r.body.data.programs.edges).toEqual([]);
    }
    expect((await post(server.url, '{ regions(within: "河北省") { name } }')).body.data.regions.length).toBeGreaterThan(5);
  });

  it('stops a read that runs past the transaction timeout with QUERY_TIMEOUT', async () => {
    const slow = testGraph();
    slow.readTimeoutMs = 1;
    const slowServer = await startServer({ graph: slow, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
    try {
      // Every path of three facts from a province: thousands, slow enough to outlast 1 ms.
      // (About half a second on this graph; neo4j-local checks timeouts every 100 ms.)
      const { body } = await post(slowServer.url, `{ subgraph(root: "region:13", depth: 3) { nodes { id } } }`);
      expect(body.errors?.map((e) => e.extensions?.code), JSON.stringify(body).slice(0, 300)).toContain('QUERY_TIMEOUT');
      expect((await post(server.url, '{ stats { byType { key } } }')).body.errors).toBeUndefined();
    } finally {
      await slowServer.close();
      await slow.close();
    }
  });

  it('reports DATABASE_UNAVAILABLE and /ready 503 while Neo4j is unreachable, /health 200, and recovers by itself', async () => {
    const target = new URL(inject('neo4jUri').replace('bolt://', 'http://'));
    const relay = new Relay(await freePort(), { host: target.hostname, port: Number(target.port) });
    await relay.open();
    const viaRelay = new Graph({ uri: `bolt://127.0.0.1:${relay.port}`, user: 'neo4j', password: inject('neo4jPassword') });
    const relayed = await startServer({ graph: viaRelay, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
    const base = relayed.url.replace('/graphql', '');
    const query = '{ regions(within: "河北省") { name } }';
    try {
      expect((await post(relayed.url, query)).body.data.regions.length).toBeGreaterThan(0);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true });

      await relay.cut();
      const started = Date.now();
      const down = await post(relayed.url, query);
      expect(code(down.body)).toBe('DATABASE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(15_000);
      const notReady = await fetch(`${base}/ready`);
      expect(notReady.status).toBe(503);
      expect(notReady.headers.get('content-type')).toMatch(/application\/json/u);
      expect(await notReady.json()).toMatchObject({ ready: false, reason: expect.stringMatching(/\S/u) });
      expect((await fetch(`${base}/health`)).status).toBe(200);

      await relay.open();
      let recovered: Body | null = null;
      for (let i = 0; i < 20 && !recovered?.data?.regions; i++) {
        recovered = (await post(relayed.url, query)).body;
        if (!recovered.data?.regions) await new Promise((r) => setTimeout(r, 500));
      }
      expect(recovered?.data?.regions?.length).toBeGreaterThan(0);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    } finally {
      await relayed.close();
      await viaRelay.close();
      await relay.cut();
    }
  });
});
