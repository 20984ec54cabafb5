import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { HEADLINE_QUERY } from '../../src/schema/headline.js';
import { MAX_PREFETCHED_WALKS } from '../../src/schema/lookahead.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { errorCode as code, postGraphQL, resetGraph, testGraph, writeCorpus } from '../helpers.js';

const API_KEY = 'test-key-0123456789abcdef';
const QUERIES_DIR = 'docs/queries';

/** A reform in a district outside Hebei: the headline must not return it, 河南省 must. */
const JINSHUI = `---
title: 金水区推行拿地即开工
url: https://news.invalid/jinshui
---
郑州市金水区行政审批局推行“拿地即开工”，工程建设项目审批时间由100天压缩至30天。
下一步，金水区力争到2026年底将工程建设项目审批时间压缩至20个工作日以内。`;

const CONNECTION_OF = (node: string) => `edges { node { ${node} } }`;

describe('the GraphQL API over HTTP, on a real Neo4j', () => {
  let graph: Graph;
  let server: RunningServer;
  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => postGraphQL(server.url, query, variables, headers);

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    const dir = mkdtempSync(join(tmpdir(), 'reform-graph-api-'));
    writeFileSync(join(dir, 'jinshui.txt'), JINSHUI);
    writeCorpus(join(dir, 'corpus'), 60, 3);
    const summary = await ingestPaths(graph, ['seeds', dir]);
    expect(summary.failed).toEqual([]);
    server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0, apiKey: API_KEY });
  });

  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('answers the headline traversal: 三证齐发 in 石家庄经济技术开发区 with its evidence, nothing outside Hebei', async () => {
    const { body } = await post(HEADLINE_QUERY);
    expect(body.errors).toBeUndefined();
    const programs = body.data.programs.edges.map((e: any) => e.node);
    const sanZheng = programs.find((p: any) => p.name === '三证齐发');
    expect(sanZheng).toBeDefined();
    const regions = sanZheng.regions.edges.map((e: any) => e.node.name);
    expect(regions.some((r: string) => ['藁城区', '石家庄经济技术开发区'].includes(r))).toBe(true);
    expect(sanZheng.regions.edges[0].evidence[0].sentence).toContain('三证齐发');
    const approval = sanZheng.outcomes.edges.map((e: any) => e.node).find((o: any) => o.indicator.name === 'APPROVAL_TIME');
    expect(approval.after).toMatchObject({ value: 2, unit: '工作日' });
    expect(approval.evidence[0].sentence).toContain('2个工作日内');
    expect(approval.evidence[0].article.title).toBeTruthy();

    // Every program returned is placed in Hebei, at district, county or zone level.
    const placed = await post(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Program { regions { edges { node { level ancestors { name } } } } } } }`,
      { ids: programs.map((p: any) => p.id) },
    );
    for (const p of placed.body.data.nodes) {
      const inHebei = p.regions.edges.filter((e: any) => e.node.ancestors.some((a: any) => a.name === '河北省') && ['DISTRICT', 'COUNTY', 'ZONE'].includes(e.node.level));
      expect(inHebei.length).toBeGreaterThan(0);
    }
    const henan = await post(`{ programs(where: { region: { within: "河南省", levels: [DISTRICT] }, affects: [APPROVAL_TIME] }) { ${CONNECTION_OF('name regions { edges { node { name } } }')} } }`);
    const jinshui = henan.body.data.programs.edges.map((e: any) => e.node).filter((p: any) => p.regions.edges.some((r: any) => r.node.name === '金水区'));
    expect(jinshui.map((p: any) => p.name)).toContain('拿地即开工');
    const hebeiIds = new Set(programs.map((p: any) => p.id));
    for (const p of henan.body.data.programs.edges) expect(hebeiIds.has(p.node.id)).toBe(false);
  });

  it('tells a planned outcome (TARGET) from an achieved one', async () => {
    const { body } = await post(`{ outcomes(first: 100, where: { region: { within: "金水区" } }) { ${CONNECTION_OF('status after { value unit }')} } }`);
    expect(body.errors).toBeUndefined();
    const outcomes = body.data.outcomes.edges.map((e: any) => e.node);
    expect(outcomes).toContainEqual({ status: 'TARGET', after: { value: 20, unit: '工作日' } });
    expect(outcomes).toContainEqual({ status: 'ACHIEVED', after: { value: 30, unit: '天' } });

    const only = async (status: string) => {
      const { body } = await post(`{ outcomes(first: 100, where: { region: { within: "金水区" }, status: [${status}] }) { ${CONNECTION_OF('status')} } }`);
      expect(body.errors).toBeUndefined();
      return body.data.outcomes.edges.map((e: any) => e.node.status);
    };
    const targets = await only('TARGET');
    const achieved = await only('ACHIEVED');
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['TARGET']));
    expect(new Set(achieved)).toEqual(new Set(['ACHIEVED']));
    expect(targets.length + achieved.length).toBe(outcomes.length);
  });

  it('runs every example of docs/queries without errors', async () => {
    const files = readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const file of files) {
      const { status, body } = await post(readFileSync(join(QUERIES_DIR, file), 'utf8'));
      expect(status, file).toBe(200);
      expect(body.errors, file).toBeUndefined();
      const [first] = Object.values(body.data as Record<string, unknown>);
      expect(first, file).not.toBeNull();
    }
  });

  it('resolves relation fields with a fixed number of round trips, however many results', async () => {
    const selection = `name
      regions { edges { node { name parent { name } ancestors { name } } evidence { sentence article { title } } } }
      agencies { edges { node { name region { name } } } }
      outcomes { edges { node { subject indicator { name } region { name } evidence { sentence article { date } } } } }`;
    const roundTrips = async (query: string, variables: Record<string, unknown> = {}) => {
      const before = graph.transactions;
      const { body } = await post(query, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return { trips: graph.transactions - before, body };
    };
    const list = (first: number) => `{ programs(orderBy: OUTCOMES_DESC, first: ${first}) { edges { node { id ${selection} } } } }`;
    // A root list reads its page and the relations below it in one statement, from the first
    // request of a shape on. Both pages hold every kind of branch (agencies, regions with parents, outcomes).
    const few = await roundTrips(list(8));
    const many = await roundTrips(list(100));
    const results = (r: typeof few) => r.body.data.programs.edges.length as number;
    expect(results(many)).toBeGreaterThanOrEqual(3 * results(few));
    expect(few.trips).toBe(1);
    expect(many.trips).toBe(1);
    // The loaders alone (a lookup by ids): one statement per field and level, however many parents.
    const ids = many.body.data.programs.edges.map((e: any) => e.node.id as string);
    const byIds = (n: number) => roundTrips(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Program { ${selection} } } }`, { ids: ids.slice(0, n) });
    const [fewById, manyById] = [await byIds(8), await byIds(ids.length)];
    expect(manyById.trips, JSON.stringify({ few: fewById.trips, many: manyById.trips })).toBe(fewById.trips);
    expect(manyById.trips).toBeLessThanOrEqual(14);
  });

  it('answers the headline traversal in one transaction', async () => {
    const before = graph.transactions;
    const { body } = await post(HEADLINE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data.programs.edges.length).toBeGreaterThan(0);
    expect(graph.transactions - before).toBe(1);
  });

  it('reads the same relations along with a root list as the loaders read one field at a time', async () => {
    // Wider than MAX_PREFETCHED_WALKS: the first walks come with the page, the rest through loaders.
    const selection = `id name
      regions(first: 10) { edges { node { name code parent { name parent { name } } children(first: 10) { edges { node { name } } } agencies(first: 10) { edges { node { name } } }
                               officials(first: 10) { edges { node { name } } } enterprises(first: 10) { edges { node { name } } } } evidence { sentence article { title } } } }
      agencies(first: 10) { edges { node { name region { name } parent { name } branches(first: 10) { edges { node { name } } } officials(first: 10) { edges { node { name } } }
                                policies(first: 10) { edges { node { name } } } programs(first: 10) { edges { node { name } } } } } }
      policies { edges { node { name } } }
      outcomes { edges { node { subject region { name } program { name } articles { edges { node { title } } } evidence { sentence article { date } } } } }
      articles { edges { node { title } } }
      evidence { sentence }`;
    const walks = selection.match(/\b(regions|parent|children|agencies|officials|enterprises|region|branches|policies|programs|outcomes|program|articles|evidence)\b/gu)!;
    expect(new Set(walks).size).toBeGreaterThan(MAX_PREFETCHED_WALKS);
    const list = `{ programs(orderBy: OUTCOMES_DESC, first: 30) { edges { node { ${selection} } } } }`;
    const listed = await post(list); // the first walks read along with the page
    expect(listed.body.errors).toBeUndefined();
    const programs = listed.body.data.programs.edges.map((e: any) => e.node);
    expect(programs.length).toBe(30);
    const loaded = await post(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Program { ${selection} } } }`, { ids: programs.map((p: any) => p.id) });
    expect(loaded.body.errors).toBeUndefined();
    expect(loaded.body.data.nodes).toEqual(programs);
  });

  it('answers the same whether or not the operation asks for evidence (provenance is read only then)', async () => {
    const roles = 'officials(first: 30) { edges { node { id name roles { title at { ... on Region { name } ... on Agency { name } } } } } }';
    const relatives = 'programs(orderBy: OUTCOMES_DESC, first: 20) { edges { node { name regions { edges { node { name } } } outcomes { edges { node { subject } } } } } }';
    const lean = await post(`{ ${roles} ${relatives} }`);
    expect(lean.body.errors).toBeUndefined();
    const titles = lean.body.data.officials.edges.flatMap((e: any) => e.node.roles.map((r: any) => r.title));
    expect(titles.filter((t: string) => t.length > 0).length).toBeGreaterThan(5); // role titles come without provenance
    // The same fields, and evidence on one of them: now every walk reads provenance.
    const full = await post(`{ ${roles} ${relatives} evidence: outcomes(first: 1) { edges { node { evidence { sentence } } } } }`);
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.officials).toEqual(lean.body.data.officials);
    expect(full.body.data.programs).toEqual(lean.body.data.programs);
    expect(full.body.data.evidence.edges[0].node.evidence[0].sentence).toBeTruthy();
  });

  it('lists articles newest first, undated ones last', async () => {
    const { body } = await post(`{ articles(first: 100) { edges { node { date } } } }`);
    const dates: Array<string | null> = body.data.articles.edges.map((e: any) => e.node.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(dates.length).toBeGreaterThan(dated.length); // some seeds carry no date
    expect(dates.slice(0, dated.length)).toEqual(dated);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it('finds nodes by global id, and every entity traces back to articles and sentences', async () => {
    const { body } = await post(`{ agencies(where: { name: "石家庄市行政审批局" }) { edges { node { id name } } } }`);
    const agency = body.data.agencies.edges[0].node;
    const looked = await post(`query ($id: ID!) { node(id: $id) { id ... on Agency { name kind region { name } articles { edges { node { title } } } evidence { sentence article { id } } } } }`, {
      id: agency.id,
    });
    expect(looked.body.data.node).toMatchObject({ id: agency.id, name: '石家庄市行政审批局', kind: 'DEPARTMENT', region: { name: '石家庄市' } });
    expect(looked.body.data.node.articles.edges.length).toBeGreaterThan(0);
    expect(looked.body.data.node.evidence[0].sentence).toContain('行政审批局');
    const missing = await post(`{ node(id: "QWdlbmN5OmFnZW5jeTpub3BlIQ==") { id } }`);
    expect(missing.body.data?.node ?? null).toBeNull();
  });

  it('searches any text safely: Lucene syntax is text, empty text is a clear error', async () => {
    const { body } = await post(`{ search(text: "石家庄市行政审批局", types: [Agency]) { score node { ... on Agency { name } } } }`);
    expect(body.data.search[0].node.name).toBe('石家庄市行政审批局');
    // The CJK analyzer matches parts of names: 审批局 finds every approval bureau.
    const partial = await post(`{ search(text: "审批局", types: [Agency], first: 100) { node { ... on Agency { name } } } }`);
    expect(partial.body.data.search.map((h: any) => h.node.name)).toContain('石家庄市行政审批局');
    const typed = await post(`{ search(text: "石家庄", types: [Region]) { node { __typename } } }`);
    expect(new Set(typed.body.data.search.map((h: any) => h.node.__typename))).toEqual(new Set(['Region']));
    for (const hostile of ['"OR 1=1', 'a AND (', '\\', '*?~:/', 'name:石家庄 OR *', ']]}}{{']) {
      const r = await post(`query ($t: String!) { search(text: $t) { score } }`, { t: hostile });
      expect(r.body.errors, hostile).toBeUndefined();
    }
    const empty = await post(`{ search(text: "   ") { score } }`);
    expect(empty.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts the graph by type, indicator and region', async () => {
    const { body } = await post(`{ stats { byType { key count } byIndicator { key count } byRegion { region { name } programs } } }`);
    const byType = Object.fromEntries(body.data.stats.byType.map((c: any) => [c.key, c.count]));
    expect(byType.Article).toBe(66);
    expect(byType.Program).toBeGreaterThan(50);
    expect(body.data.stats.byIndicator.find((c: any) => c.key === 'APPROVAL_TIME').count).toBeGreaterThan(0);
    expect(body.data.stats.byRegion.length).toBeGreaterThan(0);
  });

  it('walks a path of facts and exports a subgraph in four formats', async () => {
    const path = await post(`{ path(from: "agency:石家庄市行政审批局", to: "region:13") { nodes { ... on Entity { name } } edges { type evidence { sentence } } } }`);
    expect(path.body.data.path.nodes.map((n: any) => n.name)).toEqual(['石家庄市行政审批局', '石家庄市', '河北省']);
    expect(path.body.data.path.edges.map((e: any) => e.type)).toEqual(['LOCATED_IN', 'PART_OF']);
    expect(path.body.data.path.edges[0].evidence.length).toBeGreaterThan(0);

    const exported = await post(`{ subgraph(root: "region:130109", depth: 1) { nodes { id } edges { type }
      json: export(format: JSON) graphml: export(format: GRAPHML) cypher: export(format: CYPHER) csv: export(format: CSV) } }`);
    const s = exported.body.data.subgraph;
    const json = JSON.parse(s.json);
    expect(json.nodes).toHaveLength(s.nodes.length);
    expect(json.edges).toHaveLength(s.edges.length);
    expect(s.graphml).toMatch(/^<\?xml[\s\S]*<graphml[\s\S]*<node id="region:130109">/u);
    expect(s.cypher.split('\n').filter(Boolean).every((l: string) => /^(MERGE|MATCH) /u.test(l))).toBe(true);
    expect(s.csv.split('\n')[0]).toBe('kind,id,label,name,from,to,type');
    expect((await post(`{ subgraph(root: "region:nope") { nodes { id } } }`)).body.data.subgraph).toBeNull();
  });

  it('guards mutations with an API key and answers bad input with typed errors', async () => {
    const ingest = `mutation ($text: String!) { ingestArticle(input: { text: $text, url: "https://news.invalid/m" }) {
      __typename ... on MutationIngestArticleSuccess { data { status article { id title } } } ... on Error { message } } }`;
    const text = '---\ntitle: 南京推行不见面审批\n---\n南京市江宁区行政审批局推行“不见面审批”，审批时间由20天压缩至5天。';
    const denied = await post(ingest, { text });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrongKey = await post(ingest, { text }, { authorization: 'Bearer wrong-key-0123456789' });
    expect(wrongKey.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const auth = { authorization: `Bearer ${API_KEY}` };
    const created = await post(ingest, { text }, auth);
    expect(created.body.data.ingestArticle.data.status).toBe('NEW');
    expect((await post(ingest, { text }, { 'x-api-key': API_KEY })).body.data.ingestArticle.data.status).toBe('UNCHANGED');
    const bad = await post(ingest, { text: '   ' }, auth);
    expect(bad.body.data.ingestArticle).toMatchObject({ __typename: 'InvalidArticleError' });

    const retract = `mutation ($id: ID!) { retractArticle(id: $id) { __typename ... on MutationRetractArticleSuccess { data { articleId nodesDeleted } } ... on Error { message } } }`;
    const removed = await post(retract, { id: created.body.data.ingestArticle.data.article.id }, auth);
    expect(removed.body.data.retractArticle.data.nodesDeleted).toBeGreaterThan(0);
    const again = await post(retract, { id: 'article:0000000000000000' }, auth);
    expect(again.body.data.retractArticle.__typename).toBe('ArticleNotFoundError');
  });

  it('filters regions by where, and asks for a region when none is given', async () => {
    const { body } = await post(`{ regions(where: { within: "河北", levels: [DISTRICT, ZONE] }) { name level } region(code: "1301") { name descendants(level: DISTRICT) { edges { node { name } } } } }`);
    expect(body.data.regions.length).toBeGreaterThan(3);
    expect(new Set(body.data.regions.map((r: any) => r.level))).toEqual(new Set(['DISTRICT', 'ZONE']));
    expect(body.data.region.descendants.edges.map((e: any) => e.node.name)).toContain('藁城区');
    expect(code((await post('{ regions { name } }')).body)).toBe('BAD_USER_INPUT');
    // Levels alone, and a region with other filters: the same programs either way they are found.
    const zones = await post(`{ programs(where: { region: { levels: [ZONE] } }, first: 100) { edges { node { regions { edges { node { level } } } } } } }`);
    expect(zones.body.data.programs.edges.length).toBeGreaterThan(0);
    for (const e of zones.body.data.programs.edges) expect(e.node.regions.edges.map((r: any) => r.node.level)).toContain('ZONE');
    const named = await post(`{ programs(where: { region: { within: "石家庄市" }, name: "三证齐发" }) { edges { node { name } } } }`);
    expect(named.body.data.programs.edges.map((e: any) => e.node.name)).toEqual(['三证齐发']);
  });

  it('caps pages at 100 and pages with cursors', async () => {
    const { body } = await post(`{ regions(within: "河北省") { name } programs(first: 1000) { edges { cursor } pageInfo { hasNextPage endCursor } } }`);
    expect(body.data.programs.edges.length).toBeLessThanOrEqual(100);
    const first = await post(`{ programs(first: 2) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`);
    const next = await post(`query ($after: String) { programs(first: 2, after: $after) { edges { node { id } } } }`, { after: first.body.data.programs.pageInfo.endCursor });
    const ids = [...first.body.data.programs.edges, ...next.body.data.programs.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
  });
});

