import { retractArticles, writeBatch } from '../graph/write.js';
import { builder } from './builder.js';
import { graphId } from './ids.js';
import { Article } from './refs.js';

/** Input the extractor cannot use: empty, binary, too large. An expected failure, so a typed result. */
export class InvalidArticleError extends Error {
  override name = 'InvalidArticleError';
}

/** No article has this id. */
export class ArticleNotFoundError extends Error {
  override name = 'ArticleNotFoundError';
}

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message') }),
});
for (const [ErrorClass, description] of [
  [InvalidArticleError, 'The article could not be read: empty, not text, or too large.'],
  [ArticleNotFoundError, 'No article has this id.'],
] as const) {
  builder.objectType(ErrorClass, { name: ErrorClass.name, description, interfaces: [ErrorInterface], isTypeOf: (e) => e instanceof ErrorClass });
}

const ArticleStatus = builder.enumType('ArticleStatus', {
  values: { NEW: { value: 'new' }, UNCHANGED: { value: 'unchanged' }, REPLACED: { value: 'replaced', description: 'Same url, other content: the old facts were replaced.' } } as const,
});

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  fields: (t) => ({
    text: t.string({ required: true, description: 'The article: plain text, HTML or Markdown with front matter.' }),
    url: t.string({ required: false, description: 'Where it was published; an article with a known url and new content replaces the old.' }),
    source: t.string({ required: false, description: 'Where it came from, kept as provenance.' }),
  }),
});

const IngestArticlePayload = builder.objectRef<{ article: string; status: 'new' | 'unchanged' | 'replaced' }>('IngestArticlePayload').implement({
  fields: (t) => ({
    article: t.field({ type: Article, resolve: (p) => p.article }),
    status: t.field({ type: ArticleStatus, resolve: (p) => p.status }),
  }),
});

builder.mutationField('ingestArticle', (t) =>
  t.field({
    type: IngestArticlePayload,
    description: 'Extract one article and write it to the graph (idempotent). Needs an API key.',
    authScopes: { apiKey: true },
    errors: { types: [InvalidArticleError] },
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // Loaded on first use: the extractor (nodejieba's dictionaries, rule data) is memory a
      // server that never ingests through GraphQL should not hold.
      const { EmptyArticleError, extractArticle } = await import('../extract/article.js');
      const { UnreadableInputError } = await import('../extract/decode.js');
      let extracted;
      try {
        extracted = extractArticle(Buffer.from(input.text, 'utf8'), { source: input.source ?? 'graphql', url: input.url ?? null });
      } catch (error) {
        if (error instanceof EmptyArticleError || error instanceof UnreadableInputError) throw new InvalidArticleError(error.message);
        throw error;
      }
      const written = await writeBatch(ctx.graph, [extracted]);
      return { article: extracted.article.id, status: written.status.get(extracted.article.id) ?? 'unchanged' };
    },
  }),
);

const RetractArticlePayload = builder.objectRef<{ id: string; nodesDeleted: number; relationshipsDeleted: number }>('RetractArticlePayload').implement({
  fields: (t) => ({
    articleId: t.exposeString('id'),
    nodesDeleted: t.exposeInt('nodesDeleted'),
    relationshipsDeleted: t.exposeInt('relationshipsDeleted'),
  }),
});

builder.mutationField('retractArticle', (t) =>
  t.field({
    type: RetractArticlePayload,
    description: 'Remove an article and exactly the facts only it supported. Needs an API key.',
    authScopes: { apiKey: true },
    errors: { types: [ArticleNotFoundError] },
    args: { id: t.arg.id({ required: true, description: 'Global id or article:… id.' }) },
    resolve: async (_root, args, ctx) => {
      const id = graphId(String(args.id));
      const result = await retractArticles(ctx.graph, [id]);
      if (result.found.length === 0) throw new ArticleNotFoundError(`no article ${id}`);
      return { id, nodesDeleted: result.nodesDeleted, relationshipsDeleted: result.relationshipsDeleted };
    },
  }),
);
