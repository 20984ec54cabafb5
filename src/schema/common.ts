import type { NodeRecord, WalkedRecord } from '../graph/read.js';
import type { WalkName } from '../graph/relations.js';
import { builder } from './builder.js';
import { pageOf } from './paging.js';
import type { Context } from './context.js';
import { Article, Entity } from './refs.js';

/** Where a fact was read: the sentence, and the article it is in. */
export interface EvidenceRecord {
  sentence: string;
  /** The article, when it was read with the fact; else its id, loaded when asked for. */
  article: string | NodeRecord;
}

export const Evidence = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: 'A sentence that states a fact, and the article it comes from.',
  fields: (t) => ({
    sentence: t.exposeString('sentence'),
    article: t.field({ type: Article, resolve: (e) => e.article }),
  }),
});

/** A provenance pair of lists (articles, sentences) as Evidence, with the articles read alongside. */
export function evidenceOf(support: { articles?: unknown; sentences?: unknown } | null | undefined, read?: unknown): EvidenceRecord[] {
  const articles = Array.isArray(support?.articles) ? (support.articles as string[]) : [];
  const sentences = Array.isArray(support?.sentences) ? (support.sentences as string[]) : [];
  const byId = new Map((Array.isArray(read) ? (read as NodeRecord[]) : []).map((a) => [a.id, a]));
  return articles.map((article, i) => ({ article: byId.get(article) ?? article, sentence: sentences[i] ?? '' }));
}

/** The mentions of an entity as Evidence: each article with the sentences that name the entity. */
export function mentionEvidence(mentions: readonly WalkedRecord[]): EvidenceRecord[] {
  return mentions.flatMap((article) => ((article.support?.sentences as string[] | undefined) ?? []).map((sentence) => ({ sentence, article })));
}

/**
 * Fields that read a walk say which in `extensions.walk`: a root list reads the walks its query
 * selects in its own transaction and primes the loaders with them (see lookahead.ts).
 */
export const walkExtension = (walk: WalkName) => ({ walk });

Entity.implement({
  description: 'Something the articles name: a region, agency, official, program, policy or enterprise.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    name: t.string({ resolve: (n) => String(n.name ?? '') }),
    aliases: t.stringList({ description: 'Other names the articles use for it.', resolve: (n) => (n.aliases as string[] | undefined) ?? [] }),
    articles: t.connection({
      type: Article,
      description: 'The articles that name it.',
      extensions: walkExtension('entityArticles'),
      resolve: async (n, args, ctx) => pageOf(args, await ctx.loaders.walk('entityArticles').load(n.id)),
    }),
    evidence: t.field({
      type: [Evidence],
      description: 'The sentences that name it, with their articles.',
      extensions: walkExtension('entityArticles'),
      resolve: async (n, _args, ctx) => mentionEvidence(await ctx.loaders.walk('entityArticles').load(n.id)),
    }),
  }),
});

/**
 * A connection field over a walk, whose edges carry the evidence of the relationship. Typed
 * loosely on purpose: Pothos's field-builder generics do not survive being passed around, and
 * every caller gives a ref of the walk's target type.
 */
export function walkConnection(t: any, type: unknown, walk: WalkName, description: string) {
  return t.connection(
    {
      type,
      description,
      extensions: walkExtension(walk),
      resolve: async (parent: NodeRecord, args: any, ctx: Context) => pageOf(args, await ctx.loaders.walk(walk).load(parent.id)),
    },
    {},
    {
      fields: (e: any) => ({
        evidence: e.field({
          type: [Evidence],
          description: 'The sentences (and articles) that state this relationship.',
          resolve: (edge: { node: WalkedRecord }) => evidenceOf(edge.node.support, edge.node.supportArticles),
        }),
      }),
    },
  );
}

/** A field for the one node a walk reaches (an agency's region, an outcome's program), or null. */
export function walkOne(t: any, type: unknown, walk: WalkName, description: string) {
  return t.field({
    type,
    nullable: true,
    description,
    extensions: walkExtension(walk),
    resolve: async (parent: NodeRecord, _args: unknown, ctx: Context) => (await ctx.loaders.walk(walk).load(parent.id))[0] ?? null,
  });
}
