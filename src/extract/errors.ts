/**
 * Why an article could not be extracted. Every refusal of input is an UnreadableArticleError,
 * so callers (the GraphQL mutation, the ingest report, the CLI) need one `instanceof`; the
 * subclasses and `kind` say which refusal it was.
 */
export type UnreadableKind = 'empty' | 'binary' | 'encoding' | 'too-large';

export class UnreadableArticleError extends Error {
  override name = 'UnreadableArticleError';
  constructor(
    message: string,
    readonly kind: UnreadableKind,
  ) {
    super(message);
  }
}

/** No text left once markup and whitespace are gone. */
export class EmptyArticleError extends UnreadableArticleError {
  override name = 'EmptyArticleError';
  constructor(message = 'empty article: no text after normalisation') {
    super(message, 'empty');
  }
}

/** Bytes that are not text (an image, an archive) or not text in an encoding we can tell. */
export class UndecodableArticleError extends UnreadableArticleError {
  override name = 'UndecodableArticleError';
}

/** Over MAX_ARTICLE_BYTES: refused before the bytes are read when they come from a file. */
export class ArticleTooLargeError extends UnreadableArticleError {
  override name = 'ArticleTooLargeError';
  constructor(
    readonly bytes: number,
    readonly limit: number,
    readonly source: string | null = null,
    /** The size is a lower bound (a pipe, or a file that grew while read): reading stopped there. */
    readonly atLeast = false,
  ) {
    super(`${source ? `${source}: ` : ''}article too large: ${atLeast ? 'over ' : ''}${bytes} bytes (limit ${limit})`, 'too-large');
  }
}
