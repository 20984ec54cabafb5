import { describe, expect, it } from 'vitest';
import { nodeProjection, projectWithWalks, requestKey, walkStatement, WALKS, type WalkSelection } from '../../src/graph/relations.js';

const sel = (walk: WalkSelection['walk'], below: WalkSelection[] = [], page: WalkSelection['page'] = { offset: 0, limit: 21 }): WalkSelection => ({ walk, page, provenance: true, supportArticles: false, below });
const HEADLINE_TREE = [sel('programRegions', [sel('regionParent')]), sel('programAgencies'), sel('programOutcomes', [sel('outcomeRegion')])];

describe('projectWithWalks', () => {
  it('is the plain node projection without walks', () => {
    expect(projectWithWalks('n', 'Program', [], {})).toBe(nodeProjection('n', 'Program'));
  });

  it('nests one COLLECT per walk, each bound to its own variables and parameters', () => {
    const params = {};
    const cypher = projectWithWalks('n', 'Program', HEADLINE_TREE, params);
    expect(cypher.match(/COLLECT \{/gu)).toHaveLength(5);
    expect(cypher).toContain('w0: COLLECT { MATCH (n)-[n_0_r:IMPLEMENTED_IN]->(n_0:Region) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit');
    expect(cypher).toContain('w0: COLLECT { MATCH (n_0)-[n_0_0_r:PART_OF]->(n_0_0:Region)');
    expect(cypher).toContain('support: properties(n_2_0_r)');
    const variables = [...cypher.matchAll(/\((n(?:_\d+)*):/gu)].map((m) => m[1]);
    expect(new Set(variables).size).toBe(variables.length);
    expect(Object.keys(params)).toHaveLength(10); // an offset and a limit per walk
  });

  it('draws incoming walks against the arrow', () => {
    expect(WALKS.regionChildren.direction).toBe('in');
    expect(projectWithWalks('r', 'Region', [sel('regionChildren')], {})).toContain('MATCH (r)<-[r_0_r:PART_OF]-(r_0:Region)');
  });

  it('reads a walk of many steps once per node reached, nearest first for ancestors', () => {
    expect(walkStatement({ walk: 'regionAncestors', page: null }).text).toContain('ORDER BY n_0_distance, n_0.id');
    const descendants = walkStatement({ walk: 'regionDescendants', page: null, level: 'COUNTY' });
    expect(descendants.text).toContain('WITH DISTINCT n_0');
    expect(descendants.params).toEqual({ n_0_level: 'COUNTY' });
  });

  it('reads the whole walk without a page, and only the page with one', () => {
    expect(walkStatement({ walk: 'programAgencies', page: null }).text).not.toContain('LIMIT');
    expect(walkStatement({ walk: 'programAgencies', page: { offset: 0, limit: 6 } }).text).toContain('SKIP $n_0_offset LIMIT $n_0_limit');
  });

  it('gives the same text for the same tree, so that Neo4j plans it once', () => {
    expect(projectWithWalks('n', 'Program', HEADLINE_TREE, {})).toBe(projectWithWalks('n', 'Program', structuredClone(HEADLINE_TREE), {}));
  });
});

describe('requestKey', () => {
  it('tells apart what two fields read differently, and only that', () => {
    const keys = [
      requestKey({ walk: 'programAgencies', page: null }),
      requestKey({ walk: 'programAgencies', page: { offset: 0, limit: 6 } }),
      requestKey({ walk: 'programAgencies', page: { offset: 5, limit: 6 } }),
      requestKey({ walk: 'regionDescendants', page: null, level: null }),
      requestKey({ walk: 'regionDescendants', page: null, level: 'CITY' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(requestKey({ walk: 'programAgencies', page: null, level: 'CITY' })).toBe(keys[0]); // agencies take no level
  });
});
