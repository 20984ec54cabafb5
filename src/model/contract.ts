/**
 * The `kg extract --format json` contract (see README "Extraction output"): one
 * ExtractedArticle per input article. Scripts and the evaluation read it, so change it
 * only by adding fields.
 */
import type { ChangeDirection, Indicator, OutcomeStatus, RegionLevel } from './enums.js';
import type { EntityLabel } from './labels.js';

/** An amount as written (1-2小时), its value (the upper end of a range) and normalised unit. */
export interface Quantity {
  text: string;
  /** Null when the text is not a sane amount (99999999999项): `note` says why. */
  value: number | null;
  unit: string;
  low?: number;
  high?: number;
  /** 近, 约, 超过 … as written: the value is approximate or a bound. */
  qualifier?: string;
  /** Why `value` is null. */
  note?: string;
}

export interface Change {
  text: string;
  value: number;
  unit: string;
  /** Signed percentage change (after − before) / before, when it can be known. */
  percent: number | null;
  direction: ChangeDirection;
}

export interface ExtractedOutcome {
  id: string;
  indicator: Indicator;
  /** ACHIEVED unless the sentence states a plan or goal. */
  status: OutcomeStatus;
  subject: string;
  before: Quantity | null;
  after: Quantity | null;
  change: Change | null;
  region: string | null;
  program: string | null;
  evidence: Evidence;
}

/** An entity's type is its node label. */
export type EntityType = EntityLabel;

/** Where a fact was read: a sentence of the normalised text and the fact's span in it. */
export interface Evidence {
  sentence: string;
  /** Offsets (UTF-16 code units) of the matched span in ExtractedArticle.text. */
  start: number;
  end: number;
}

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  name: string;
  attributes: Record<string, unknown>;
  /** Surface forms seen in this article (full and short names). */
  aliases: string[];
  evidence: Evidence[];
}

export interface RegionEntity extends ExtractedEntity {
  type: 'Region';
  attributes: {
    level: RegionLevel;
    code: string | null;
    /** Parent region's name, null for a province. */
    parent: string | null;
    parentId: string | null;
    /** Ancestors from the parent up to the province, so a graph can hold the whole chain. */
    lineage: Array<{ id: string; name: string; level: RegionLevel; code: string | null; parentId: string | null }>;
  };
}

export interface ExtractedRelation {
  type: string;
  from: string;
  to: string;
  evidence: Evidence | null;
  /** Relation properties, such as the title of HOLDS. */
  attributes?: Record<string, unknown>;
}

export interface ExtractedArticle {
  article: {
    id: string;
    title: string | null;
    date: string | null;
    source: string | null;
    url: string | null;
    contentHash: string;
    extractorVersion: string;
    encoding: string;
    /** Why the bytes were not clean text in `encoding` (3 invalid UTF-8 byte sequences replaced with U+FFFD), else null. */
    encodingNote: string | null;
  };
  /** The normalised text every evidence offset refers to. */
  text: string;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  outcomes: ExtractedOutcome[];
}
