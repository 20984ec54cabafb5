import { affects, inCategory, inRegion, nameContains, ofKind, reportedBetween, runBy, where } from '../graph/filters.js';
import { PROGRAM_KINDS } from '../model/index.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { walkConnection } from './common.js';
import { IndicatorName } from './outcome.js';
import { pageOffsets } from './paging.js';
import { Agency, Entity, isLabel, Outcome, Policy, Program, Region } from './refs.js';
import { RegionFilter } from './region.js';

export const ProgramKind = builder.enumType('ProgramKind', {
  values: PROGRAM_KINDS,
});

Program.implement({
  description: 'A named reform, measure, mechanism, platform, fund or campaign (三证齐发, 拿地即开工), placed in the region that carries it out.',
  interfaces: [Entity],
  isTypeOf: isLabel('Program'),
  fields: (t) => ({
    kind: t.field({ type: ProgramKind, nullable: true, resolve: (p) => p.kind }),
    categories: t.exposeStringList('categories', { description: 'approval, online, utilities, finance, tax, talent, investment, trade, enterprise_service, supervision.' }),
    regions: walkConnection(t, Region, 'programRegions', 'Where it is implemented.'),
    agencies: walkConnection(t, Agency, 'programAgencies', 'Who runs it.'),
    policies: walkConnection(t, Policy, 'programPolicies', 'The policies it is based on.'),
    outcomes: walkConnection(t, Outcome, 'programOutcomes', 'What it achieved, in numbers.'),
  }),
});

const ProgramWhere = builder.inputType('ProgramWhere', {
  fields: (t) => ({
    region: t.field({ type: RegionFilter, required: false, description: 'Implemented in a region within this one, at these levels.' }),
    affects: t.field({ type: [IndicatorName], required: false, description: 'Achieved an outcome measured by one of these indicators.' }),
    agency: t.string({ required: false, description: 'Run by this agency (name, alias or id).' }),
    category: t.string({ required: false }),
    kind: t.field({ type: ProgramKind, required: false }),
    name: t.string({ required: false, description: 'Part of the name.' }),
    since: t.string({ required: false, description: 'Named in an article dated on or after this day (YYYY-MM-DD).' }),
    until: t.string({ required: false, description: 'Named in an article dated on or before this day (YYYY-MM-DD).' }),
  }),
});

const ProgramOrder = builder.enumType('ProgramOrder', {
  values: { NAME: { value: 'NAME' }, OUTCOMES_DESC: { value: 'OUTCOMES_DESC', description: 'Most outcomes first.' }, DATE_DESC: { value: 'DATE_DESC', description: 'Most recently reported first.' } } as const,
});

builder.queryField('programs', (t) =>
  t.connection({
    type: Program,
    description: 'Programs. The headline traversal: programs(where: { region: { within: "河北省", levels: [DISTRICT, COUNTY, ZONE] }, affects: [APPROVAL_TIME] }).',
    args: {
      where: t.arg({ type: ProgramWhere, required: false }),
      orderBy: t.arg({ type: ProgramOrder, required: false, defaultValue: 'NAME' }),
    },
    resolve: (_root, args, ctx, info) => {
      const w = args.where;
      const filter = where(
        inRegion('Program', w?.region),
        affects(w?.affects),
        runBy(w?.agency),
        inCategory(w?.category),
        ofKind(w?.kind),
        nameContains(w?.name),
        reportedBetween(w?.since, w?.until),
      );
      return pageOffsets(args, listAndPrime(ctx, info, 'Program', filter, args.orderBy ?? 'NAME'));
    },
  }),
);
