import { GraphQLError } from 'graphql';
import { search, stats, type Count, type NodeRecord, type RegionCount as RegionCountRecord, type Stats as StatsRecord } from '../graph/read.js';
import { ENTITY_LABELS } from '../model/index.js';
import { builder, MAX_PAGE } from './builder.js';
import { Region } from './refs.js';

export const NodeType = builder.enumType('NodeType', {
  values: ENTITY_LABELS,
});

const SearchHit = builder.objectRef<{ node: NodeRecord; score: number }>('SearchHit').implement({
  fields: (t) => ({
    node: t.field({ type: builder.nodeInterfaceRef(), resolve: (h) => h.node }),
    score: t.exposeFloat('score', { description: 'Lucene relevance: higher is closer.' }),
  }),
});

export const MAX_SEARCH_TEXT = 200;

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description: 'Full-text search over names and aliases (CJK analyzer: 审批 finds 石家庄市行政审批局). Any text is searched as text: Lucene syntax is escaped.',
    args: {
      text: t.arg.string({ required: true }),
      types: t.arg({ type: [NodeType], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
    },
    resolve: (_root, { text, types, first }, ctx) => {
      const query = text.trim();
      if (query === '') throw new GraphQLError('search text is empty', { extensions: { code: 'BAD_USER_INPUT' } });
      if (query.length > MAX_SEARCH_TEXT) throw new GraphQLError(`search text is longer than ${MAX_SEARCH_TEXT} characters`, { extensions: { code: 'BAD_USER_INPUT' } });
      return search(ctx.graph, query, types ?? null, Math.min(Math.max(first ?? 20, 1), MAX_PAGE));
    },
  }),
);

const CountRef = builder.objectRef<Count>('Count').implement({
  fields: (t) => ({ key: t.exposeString('key'), count: t.exposeInt('count') }),
});

const RegionCount = builder.objectRef<RegionCountRecord>('RegionCount').implement({
  fields: (t) => ({
    region: t.field({ type: Region, resolve: (c) => c.node }),
    programs: t.int({ description: 'Programs implemented in it or anywhere within it.', resolve: (c) => c.count }),
  }),
});

const Stats = builder.objectRef<StatsRecord>('Stats').implement({
  fields: (t) => ({
    byType: t.field({ type: [CountRef], description: 'Nodes of each type.', resolve: (s) => s.byType }),
    byIndicator: t.field({ type: [CountRef], description: 'Outcomes per indicator.', resolve: (s) => s.byIndicator }),
    byRegion: t.field({ type: [RegionCount], description: 'Provinces and cities with the most programs.', resolve: (s) => s.byRegion }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: Stats,
    description: 'Counts over the whole graph and the regions with most programs. Kept for 5 s and shared by callers: a write through this service shows at once, one by another process (such as `kg ingest`) within 5 s.',
    args: { top: t.arg.int({ required: false, defaultValue: 20, description: 'How many regions (at most 100).' }) },
    resolve: (_root, { top }, ctx) => stats(ctx.graph, Math.min(Math.max(top ?? 20, 1), MAX_PAGE)),
  }),
);
