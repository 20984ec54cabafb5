import type { FieldRef, ObjectRef } from '@pothos/core';
import type { ArticleRecord, NodeRecord, RecordOf, Support, WalkedRecord } from '../graph/records.js';
import { WALKS, type WalkName } from '../graph/relations.js';
import { ENTITY_LABELS, type EntityLabel, type NodeLabel } from '../model/index.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { walkRequest, type WalkFieldExtension, type WalkReads } from './lookahead.js';
import { walkConnectionPage, type PageArgs } from './paging.js';
import { Article, Entity } from './refs.js';

type Types = typeof builder.$inferSchemaTypes;

/** Where a fact was read: the sentence, and the article it is in. */
export interface EvidenceRecord {
  sentence: string;
  /** The article, when it was read with the fact; else its id, loaded when asked for. */
  article: string | ArticleRecord;
}

export const Evidence = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: 'A sentence that states a fact, and the article it comes from.',
  fields: (t) => ({
    sentence: t.exposeString('sentence'),
    article: t.field({ type: Article, resolve: (e) => e.article }),
  }),
});

/** A provenance pair of lists (articles, sentences) as Evidence, with the articles read alongside. */
export function evidenceOf(support: Support | undefined, read: readonly ArticleRecord[] = []): EvidenceRecord[] {
  const sentences = support?.sentences ?? [];
  const byId = new Map(read.map((a) => [a.id, a]));
  return (support?.articles ?? []).map((article, i) => ({ article: byId.get(article) ?? article, sentence: sentences[i] ?? '' }));
}

/** The mentions of an entity as Evidence: each article with the sentences that name the entity. */
export function mentionEvidence(mentions: readonly WalkedRecord<ArticleRecord>[]): EvidenceRecord[] {
  return mentions.flatMap((article) => (article.support?.sentences ?? []).map((sentence) => ({ sentence, article })));
}

/** The record of a label a walk reaches: `Entity` is any entity's. */
type RecordOfTarget<L> = L extends NodeLabel ? RecordOf<L> : L extends 'Entity' ? RecordOf<EntityLabel> : never;

/** What a walk reaches: nodes of its target label (WALKS), with the relationship's support. */
export type Reached<W extends WalkName> = WalkedRecord<RecordOfTarget<(typeof WALKS)[W]['to']>>;

/** A walk field's declaration: its walk and how much of it it reads (see lookahead.ts). */
export type WalkExtension<W extends WalkName> = { walk: WalkFieldExtension<W> };

/**
 * Fields that read a walk say which, and how much of it, in `extensions.walk`: a root reads the
 * walks its query selects in its own statement and primes the loaders with them (see lookahead.ts).
 */
export const walkExtension = <W extends WalkName>(walk: W, reads: WalkReads): WalkExtension<W> => ({ walk: { walk, reads } });

/** Whether a node has the label a walk reaches: the statement matched it, so anything else is a bug. */
function isReached<W extends WalkName>(walk: W, node: WalkedRecord): node is WalkedRecord & Reached<W> {
  const target = WALKS[walk].to;
  return target === 'Entity' ? ENTITY_LABELS.some((l) => l === node.label) : node.label === target;
}

/** What a walk field reads for a parent, through this request's loader (primed by the lookahead when it could). */
export async function loadWalk<W extends WalkName>(ctx: Context, extension: WalkExtension<W>, args: PageArgs & { level?: string | null }, id: string): Promise<Array<Reached<W>>> {
  const { walk } = extension.walk;
  return (await ctx.loaders.walk(walkRequest(extension.walk, args)).load(id)).map((node) => {
    if (isReached(walk, node)) return node;
    throw new Error(`walk ${walk} reached a ${node.label} node (${node.id}), not a ${WALKS[walk].to}`);
  });
}

const ARTICLES_PAGE = walkExtension('entityArticles', 'page');
const ALL_ARTICLES = walkExtension('entityArticles', 'all');

Entity.implement({
  description: 'Something the articles name: a region, agency, official, program, policy or enterprise.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names the articles use for it.' }),
    articles: t.connection({
      type: Article,
      description: 'The articles that name it.',
      extensions: ARTICLES_PAGE,
      resolve: (n, args, ctx) => walkConnectionPage(args, () => loadWalk(ctx, ARTICLES_PAGE, args, n.id)),
    }),
    evidence: t.field({
      type: [Evidence],
      description: 'The sentences that name it, with their articles.',
      extensions: ALL_ARTICLES,
      resolve: async (n, _args, ctx) => mentionEvidence(await loadWalk(ctx, ALL_ARTICLES, {}, n.id)),
    }),
  }),
});

/** A ref of the object type whose records a walk reaches, and a ref of any node type. */
type RefOf<W extends WalkName> = ObjectRef<Types, string | Reached<W>, Reached<W>>;
type NodeTypeRef = ObjectRef<Types, string | WalkedRecord, WalkedRecord>;
type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;
type Field = FieldRef<Types, unknown, 'Object'>;

// walkConnection and walkOne are typed for callers by the walk (its target label must be the ref's);
// their bodies are checked once, over any node type.

/**
 * A connection field over a walk, whose edges carry the evidence of the relationship. The ref must
 * be the type of what the walk reaches: `walkConnection(t, Agency, 'programRegions')` does not compile.
 */
export function walkConnection<Parent extends NodeRecord, W extends WalkName>(t: FieldBuilder<Parent>, type: RefOf<W>, walk: W, description: string): Field;
export function walkConnection(t: FieldBuilder<NodeRecord>, type: NodeTypeRef, walk: WalkName, description: string): Field {
  const extensions = walkExtension(walk, 'page');
  return t.connection(
    {
      type,
      description,
      extensions,
      resolve: (parent, args, ctx) => walkConnectionPage(args, () => loadWalk(ctx, extensions, args, parent.id)),
    },
    {},
    {
      fields: (e) => ({
        evidence: e.field({
          type: [Evidence],
          description: 'The sentences (and articles) that state this relationship.',
          resolve: ({ node }) => (typeof node === 'string' ? [] : evidenceOf(node.support, node.supportArticles)),
        }),
      }),
    },
  );
}

/** A field for the one node a walk reaches (an agency's region, an outcome's program), or null. */
export function walkOne<Parent extends NodeRecord, W extends WalkName>(t: FieldBuilder<Parent>, type: RefOf<W>, walk: W, description: string): Field;
export function walkOne(t: FieldBuilder<NodeRecord>, type: NodeTypeRef, walk: WalkName, description: string): Field {
  const extensions = walkExtension(walk, 'one');
  return t.field({
    type,
    nullable: true,
    description,
    extensions,
    resolve: async (parent, _args, ctx) => (await loadWalk(ctx, extensions, {}, parent.id))[0] ?? null,
  });
}
