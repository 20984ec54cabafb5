import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { postGraphQL, resetGraph, testGraph, writeCorpus } from '../helpers.js';

/**
 * The reads made cheaper for the mixed load (bench/load.ts, docs/PERFORMANCE.md): each must give
 * what the plain way gives, on the same graph.
 */
describe('cheaper reads give the same answers', () => {
  let graph: Graph;
  let server: RunningServer;
  const post = async (query: string) => {
    const { status, body } = await postGraphQL(server.url, query);
    expect(status).toBe(200);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    const dir = mkdtempSync(join(tmpdir(), 'reform-graph-cheaper-'));
    writeCorpus(join(dir, 'corpus'), 60, 5);
    const summary = await ingestPaths(graph, ['seeds', dir]);
    expect(summary.failed).toEqual([]);
    server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('finds the articles that mention a node from that node, as testing every article would', async () => {
    const pick = (cypher: string) => graph.read(async (tx) => (await tx.run(cypher)).records.map((r) => r.get(0) as string));
    const named = [
      ...(await pick('MATCH (:Article)-[:MENTIONS]->(e:Entity) RETURN DISTINCT e.id ORDER BY e.id LIMIT 3')),
      ...(await pick('MATCH (:Article)-[:MENTIONS]->(e:Region) RETURN DISTINCT e.name ORDER BY e.name LIMIT 3')),
      ...(await pick('MATCH (:Article)-[:MENTIONS]->(o:Outcome) RETURN DISTINCT o.id ORDER BY o.id LIMIT 2')),
      '石家庄市',
      'nothing is called this',
    ];
    let found = 0;
    for (const mentions of named) {
      // The filter as it was: every article, tested for a mention.
      const expected = await graph.read(async (tx) =>
        (
          await tx.run(
            `MATCH (n:Article) WHERE EXISTS { MATCH (n)-[:MENTIONS]->(e) WHERE e.id = $mentions OR e.name = $mentions }
             RETURN n.title AS title ORDER BY n.date IS NULL, n.date DESC, n.id`,
            { mentions },
          )
        ).records.map((r) => r.get('title') as string),
      );
      const data = await post(`{ articles(where: { mentions: ${JSON.stringify(mentions)} }, first: 100) { edges { node { title } } } }`);
      expect(data.articles.edges.map((e: any) => e.node.title), mentions).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(named.length);
  });

  // That these reads give what the loaders give is api.test.ts's "reads the same relations along with a root list".
  // A region's name is looked up by a statement of its own, then remembered for a few seconds.
  it('answers examples with evidence articles, regions with parents and a region tree in one transaction, once the region is looked up', async () => {
    for (const file of ['02-regions-of-hebei.graphql', '03-region-tree.graphql', '05-party-secretaries.graphql', '14-where-does-this-come-from.graphql']) {
      const query = readFileSync(join('docs/queries', file), 'utf8');
      const first = graph.transactions;
      const answer = await post(query);
      expect(graph.transactions - first, file).toBeLessThanOrEqual(2);
      const again = graph.transactions;
      expect(await post(query), file).toEqual(answer);
      expect(graph.transactions - again, file).toBe(1);
      expect(JSON.stringify(answer).length, file).toBeGreaterThan(300);
    }
  });

  it('looks a region name up once for a few seconds, and again after a write', async () => {
    const query = '{ regions(within: "测试市") { name } }';
    expect((await post(query)).regions).toEqual([]);
    const before = graph.transactions;
    expect((await post(query)).regions).toEqual([]);
    expect(graph.transactions - before).toBe(1); // the name was remembered: only the list's statement
    await graph.write((tx) => tx.run("CREATE (:Region:Entity {id: 'region:test-named', name: '测试市', level: 'CITY', aliases: ['测试']})"));
    try {
      expect((await post(query)).regions).toEqual([{ name: '测试市' }]);
      expect((await post('{ region(name: "测试") { name } }')).region).toEqual({ name: '测试市' });
    } finally {
      await graph.write((tx) => tx.run("MATCH (r:Region {id: 'region:test-named'}) DETACH DELETE r"));
    }
    expect((await post(query)).regions).toEqual([]);
  });

  it('does not remember a name longer than any region has (the names are the client\'s)', async () => {
    const query = `{ regions(within: "${'长'.repeat(Graph.REMEMBERED_KEY_MAX + 1)}") { name } }`;
    for (let i = 0; i < 2; i++) {
      const before = graph.transactions;
      expect((await post(query)).regions).toEqual([]);
      expect(graph.transactions - before).toBe(2); // the lookup and the list, each time
    }
  });

  it('reads the statistics once for a few seconds, and again after a write', async () => {
    const query = '{ stats(top: 5) { byType { key count } byRegion { region { name level } programs } } }';
    const regions = (data: any) => data.stats.byType.find((c: any) => c.key === 'Region').count as number;
    const first = await post(query);
    expect(first.stats.byRegion.length).toBeGreaterThan(0);
    expect(first.stats.byRegion.every((c: any) => c.region.name && c.region.level)).toBe(true);
    const before = graph.transactions;
    expect(await post(query)).toEqual(first);
    expect(graph.transactions - before).toBe(0);

    await graph.write((tx) => tx.run("CREATE (:Region:Entity {id: 'region:test-cheaper', name: '测试区', level: 'DISTRICT', aliases: []})"));
    try {
      expect(regions(await post(query))).toBe(regions(first) + 1);
    } finally {
      await graph.write((tx) => tx.run("MATCH (r:Region {id: 'region:test-cheaper'}) DETACH DELETE r"));
    }
    expect(regions(await post(query))).toBe(regions(first));
  });
});
