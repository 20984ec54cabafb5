import type { RegionRecord } from '../graph/regions.js';
import { regionsWithin } from '../graph/regions.js';
import { loadRegions } from '../loaders/regions.js';
import { builder } from './builder.js';

export const RegionLevel = builder.enumType('RegionLevel', {
  description: 'Administrative level: GB/T 2260 province, prefecture-level city, district, county (or county-level city), development zone.',
  values: ['PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'ZONE'] as const,
});

export const Region = builder.loadableNodeRef('Region', {
  id: { resolve: (r: RegionRecord) => r.id },
  load: (ids: string[], ctx) => loadRegions(ctx.graph, ids),
});

Region.implement({
  description: 'A province, city, district, county or development zone.',
  fields: (t) => ({
    name: t.exposeString('name'),
    level: t.field({ type: RegionLevel, resolve: (r) => r.level as typeof RegionLevel.$inferType }),
    code: t.exposeString('code', { nullable: true, description: 'GB/T 2260 code, when the region has one.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the articles use (河北 for 河北省).' }),
    parent: t.field({
      type: Region,
      nullable: true,
      description: 'The region this one is part of.',
      resolve: (r) => r.parentId,
    }),
  }),
});

builder.queryField('regions', (t) =>
  t.field({
    type: [Region],
    description: 'Every region within the named one (by name, alias or code), the region itself included.',
    args: { within: t.arg.string({ required: true }) },
    resolve: (_root, { within }, ctx) => regionsWithin(ctx.graph, within),
  }),
);
