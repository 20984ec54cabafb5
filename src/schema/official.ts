import { holdsAt, inRegion, nameContains, where, withTitle } from '../graph/filters.js';
import type { WalkedRecord } from '../graph/read.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { Evidence, evidenceOf, walkExtension } from './common.js';
import { pageOffsets } from './paging.js';
import { Entity, isLabel, Official, Place } from './refs.js';
import { RegionFilter } from './region.js';

const Role = builder.objectRef<WalkedRecord>('Role').implement({
  description: 'A post an official holds: the title, and the region or agency it is of.',
  fields: (t) => ({
    title: t.string({ resolve: (r) => String(r.support?.title ?? '') }),
    at: t.field({ type: Place, resolve: (r) => r }),
    evidence: t.field({ type: [Evidence], resolve: (r) => evidenceOf(r.support, r.supportArticles) }),
  }),
});

Official.implement({
  description: 'A person holding a public post, as the articles name them (journalists and company people are not officials).',
  interfaces: [Entity],
  isTypeOf: isLabel('Official'),
  fields: (t) => ({
    title: t.string({ nullable: true, description: 'The title the articles give first.', resolve: (o) => (o.title as string | undefined) ?? null }),
    roles: t.field({
      type: [Role],
      description: 'Every post the articles give the official.',
      extensions: walkExtension('officialRoles'),
      resolve: (o, _args, ctx) => ctx.loaders.walk('officialRoles').load(o.id),
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
