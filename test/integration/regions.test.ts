import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { postGraphQL, resetGraph, testGraph } from '../helpers.js';

const REGIONS_OF_HEBEI = `
  query ($within: String!) {
    regions(within: $within) { id name level code parent { name code } }
  }`;

async function graphCounts(graph: Graph) {
  return graph.read(async (tx) => {
    const r = await tx.run(`
      CALL { MATCH (n) RETURN count(n) AS nodes }
      CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
      RETURN nodes, relationships`);
    return { nodes: r.records[0]!.get('nodes') as number, relationships: r.records[0]!.get('relationships') as number };
  });
}

describe('seeds ingested into a real Neo4j, served by yoga over HTTP', () => {
  let graph: Graph;
  let server: RunningServer;

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    const summary = await ingestPaths(graph, ['seeds']);
    expect(summary.failed).toEqual([]);
    expect(summary.new).toBe(readdirSync('seeds').length);
    server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('answers regions(within: "河北省") with districts and zones under their cities', async () => {
    const { status, body } = await postGraphQL(server.url, REGIONS_OF_HEBEI, { within: '河北省' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const regions = body.data.regions as Array<{ name: string; level: string; code: string; parent: { name: string } | null }>;
    const parentOf = (name: string) => regions.find((r) => r.name === name)?.parent?.name;

    expect(parentOf('藁城区')).toBe('石家庄市');
    expect(parentOf('新华区')).toBe('石家庄市'); // not 沧州's or 平顶山's 新华区
    expect(regions.find((r) => r.name === '新华区')?.code).toBe('130105');
    expect(parentOf('廊坊经济技术开发区')).toBe('廊坊市');
    expect(regions.find((r) => r.name === '廊坊经济技术开发区')?.level).toBe('ZONE');
    expect(parentOf('石家庄市')).toBe('河北省');
    // A zone the gazetteer lacks, placed by the text under its city.
    expect(regions.find((r) => r.name === '石家庄经济技术开发区')).toMatchObject({ level: 'ZONE', code: null, parent: { name: '石家庄市' } });
  });

  it('returns nothing outside Hebei, although the graph holds regions elsewhere', async () => {
    const { body } = await postGraphQL(server.url, REGIONS_OF_HEBEI, { within: '河北省' });
    const regions = body.data.regions as Array<{ name: string; code: string | null; parent: { code: string | null } | null }>;
    expect(regions.length).toBeGreaterThan(5);
    // GB/T 2260 codes of Hebei start with 13; a zone the gazetteer lacks has no code, but its parent has.
    for (const r of regions) expect((r.code ?? r.parent?.code)?.startsWith('13'), `${r.name} ${r.code}`).toBe(true);

    // The seeds name places in other provinces (seed 004: 成都市, 南宁市 …), so the filter is doing work.
    const elsewhere = await postGraphQL(server.url, REGIONS_OF_HEBEI, { within: '四川省' });
    const names = (elsewhere.body.data.regions as Array<{ name: string }>).map((r) => r.name);
    expect(names).toContain('成都市');
    expect(names).not.toContain('石家庄市');
  });

  it('finds a region by its short form as well (河北)', async () => {
    const { body } = await postGraphQL(server.url, REGIONS_OF_HEBEI, { within: '河北' });
    expect((body.data.regions as Array<{ name: string }>).map((r) => r.name)).toContain('藁城区');
  });

  it('ingesting the seeds again changes nothing', async () => {
    const before = await graphCounts(graph);
    const summary = await ingestPaths(graph, ['seeds']);
    expect(summary.nodesCreated).toBe(0);
    expect(summary.relationshipsCreated).toBe(0);
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('reports an unknown region and malformed GraphQL as GraphQL errors, not crashes', async () => {
    const none = await postGraphQL(server.url, REGIONS_OF_HEBEI, { within: '"; MATCH (n) DETACH DELETE n //' });
    expect(none.body.data.regions).toEqual([]);
    expect((await graphCounts(graph)).nodes).toBeGreaterThan(0);

    const malformed = await postGraphQL(server.url, '{ regions(within: ) { name ');
    expect(malformed.body.data).toBeUndefined();
    expect(malformed.body.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('serves GraphiQL with the regions query ready, and a health probe', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('HebeiDistrictReformsAffectingApprovalTime');
    const health = await fetch(server.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });
});
