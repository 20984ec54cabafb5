import { dated, mentions, where } from '../graph/filters.js';
import { builder } from './builder.js';
import { listAndPrime } from './lookahead.js';
import { pageOffsets } from './paging.js';
import { Article, isLabel } from './refs.js';

Article.implement({
  description: 'A source article: where every fact comes from.',
  isTypeOf: isLabel('Article'),
  fields: (t) => ({
    title: t.exposeString('title', { nullable: true }),
    date: t.exposeString('date', { nullable: true, description: 'YYYY-MM-DD, from the article.' }),
    url: t.exposeString('url', { nullable: true }),
    source: t.exposeString('source', { nullable: true, description: 'The file it was ingested from.' }),
    contentHash: t.exposeString('contentHash'),
    extractorVersion: t.exposeString('extractorVersion'),
  }),
});

const ArticleWhere = builder.inputType('ArticleWhere', {
  fields: (t) => ({
    since: t.string({ required: false, description: 'Dated on or after (YYYY-MM-DD).' }),
    until: t.string({ required: false, description: 'Dated on or before (YYYY-MM-DD).' }),
    mentions: t.string({ required: false, description: 'Names this entity (name or id).' }),
  }),
});

builder.queryField('articles', (t) =>
  t.connection({
    type: Article,
    description: 'Articles, newest first; undated ones last.',
    args: { where: t.arg({ type: ArticleWhere, required: false }) },
    resolve: (_root, args, ctx, info) =>
      pageOffsets(args, listAndPrime(ctx, info, 'Article', where(dated(args.where?.since, args.where?.until), mentions(args.where?.mentions)), 'ARTICLE_DATE_DESC')),
  }),
);
