// The graph's node labels and relationship types: the one list every layer takes them from.

/** What the extractor names; each such node also carries the `Entity` label. */
export const ENTITY_LABELS = ['Region', 'Agency', 'Official', 'Program', 'Policy', 'Enterprise'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Every label a node can have besides `Entity`: the label the API reads a node by. */
export const NODE_LABELS = [...ENTITY_LABELS, 'Indicator', 'Outcome', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The labels with a root list in the API (indicators are a fixed enum, not a list). */
export const LISTED_LABELS = [...ENTITY_LABELS, 'Outcome', 'Article'] as const;
export type ListedLabel = (typeof LISTED_LABELS)[number];

/** The fact relationships the extractor states, each with its provenance lists. */
export const FACT_TYPES = ['LOCATED_IN', 'BRANCH_OF', 'HOLDS', 'IMPLEMENTED_IN', 'RUN_BY', 'BASED_ON', 'ISSUED_BY', 'ACHIEVED'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/**
 * The properties a fact relationship holds besides its provenance (`articles`, `sentences`): part
 * of its identity, as in "held the post of 书记". Read even when a query asks for no evidence.
 */
export const FACT_ATTRIBUTES: Readonly<Record<string, readonly string[] | undefined>> = { HOLDS: ['title'] } satisfies Partial<Record<FactType, readonly string[]>>;
