import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { NodeRecord, WalkedRecord } from '../graph/read.js';
import type { WalkName } from '../graph/relations.js';
import { builder, MAX_PAGE, DEFAULT_PAGE } from './builder.js';
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

export const pageOf = <T>(args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }, items: readonly T[]) =>
  resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, [...items]);

/** The nodes one relationship away from a parent, through this request's loader for that walk. */
export const walked = (name: WalkName) => (parent: NodeRecord, _args: unknown, ctx: { loaders: { walk(n: WalkName): { load(id: string): Promise<WalkedRecord[]> } } }) =>
  ctx.loaders.walk(name).load(parent.id);

Entity.implement({
  description: 'Something the articles name: a region, agency, official, program, policy or enterprise.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    name: t.string({ resolve: (n) => String(n.name ?? '') }),
    aliases: t.stringList({ description: 'Other names the articles use for it.', resolve: (n) => (n.aliases as string[] | undefined) ?? [] }),
    articles: t.connection({
      type: Article,
      description: 'The articles that name it.',
      resolve: async (n, args, ctx) => pageOf(args, await walked('entityArticles')(n, args, ctx)),
    }),
    evidence: t.field({
      type: [Evidence],
      description: 'The sentences that name it, with their articles.',
      resolve: async (n, args, ctx) => mentionEvidence(await walked('entityArticles')(n, args, ctx)),
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
      resolve: async (parent: NodeRecord, args: any, ctx: any) => pageOf(args, await walked(walk)(parent, args, ctx)),
    },
    {},
    {
      fields: (e: any) => ({
        evidence: e.field({
          type: [Evidence],
          description: 'The sentences (and articles) that state this relationship.',
          resolve: (edge: { node: WalkedRecord }) => evidenceOf(edge.node.support),
        }),
      }),
    },
  );
}
