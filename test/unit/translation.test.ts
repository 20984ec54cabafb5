// Translation tests, after @neo4j/graphql's TCK: GraphQL in, Cypher and parameters out, compared
// with committed snapshots (test/unit/translation/*.cypher), without a database. The schema's own
// resolvers run against a recorder that keeps every statement it is given and answers no rows;
// what a statement returns is the integration tests' business (test/integration/api.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { execute, parse, validate } from 'graphql';
import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { affects, inRegion, where, type Filter } from '../../src/graph/filters.js';
import { REGION_IDS_NAMED } from '../../src/graph/read.js';
import { createLoaders } from '../../src/loaders/index.js';
import { schema } from '../../src/schema/index.js';

interface Recorded {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Stands in for `Graph` where statements are run; keeps them, answers none but the region lookup,
 * which names one region (`region:` and the name) so that the statement using it shows its ids.
 */
function statementRecorder() {
  const statements: Recorded[] = [];
  const tx = {
    run: async (text: string, params: Record<string, unknown> = {}) => {
      statements.push({ text, params });
      if (text !== REGION_IDS_NAMED) return { records: [] };
      return { records: [{ get: () => [`region:${String(params.name ?? params.code)}`] }] };
    },
  };
  const graph = {
    transactions: 0,
    read: async <T>(work: (t: typeof tx) => Promise<T>) => work(tx),
    readShared: async (text: string, params: Record<string, unknown>) => (await tx.run(text, params)).records,
    readStatement: async (text: string, params: Record<string, unknown>) => (await tx.run(text, params)).records,
    readRemembered: <T>(_key: string, _ttl: number, read: () => Promise<T>) => read(),
  };
  return { graph: graph as unknown as Graph, statements };
}

/** Parameters as the snapshot shows them: integers (SKIP, LIMIT) marked, keys sorted. */
const showParams = (params: Record<string, unknown>) =>
  JSON.stringify(
    Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))),
    (_key, value: unknown) => (isInt(value) ? `int(${value.toString()})` : value),
    2,
  );

/**
 * Runs a document through the schema and returns what Neo4j would have been sent, as snapshot text.
 * `needsRows`: resolvers that fail on an empty answer (the statistics are one row, always).
 */
async function translate(query: string, variables: Record<string, unknown> = {}, needsRows = false): Promise<string> {
  const document = parse(query);
  const errors = validate(schema, document);
  expect(errors.map((e) => e.message)).toEqual([]);
  const { graph, statements } = statementRecorder();
  const result = await execute({ schema, document, variableValues: variables, contextValue: { graph, loaders: createLoaders(graph), apiKeyAccepted: false } });
  if (!needsRows) expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
  return statements.map((s, i) => `// statement ${i + 1}\n${s.text.trim()}\n// params\n${showParams(s.params)}\n`).join('\n');
}

const snapshot = (name: string) => `translation/${name}.cypher`;

describe('the docs/queries examples', () => {
  const examples = readdirSync('docs/queries').filter((f) => f.endsWith('.graphql'));
  it.each(examples)('%s', async (file) => {
    await expect(await translate(readFileSync(`docs/queries/${file}`, 'utf8'), {}, file.includes('stats'))).toMatchFileSnapshot(snapshot(file.replace(/\.graphql$/u, '')));
  });
});

/** Each filter of each root list, alone, with the fields that make a walk below. */
const FILTERS: Array<[string, string]> = [
  ['programs-region-within', 'programs(where: { region: { within: "河北省" } }) { edges { node { name } } }'],
  ['programs-region-levels', 'programs(where: { region: { levels: [DISTRICT] } }) { edges { node { name } } }'],
  ['programs-affects', 'programs(where: { affects: [APPROVAL_TIME, COST] }) { edges { node { name } } }'],
  ['programs-agency', 'programs(where: { agency: "石家庄市行政审批局" }) { edges { node { name } } }'],
  ['programs-category', 'programs(where: { category: "approval" }) { edges { node { name } } }'],
  ['programs-kind', 'programs(where: { kind: MODEL }) { edges { node { name } } }'],
  ['programs-name', 'programs(where: { name: "一网通办" }) { edges { node { name } } }'],
  ['programs-since-until', 'programs(where: { since: "2024-01-01", until: "2024-12-31" }) { edges { node { name } } }'],
  ['programs-order-outcomes', 'programs(orderBy: OUTCOMES_DESC, first: 5) { edges { node { name } } }'],
  ['programs-order-date', 'programs(orderBy: DATE_DESC, first: 5, after: "T2Zmc2V0Q29ubmVjdGlvbjo0") { edges { node { name } } }'],
  ['outcomes-all-filters', 'outcomes(where: { region: { within: "13", levels: [CITY] }, indicators: [APPROVAL_TIME], program: "三证齐发", status: [TARGET], since: "2024-01-01" }) { edges { node { subject } } }'],
  ['outcomes-order-date', 'outcomes(orderBy: DATE_DESC) { edges { node { subject } } }'],
  ['agencies-all-filters', 'agencies(where: { region: { within: "石家庄市" }, kind: DEPARTMENT, name: "审批" }) { edges { node { name } } }'],
  ['officials-all-filters', 'officials(where: { region: { levels: [CITY] }, agency: "石家庄市人民政府", title: "市长", name: "王" }) { edges { node { name } } }'],
  ['policies-filters', 'policies(where: { region: { within: "河北省" }, name: "条例" }) { edges { node { name } } }'],
  ['enterprises-filters', 'enterprises(where: { name: "集团" }) { edges { node { name } } }'],
  ['articles-filters', 'articles(where: { since: "2023-01-01", until: "2023-06-30", mentions: "石家庄市" }) { edges { node { title } } }'],
  ['regions-within-levels', 'regions(within: "河北省", levels: [CITY, DISTRICT]) { name parent { name } }'],
  ['region-by-code', 'region(code: "130100") { name ancestors { name } descendants(level: COUNTY, first: 10) { edges { node { name } } } }'],
];

describe('root lists and their filters', () => {
  it.each(FILTERS)('%s', async (name, selection) => {
    await expect(await translate(`{ ${selection} }`)).toMatchFileSnapshot(snapshot(name));
  });
});

describe('the selection tree', () => {
  it('pushes nested pages into the statement: first/after become SKIP/LIMIT parameters', async () => {
    const text = await translate(`{ indicators: programs(first: 2) { edges { node {
      outcomes(first: 5) { edges { node { subject } } }
      later: outcomes(first: 5, after: "T2Zmc2V0Q29ubmVjdGlvbjo0") { edges { node { subject } } }
      regions(first: 100) { edges { node { name programs(first: 100) { edges { node { name } } } } } }
    } } } }`);
    await expect(text).toMatchFileSnapshot(snapshot('nested-pages'));
    expect(text).toContain('"n_1_limit": "int(6)"'); // first 5, one more to know whether there is a next page
    expect(text).toContain('"n_1_offset": "int(5)"'); // after the cursor of offset 4
    expect(text).toContain('"n_2_0_limit": "int(101)"'); // a page inside a page
  });

  it('honours @skip and @include, with variables', async () => {
    const query = `query ($withAgencies: Boolean!) { programs { edges { node {
      agencies @include(if: $withAgencies) { edges { node { name } } }
      policies @skip(if: true) { edges { node { name } } }
      regions @skip(if: false) { edges { node { name } } }
    } } } }`;
    const without = await translate(query, { withAgencies: false });
    expect(without).not.toContain('RUN_BY');
    expect(without).not.toContain('BASED_ON');
    expect(without).toContain('IMPLEMENTED_IN');
    expect(await translate(query, { withAgencies: true })).toContain('RUN_BY');
  });

  it('follows fragments only for the types their conditions name', async () => {
    const text = await translate(`{ regions(within: "河北省") {
      ... on Entity { articles(first: 1) { edges { node { title } } } }
      ... on Region { parent { name } }
      ...OfficialOnly
    } }
    fragment OfficialOnly on Entity { ... on Official { roles { title } } }`);
    expect(text).toContain('MENTIONS');
    expect(text).toContain('PART_OF]->(n_');
    expect(text).not.toContain('HOLDS');
  });

  it('reads provenance only when the operation asks for evidence somewhere, a role\'s title always', async () => {
    const roles = '{ officials { edges { node { roles { title } } } } }';
    const lean = await translate(roles);
    expect(lean).toContain('support: n_0_r {.title}');
    expect(lean).not.toContain('properties(');
    const programs = '{ programs { edges { node { outcomes { edges { node { subject } } } regions { edges { node { name } } } } } } }';
    expect(await translate(programs)).not.toMatch(/evidenceArticles|support/u);
    // Evidence anywhere in the operation (another root, a fragment, under an alias) reads it everywhere:
    // the loaders are shared, and a walk primed without it must not answer a field that shows it.
    for (const elsewhere of [
      `{ a: ${roles.slice(1, -1)} b: outcomes(first: 1) { edges { node { evidence { sentence } } } } }`,
      `{ officials { edges { node { ...Said } } } } fragment Said on Official { roles { title proof: evidence { sentence } } }`,
    ]) {
      const text = await translate(elsewhere);
      expect(text).toContain('support: properties(n_0_r)');
      expect(text).not.toContain('{.title}');
    }
    const withEvidence = await translate('{ programs { edges { node { outcomes { edges { node { evidence { sentence } } } } regions { edges { evidence { sentence } } } } } } }');
    expect(withEvidence).toContain('evidenceArticles: [(evidenceArticle:Article)-[:MENTIONS]->(n_0)');
    expect(withEvidence).toContain('support: properties(n_1_r)');
  });

  it('says nothing of levels it was not given (a filter on a null parameter still costs planning)', async () => {
    const without = await translate('{ regions(within: "河北省") { name descendants { edges { node { name } } } } programs(where: { region: { within: "河北省" } }) { edges { node { name } } } }');
    expect(without).not.toMatch(/level/u);
    const withLevels = await translate('{ regions(within: "河北省", levels: [CITY]) { name descendants(level: COUNTY) { edges { node { name } } } } }');
    expect(withLevels).toContain('WHERE n.level IN $levels');
    expect(withLevels).toContain('WHERE n_0.level = $n_0_level');
    expect(withLevels).toContain('"n_0_level": "COUNTY"');
  });

  it('gives the same text whatever the order of the fields and the page sizes, so that Neo4j plans it once', async () => {
    const a = await translate('{ programs(first: 3) { edges { node { agencies(first: 2) { edges { node { name } } } regions { edges { node { name } } } } } } }');
    const b = await translate('{ programs(first: 9) { edges { node { regions(first: 7) { edges { node { name } } } agencies { edges { node { name } } } } } } }');
    const textOf = (s: string) => s.replace(/\/\/ params[\s\S]*$/u, '');
    expect(textOf(a)).toBe(textOf(b));
  });

  it('reads a walk asked twice with the same arguments (aliases, fragments) once', async () => {
    const text = await translate('{ programs { edges { node { a: agencies { edges { node { name } } } b: agencies { edges { node { kind } } } ... on Program { agencies { edges { node { id } } } } } } } }');
    expect(text.match(/RUN_BY/gu)).toHaveLength(1);
  });
});

describe('parameter names', () => {
  it('fail loudly when two filters choose the same one', () => {
    const clash: Filter = { cypher: 'n.kind = $within', params: { within: 'x' } };
    expect(() => where(inRegion('Program', { within: '河北省' }), clash)).toThrow(/\$within is set twice/u);
  });

  it('do not clash among the filters of one root list', () => {
    expect(() => where(inRegion('Program', { within: '河北省', levels: ['CITY'] }), affects(['COST']))).not.toThrow();
  });
});
