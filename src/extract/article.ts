import { createHash } from 'node:crypto';
import { decodeBytes } from './decode.js';
import { normalizeArticle } from './normalize.js';
import { extractRegions } from './regions.js';
import { splitSentences } from './sentences.js';
import type { ExtractedArticle, ExtractedRelation } from './types.js';

/** Bumped whenever extraction output changes, so `kg ingest --reextract` knows what is stale. */
export const EXTRACTOR_VERSION = '0.1.0';

/** Articles over this size are refused: news articles are tens of kilobytes. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export class EmptyArticleError extends Error {
  override name = 'EmptyArticleError';
}

export interface ArticleSource {
  /** Where the bytes came from (file path or URL), recorded as provenance. */
  source?: string | null;
  url?: string | null;
}

/** One article's bytes to entities, relations and outcomes. Pure and deterministic. */
export function extractArticle(bytes: Uint8Array, from: ArticleSource = {}): ExtractedArticle {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new EmptyArticleError(`article too large: ${bytes.length} bytes (limit ${MAX_ARTICLE_BYTES})`);
  }
  const { text: raw, encoding } = decodeBytes(bytes);
  const normalized = normalizeArticle(raw);
  if (normalized.text.trim() === '') throw new EmptyArticleError('empty article: no text after normalisation');

  const text = normalized.text;
  const sentences = splitSentences(text);
  const regions = extractRegions(text, sentences);
  const relations: ExtractedRelation[] = [];

  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    article: {
      id: `article:${contentHash.slice(0, 16)}`,
      title: normalized.title,
      date: normalized.date,
      source: from.source ?? null,
      url: from.url ?? null,
      contentHash,
      extractorVersion: EXTRACTOR_VERSION,
      encoding,
    },
    text,
    entities: [...regions],
    relations,
    outcomes: [],
  };
}
