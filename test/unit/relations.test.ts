import { describe, expect, it } from 'vitest';
import { NODE_PROJECTION, projectWithWalks, WALKS } from '../../src/graph/relations.js';

const HEADLINE_TREE = { programRegions: { regionParent: {} }, programAgencies: {}, programOutcomes: { outcomeRegion: {} } };

describe('projectWithWalks', () => {
  it('is the plain node projection without walks', () => {
    expect(projectWithWalks('n', {})).toBe(NODE_PROJECTION('n'));
  });

  it('nests one COLLECT per walk, each bound to its own variables, in the loaders order', () => {
    const cypher = projectWithWalks('n', HEADLINE_TREE);
    expect(cypher.match(/COLLECT \{/gu)).toHaveLength(5);
    expect(cypher).toContain('programRegions: COLLECT { MATCH (n)-[n_0_r:IMPLEMENTED_IN]->(n_0:Region) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id');
    expect(cypher).toContain('regionParent: COLLECT { MATCH (n_0)-[n_0_0_r:PART_OF]->(n_0_0:Region)');
    expect(cypher).toContain('outcomeRegion: COLLECT { MATCH (n_2)-[n_2_0_r:IN_REGION]->(n_2_0:Region)');
    expect(cypher).toContain('support: properties(n_2_0_r)');
    const variables = [...cypher.matchAll(/\((n(?:_\d+)*):/gu)].map((m) => m[1]);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it('draws incoming walks against the arrow', () => {
    expect(WALKS.regionChildren.direction).toBe('in');
    expect(projectWithWalks('r', { regionChildren: {} })).toContain('MATCH (r)<-[r_0_r:PART_OF]-(r_0:Region)');
  });

  it('gives the same text for the same tree, so that Neo4j plans it once', () => {
    expect(projectWithWalks('n', HEADLINE_TREE)).toBe(projectWithWalks('n', structuredClone(HEADLINE_TREE)));
  });
});
