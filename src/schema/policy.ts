import { inRegion, nameContains, where } from '../graph/filters.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { loadWalk, walkConnection, walkExtension, walkOne } from './common.js';
import { pageOffsets } from './paging.js';
import { Enterprise, Entity, isLabel, Place, placeOf, Policy, Program, Region } from './refs.js';
import { RegionFilter } from './region.js';

const ISSUERS = walkExtension('policyIssuers', 'all');

Policy.implement({
  description: 'A policy document, usually a title in 《》.',
  interfaces: [Entity],
  isTypeOf: isLabel('Policy'),
  fields: (t) => ({
    issuers: t.field({
      type: [Place],
      description: 'Who issued it, when the text says.',
      extensions: ISSUERS,
      resolve: async (p, _args, ctx) => (await loadWalk(ctx, ISSUERS, {}, p.id)).map(placeOf),
    }),
    programs: walkConnection(t, Program, 'policyPrograms', 'Programs based on it.'),
  }),
});

Enterprise.implement({
  description: 'A company named in the articles.',
  interfaces: [Entity],
  isTypeOf: isLabel('Enterprise'),
  fields: (t) => ({
    region: walkOne(t, Region, 'enterpriseRegion', 'Where the company is.'),
  }),
});

const NamedWhere = builder.inputType('NamedWhere', {
  fields: (t) => ({
    region: t.field({ type: RegionFilter, required: false }),
    name: t.string({ required: false }),
  }),
});

builder.queryField('policies', (t) =>
  t.connection({
    type: Policy,
    args: { where: t.arg({ type: NamedWhere, required: false }) },
    resolve: (_root, args, ctx, info) => pageOffsets(args, listAndPrime(ctx, info, 'Policy', where(inRegion('Policy', args.where?.region), nameContains(args.where?.name)), 'NAME')),
  }),
);

builder.queryField('enterprises', (t) =>
  t.connection({
    type: Enterprise,
    args: { where: t.arg({ type: NamedWhere, required: false }) },
    resolve: (_root, args, ctx, info) =>
      pageOffsets(args, listAndPrime(ctx, info, 'Enterprise', where(inRegion('Enterprise', args.where?.region), nameContains(args.where?.name)), 'NAME')),
  }),
);
