import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIST_ROWS, rowsRead } from '../../src/cost.js';
import { MAX_SUBGRAPH_NODES } from '../../src/graph/read.js';
import { schema } from '../../src/schema/index.js';
import { LIMITS } from '../../src/server.js';

const names = (selection = 'name') => `edges { node { ${selection} } }`;
/** Region.children nested `levels` deep, each a page of `first`. */
const children = (levels: number, first: string) => {
  let selection = 'name';
  for (let i = 0; i < levels; i++) selection = `children(first: ${first}) { ${names(`name ${selection}`)} }`;
  return `region(name: "河北省") { ${selection} }`;
};

describe('rows read: what the query limit counts', () => {
  it.each([
    ['a connection reads its default page', `{ programs { ${names()} } }`, {}, 20],
    ['a connection reads `first`', `{ programs(first: 100) { ${names()} } }`, {}, 100],
    ['`first` is capped at the largest page', `{ programs(first: 500) { ${names()} } }`, {}, 100],
    ['`last` counts like `first`', `{ programs(last: 5) { ${names()} } }`, {}, 5],
    ['a page of 100 inside a page of 100: 100 + 100 × 100', `{ programs(first: 100) { ${names(`regions(first: 100) { ${names()} }`)} } }`, {}, 10_100],
    ['three levels of 100', `{ ${children(3, '100')} }`, {}, 1_010_100],
    ['pages from variables', `query ($n: Int) { ${children(2, '$n')} }`, { n: 10 }, 110],
    ['variables with defaults', `query ($n: Int = 3) { ${children(2, '$n')} }`, {}, 12],
    [
      'nested pages in named fragments',
      `{ programs(first: 100) { edges { node { ...Places } } } } fragment Places on Program { regions(first: 100) { ${names()} } }`,
      {},
      10_100,
    ],
    ['nested pages in an inline fragment of a union/interface', `{ search(text: "审批", first: 10) { node { ... on Program { outcomes(first: 10) { ${names('subject')} } } } } }`, {}, 110],
    ['@skip(if: true) drops what it skips', `{ programs(first: 100) { ${names(`regions(first: 100) @skip(if: true) { ${names()} }`)} } }`, {}, 100],
    ['@include(if: $x) with x false drops it too', `query ($x: Boolean!) { programs(first: 100) { ${names(`regions(first: 100) @include(if: $x) { ${names()} }`)} } }`, { x: false }, 100],
    ['aliases are counted each', `{ a: programs(first: 10) { ${names()} } b: programs(first: 30) { ${names()} } }`, {}, 40],
    ['scalars and single objects come with their row', `{ region(name: "藁城区") { name code parent { name parent { name } } } }`, {}, 0],
    ['lists of scalars come with their row', `{ programs(first: 10) { ${names('aliases categories')} } }`, {}, 10],
    ['regions(within:) is a province subtree, ancestors a few', `{ regions(within: "河北省") { name ancestors { name } } }`, {}, LIST_ROWS.regionsWithin * (1 + LIST_ROWS.ancestors)],
    [
      'evidence: a few sentences per fact, more per entity',
      `{ programs(first: 10) { ${names(`evidence { sentence article { title } } regions(first: 2) { edges { evidence { sentence } } }`)} } }`,
      {},
      10 * (1 + LIST_ROWS.mentionEvidence + 2 * (1 + LIST_ROWS.factEvidence)),
    ],
    ['nodes(ids:) reads as many rows as ids', `{ nodes(ids: ["a", "b", "c"]) { id } }`, {}, 3],
    ['nodes(ids:) from a variable, at most 1000', `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 1500 }, (_, i) => `p${i}`) }, 1000],
    ['other lists of objects count as a page', `{ stats(top: 5) { byRegion { programs } byType { key } } }`, {}, 2 * LIST_ROWS.other],
    ['a subgraph, up to its node cap', `{ subgraph(root: "region:13") { nodes { id } } }`, {}, MAX_SUBGRAPH_NODES],
  ])('%s', (_what, query, variables, expected) => {
    // A field the schema lacks would be skipped, not counted: every document here is valid.
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    expect(rowsRead(schema, parse(query), variables)).toBe(expected);
  });

  it('counts only the operation asked for', () => {
    const document = parse(`query Small { programs(first: 1) { ${names()} } } query Large { ${children(3, '100')} }`);
    expect(rowsRead(schema, document, {}, 'Small')).toBe(1);
    expect(rowsRead(schema, document, {}, 'Large')).toBe(1_010_100);
  });

  it('throws on fragments spread over and over, rather than counting for ever', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Region { ${i < 29 ? `...F${i + 1} ...F${i + 1}` : 'name'} }`).join('\n');
    expect(() => rowsRead(schema, parse(`{ region(name: "x") { ...F0 } }\n${fragments}`))).toThrow(/maximum allowed number of nodes/u);
  });

  it('lets every documented query and GraphiQL introspection through, and refuses a third nested page of 100', () => {
    const folder = join(import.meta.dirname, '../../docs/queries');
    const costs = Object.fromEntries(readdirSync(folder).map((file) => [file, rowsRead(schema, parse(readFileSync(join(folder, file), 'utf8')))]));
    for (const [file, cost] of Object.entries(costs)) expect(cost, file).toBeLessThanOrEqual(LIMITS.maxRowsRead);
    // 20 programs, each with 20 regions and 20 outcomes (5 evidence sentences each) and 20 agencies.
    expect(costs['01-headline.graphql']).toBe(20 * (1 + 20 * (1 + 5) + 20 + 20 * (1 + 5)));
    expect(rowsRead(schema, parse(getIntrospectionQuery()))).toBeLessThanOrEqual(LIMITS.maxRowsRead);
    expect(rowsRead(schema, parse(`{ ${children(2, '100')} }`))).toBeLessThanOrEqual(LIMITS.maxRowsRead);
    expect(rowsRead(schema, parse(`{ ${children(3, '100')} }`))).toBeGreaterThan(LIMITS.maxRowsRead);
  });
});
