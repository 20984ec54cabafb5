import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { createLoaders } from '../../src/loaders/index.js';
import { builder } from '../../src/schema/builder.js';
import { loadWalk, walkConnection, walkExtension, walkOne } from '../../src/schema/common.js';
import type { Context } from '../../src/schema/context.js';
import { Agency, placeOf, Program, Region } from '../../src/schema/refs.js';

/**
 * Type-level: a walk field's ref must be the type of what its walk reaches (`npm test` runs tsc
 * over this file). Never called: it would add fields to the schema.
 */
export function walkFieldsAreTypedByTheirTarget() {
  builder.objectFields(Program, (t) => ({
    regions: walkConnection(t, Region, 'programRegions', 'typed'),
    // @ts-expect-error programRegions reaches regions, not agencies
    wrongConnection: walkConnection(t, Agency, 'programRegions', 'refused'),
    // @ts-expect-error agencyRegion reaches a region, not a program
    wrongOne: walkOne(t, Program, 'agencyRegion', 'refused'),
  }));
}

const region = { label: 'Region', id: 'region:13', name: '河北省', aliases: [], level: 'PROVINCE', code: '13' };
const policy = { label: 'Policy', id: 'policy:1', name: '意见', aliases: [] };

/** A request context whose graph answers every walk with `items`, as Neo4j would. */
function contextAnswering(items: unknown[]): Context {
  const graph = { readShared: async () => [{ get: (key: string) => (key === 'id' ? 'program:1' : items) }] } as unknown as Graph;
  return { graph, loaders: createLoaders(graph), apiKeyAccepted: false };
}

describe('walks read by the schema', () => {
  it('come back typed as their target', async () => {
    const [reached] = await loadWalk(contextAnswering([{ ...region, support: { articles: ['a:1'], sentences: ['…'] } }]), walkExtension('programRegions', 'all'), {}, 'program:1');
    expect(reached).toMatchObject({ label: 'Region', level: 'PROVINCE', support: { articles: ['a:1'] } });
  });

  it('refuse a node of another label than the walk reaches', async () => {
    await expect(loadWalk(contextAnswering([policy]), walkExtension('programRegions', 'all'), {}, 'program:1')).rejects.toThrow(
      'walk programRegions reached a Policy node (policy:1), not a Region',
    );
  });

  it('take places (HOLDS, ISSUED_BY reach any entity) as regions and agencies only', async () => {
    const issuers = await loadWalk(contextAnswering([region, policy]), walkExtension('policyIssuers', 'all'), {}, 'program:1');
    expect(placeOf(issuers[0]!)).toMatchObject({ label: 'Region' });
    expect(() => placeOf(issuers[1]!)).toThrow('a place is a region or an agency, not a Policy (policy:1)');
  });
});
