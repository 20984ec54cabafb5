import { createHash } from 'node:crypto';
import { findAgencies } from './agencies.js';
import { RegionContext } from './context.js';
import { decodeBytes } from './decode.js';
import { ArticleTooLargeError, EmptyArticleError } from './errors.js';
import { findEnterprises } from './enterprises.js';
import { normalizeArticle } from './normalize.js';
import { findOfficials } from './officials.js';
import { findOutcomes } from './outcomes.js';
import { findPolicies } from './policies.js';
import { findPrograms } from './programs.js';
import { findRegions } from './regions.js';
import { splitSentences } from './sentences.js';
import type { ExtractedArticle } from '../model/index.js';

/** Bumped whenever extraction output changes, so `kg ingest --reextract` knows what is stale. */
export const EXTRACTOR_VERSION = '0.4.0';

/** Articles over this size are refused: news articles are tens of kilobytes. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export { ArticleTooLargeError, EmptyArticleError, UndecodableArticleError, UnreadableArticleError } from './errors.js';

export interface ArticleSource {
  /** Where the bytes came from (file path or URL), recorded as provenance. */
  source?: string | null;
  url?: string | null;
}

/**
 * One article's bytes to entities, relations and outcomes. Pure and deterministic: the same
 * bytes always give the same output. Regions come first because every other extractor places
 * what it finds by the regions around it.
 */
export function extractArticle(bytes: Uint8Array, from: ArticleSource = {}): ExtractedArticle {
  if (bytes.length > MAX_ARTICLE_BYTES) throw new ArticleTooLargeError(bytes.length, MAX_ARTICLE_BYTES, from.source ?? null);
  const { text: raw, encoding, note: encodingNote } = decodeBytes(bytes);
  const normalized = normalizeArticle(raw);
  if (normalized.text.trim() === '') throw new EmptyArticleError();

  const text = normalized.text;
  const sentences = splitSentences(text);
  const regions = findRegions(text, sentences);
  const places = new RegionContext(regions.placed);
  const agencies = findAgencies(text, sentences, places);
  const officials = findOfficials(text, sentences, places, agencies.mentions);
  const policies = findPolicies(text, sentences, places, agencies.mentions);
  const enterprises = findEnterprises(text, sentences, places);
  const programs = findPrograms(text, sentences, places, agencies.mentions, policies.mentions);
  const outcomes = findOutcomes(text, sentences, places, programs.mentions);

  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    article: {
      id: `article:${contentHash.slice(0, 16)}`,
      title: normalized.title,
      date: normalized.date,
      source: from.source ?? null,
      url: from.url ?? normalized.url,
      contentHash,
      extractorVersion: EXTRACTOR_VERSION,
      encoding,
      encodingNote: encodingNote ?? null,
    },
    text,
    entities: [...regions.entities, ...agencies.entities, ...officials.entities, ...programs.entities, ...policies.entities, ...enterprises.entities],
    relations: [...agencies.relations, ...officials.relations, ...programs.relations, ...policies.relations, ...enterprises.relations, ...outcomes.relations],
    outcomes: outcomes.outcomes,
  };
}
