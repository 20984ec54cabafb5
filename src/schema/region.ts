import { GraphQLError } from 'graphql';
import { regionByCodeOrName, regionsWithin } from '../graph/read.js';
import { REGION_LEVELS } from '../model/index.js';
import { builder } from './builder.js';
import { loadWalk, walkConnection, walkExtension, walkOne } from './common.js';
import { readAndPrime } from './lookahead.js';
import { walkConnectionPage } from './paging.js';
import { Agency, Enterprise, Entity, isLabel, Official, Outcome, Program, Region } from './refs.js';

export const RegionLevel = builder.enumType('RegionLevel', {
  description: 'Administrative level: GB/T 2260 province, prefecture-level city, district, county (or county-level city), development zone.',
  values: REGION_LEVELS,
});

export const RegionFilter = builder.inputType('RegionFilter', {
  description: 'Where something is: within a region (by name, alias such as 河北, code or id), at some levels.',
  fields: (t) => ({
    within: t.string({ required: false, description: 'A region by name (河北省), alias (河北), GB/T 2260 code (13) or id; its whole subtree counts. What a name names is kept for 5 s: a region or alias added by another process (such as `kg ingest`) is found by name within 5 s.' }),
    levels: t.field({ type: [RegionLevel], required: false, description: 'Only places at these levels.' }),
  }),
});

const ANCESTORS = walkExtension('regionAncestors', 'all');
const DESCENDANTS = walkExtension('regionDescendants', 'page');

Region.implement({
  description: 'A province, city, district, county or development zone.',
  interfaces: [Entity],
  isTypeOf: isLabel('Region'),
  fields: (t) => ({
    level: t.field({ type: RegionLevel, resolve: (r) => r.level }),
    code: t.string({ nullable: true, description: 'GB/T 2260 code, when the region has one (a zone the gazetteer lacks has none).', resolve: (r) => r.code }),
    parent: walkOne(t, Region, 'regionParent', 'The region this one is part of.'),
    ancestors: t.field({
      type: [Region],
      description: 'Every region this one is part of, nearest first.',
      extensions: ANCESTORS,
      resolve: (r, _args, ctx) => loadWalk(ctx, ANCESTORS, {}, r.id),
    }),
    children: walkConnection(t, Region, 'regionChildren', 'The regions directly part of this one (that the articles name).'),
    descendants: t.connection({
      type: Region,
      description: 'Every region within this one, at one level or all.',
      args: { level: t.arg({ type: RegionLevel, required: false }) },
      extensions: DESCENDANTS,
      resolve: (r, args, ctx) => walkConnectionPage(args, () => loadWalk(ctx, DESCENDANTS, args, r.id)),
    }),
    agencies: walkConnection(t, Agency, 'regionAgencies', 'Agencies located in this region.'),
    programs: walkConnection(t, Program, 'regionPrograms', 'Programs implemented in this region.'),
    outcomes: walkConnection(t, Outcome, 'regionOutcomes', 'Outcomes reported for this region.'),
    officials: walkConnection(t, Official, 'regionOfficials', 'Officials holding a post of this region.'),
    enterprises: walkConnection(t, Enterprise, 'regionEnterprises', 'Enterprises located in this region.'),
  }),
});

builder.queryField('regions', (t) =>
  t.field({
    type: [Region],
    description:
      'Every region within the named one (by name, alias, code or id), the region itself included, optionally at some levels. ' +
      'A plain list, not a connection: the tree is bounded by the GB/T 2260 gazetteer. `within` is short for `where: { within }`.',
    args: {
      within: t.arg.string({ required: false }),
      levels: t.arg({ type: [RegionLevel], required: false }),
      where: t.arg({ type: RegionFilter, required: false }),
    },
    resolve: (_root, args, ctx, info) => {
      const within = args.where?.within ?? args.within;
      if (!within) throw new GraphQLError('say which region: regions(within: "河北省") or regions(where: { within: "河北省" })', { extensions: { code: 'BAD_USER_INPUT' } });
      return readAndPrime(ctx, info, (walks) => regionsWithin(ctx.graph, within, args.where?.levels ?? args.levels ?? null, walks));
    },
  }),
);

builder.queryField('region', (t) =>
  t.field({
    type: Region,
    nullable: true,
    description: 'One region, by GB/T 2260 code or by name (or alias). Null when the graph has none. As with `within`, a region added by another process is found within 5 s.',
    args: { code: t.arg.string({ required: false }), name: t.arg.string({ required: false }) },
    resolve: async (_root, { code, name }, ctx, info) => {
      if (!code && !name) throw new GraphQLError('give a code or a name', { extensions: { code: 'BAD_USER_INPUT' } });
      const [region] = await readAndPrime(ctx, info, async (walks) => [await regionByCodeOrName(ctx.graph, code ?? null, name ?? null, walks)]);
      return region ?? null;
    },
  }),
);
