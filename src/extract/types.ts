/**
 * The `kg extract --format json` contract (see README "Extraction output"): one
 * ExtractedArticle per input article. Scripts and the evaluation read it, so change it
 * only by adding fields.
 */
import type { ExtractedOutcome } from './outcomes.js';

export type { ExtractedOutcome };

export type EntityType = 'Region' | 'Agency' | 'Official' | 'Program' | 'Policy' | 'Enterprise';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'COUNTY' | 'ZONE';

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
  };
  /** The normalised text every evidence offset refers to. */
  text: string;
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  outcomes: ExtractedOutcome[];
}
