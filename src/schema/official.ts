import { holdsAt, inRegion, nameContains, where, withTitle } from '../graph/filters.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { Evidence, evidenceOf, loadWalk, walkExtension, type Reached } from './common.js';
import { pageOffsets } from './paging.js';
import { Entity, isLabel, Official, Place, placeOf } from './refs.js';
import { RegionFilter } from './region.js';

const Role = builder.objectRef<Reached<'officialRoles'>>('Role').implement({
  description: 'A post an official holds: the title, and the region or agency it is of.',
  fields: (t) => ({
    title: t.string({ resolve: (r) => r.support?.title ?? '' }),
    at: t.field({ type: Place, resolve: placeOf }),
    evidence: t.field({ type: [Evidence], resolve: (r) => evidenceOf(r.support, r.supportArticles) }),
  }),
});

const ROLES = walkExtension('officialRoles', 'all');

Official.implement({
  description: 'A person holding a public post, as the articles name them (journalists and company people are not officials).',
  interfaces: [Entity],
  isTypeOf: isLabel('Official'),
  fields: (t) => ({
    title: t.exposeString('title', { nullable: true, description: 'The title the articles give first.' }),
    roles: t.field({
      type: [Role],
      description: 'Every post the articles give the official.',
      extensions: ROLES,
      resolve: (o, _args, ctx) => loadWalk(ctx, ROLES, {}, o.id),
    }),
  }),
});

const OfficialWhere = builder.inputType('OfficialWhere', {
  fields: (t) => ({
    region: t.field({ type: RegionFilter, required: false }),
    agency: t.string({ required: false, description: 'An agency they hold a post in (name, alias or id).' }),
    title: t.string({ required: false, description: 'Part of a title: 书记, 局长 …' }),
    name: t.string({ required: false }),
  }),
});

builder.queryField('officials', (t) =>
  t.connection({
    type: Official,
    description: 'Officials, by name.',
    args: { where: t.arg({ type: OfficialWhere, required: false }) },
    resolve: (_root, args, ctx, info) =>
      pageOffsets(args, listAndPrime(ctx, info, 'Official', where(inRegion('Official', args.where?.region), holdsAt(args.where?.agency), withTitle(args.where?.title), nameContains(args.where?.name)), 'NAME'),
      ),
  }),
);
