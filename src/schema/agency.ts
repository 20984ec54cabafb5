import { inRegion, nameContains, ofKind, where } from '../graph/filters.js';
import { AGENCY_KINDS } from '../model/index.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { walkConnection, walkOne } from './common.js';
import { pageOffsets } from './paging.js';
import { Agency, Entity, isLabel, Official, Policy, Program, Region } from './refs.js';
import { RegionFilter } from './region.js';

export const AgencyKind = builder.enumType('AgencyKind', {
  values: AGENCY_KINDS,
});

Agency.implement({
  description: 'A government or party body, named in full with its region (石家庄市行政审批局), or a state-owned utility branch.',
  interfaces: [Entity],
  isTypeOf: isLabel('Agency'),
  fields: (t) => ({
    kind: t.field({ type: AgencyKind, nullable: true, resolve: (a) => a.kind }),
    region: walkOne(t, Region, 'agencyRegion', 'The region the agency belongs to.'),
    parent: walkOne(t, Agency, 'agencyParent', 'The body a branch (…分局) belongs to.'),
    branches: walkConnection(t, Agency, 'agencyBranches', 'Its branches.'),
    programs: walkConnection(t, Program, 'agencyPrograms', 'Programs it runs.'),
    officials: walkConnection(t, Official, 'agencyOfficials', 'Officials holding a post in it.'),
    policies: walkConnection(t, Policy, 'agencyPolicies', 'Policies it issued.'),
  }),
});

const AgencyWhere = builder.inputType('AgencyWhere', {
  fields: (t) => ({
    region: t.field({ type: RegionFilter, required: false }),
    kind: t.field({ type: AgencyKind, required: false }),
    name: t.string({ required: false, description: 'Part of the name or an alias.' }),
  }),
});

builder.queryField('agencies', (t) =>
  t.connection({
    type: Agency,
    description: 'Agencies, by name.',
    args: { where: t.arg({ type: AgencyWhere, required: false }) },
    resolve: (_root, args, ctx, info) =>
      pageOffsets(args, listAndPrime(ctx, info, 'Agency', where(inRegion('Agency', args.where?.region), ofKind(args.where?.kind), nameContains(args.where?.name)), 'NAME')),
  }),
);

