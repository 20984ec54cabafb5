// The graph's vocabulary, and the relationships the API walks as a fixed table: every statement
// the loaders run is built from these constants once, at module load, never from a request.

/** The fact relationships the extractor states, each with its provenance lists. */
export const FACT_TYPES = ['LOCATED_IN', 'BRANCH_OF', 'HOLDS', 'IMPLEMENTED_IN', 'RUN_BY', 'BASED_ON', 'ISSUED_BY', 'ACHIEVED'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const NODE_LABELS = ['Region', 'Agency', 'Official', 'Program', 'Policy', 'Enterprise', 'Indicator', 'Outcome', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

interface Walk {
  from: NodeLabel | 'Entity';
  /** The relationship, drawn from `n` to `m`, named `r`. */
  pattern: string;
  to: NodeLabel | 'Entity';
}

/** Each walk reads, for a batch of ids, the nodes at the other end, with the relationship's properties. */
export const WALKS = {
  regionChildren: { from: 'Region', pattern: '<-[r:PART_OF]-', to: 'Region' },
  regionAgencies: { from: 'Region', pattern: '<-[r:LOCATED_IN]-', to: 'Agency' },
  regionEnterprises: { from: 'Region', pattern: '<-[r:LOCATED_IN]-', to: 'Enterprise' },
  regionPrograms: { from: 'Region', pattern: '<-[r:IMPLEMENTED_IN]-', to: 'Program' },
  regionOutcomes: { from: 'Region', pattern: '<-[r:IN_REGION]-', to: 'Outcome' },
  regionOfficials: { from: 'Region', pattern: '<-[r:HOLDS]-', to: 'Official' },
  agencyRegion: { from: 'Agency', pattern: '-[r:LOCATED_IN]->', to: 'Region' },
  agencyParent: { from: 'Agency', pattern: '-[r:BRANCH_OF]->', to: 'Agency' },
  agencyBranches: { from: 'Agency', pattern: '<-[r:BRANCH_OF]-', to: 'Agency' },
  agencyPrograms: { from: 'Agency', pattern: '<-[r:RUN_BY]-', to: 'Program' },
  agencyOfficials: { from: 'Agency', pattern: '<-[r:HOLDS]-', to: 'Official' },
  agencyPolicies: { from: 'Agency', pattern: '<-[r:ISSUED_BY]-', to: 'Policy' },
  officialRoles: { from: 'Official', pattern: '-[r:HOLDS]->', to: 'Entity' },
  programRegions: { from: 'Program', pattern: '-[r:IMPLEMENTED_IN]->', to: 'Region' },
  programAgencies: { from: 'Program', pattern: '-[r:RUN_BY]->', to: 'Agency' },
  programPolicies: { from: 'Program', pattern: '-[r:BASED_ON]->', to: 'Policy' },
  programOutcomes: { from: 'Program', pattern: '-[r:ACHIEVED]->', to: 'Outcome' },
  policyIssuers: { from: 'Policy', pattern: '-[r:ISSUED_BY]->', to: 'Entity' },
  policyPrograms: { from: 'Policy', pattern: '<-[r:BASED_ON]-', to: 'Program' },
  enterpriseRegion: { from: 'Enterprise', pattern: '-[r:LOCATED_IN]->', to: 'Region' },
  outcomeRegion: { from: 'Outcome', pattern: '-[r:IN_REGION]->', to: 'Region' },
  outcomePrograms: { from: 'Outcome', pattern: '<-[r:ACHIEVED]-', to: 'Program' },
  indicatorOutcomes: { from: 'Indicator', pattern: '<-[r:MEASURES]-', to: 'Outcome' },
  entityArticles: { from: 'Entity', pattern: '<-[r:MENTIONS]-', to: 'Article' },
  outcomeArticles: { from: 'Outcome', pattern: '<-[r:MENTIONS]-', to: 'Article' },
} as const satisfies Record<string, Walk>;

export type WalkName = keyof typeof WALKS;

/**
 * Every node as the API reads it: its properties, its most specific label, its parent's id
 * (regions) and, for an outcome, the articles that report it (so that its evidence needs no
 * second round trip). Kept flat on purpose: Neo4j 5.26 re-plans statements whose projection
 * nests subqueries or pattern comprehensions inside each other on every run (~50 ms each).
 */
export const NODE_PROJECTION = (v: string, extra = '') =>
  `${v} {.*, label: head([l IN labels(${v}) WHERE l <> 'Entity']),
    parentId: head([(${v})-[:PART_OF]->(projectedParent:Region) | projectedParent.id]),
    evidenceArticles: CASE WHEN ${v}:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(${v}) | evidenceArticle {.*, label: 'Article'}] ELSE [] END${extra}}`;

/** A node reached by a walk carries the relationship's properties (its provenance lists). */
const WALKED = (v: string, r: string) => NODE_PROJECTION(v, `, support: properties(${r})`);

const walkStatement = (w: Walk) => `
UNWIND $ids AS id
MATCH (n:${w.from} {id: id})${w.pattern}(m:${w.to})
WITH id, m, r ORDER BY m.name, m.id
RETURN id, collect(${WALKED('m', 'r')}) AS items`;

export const WALK_STATEMENTS = Object.fromEntries(Object.entries(WALKS).map(([name, w]) => [name, walkStatement(w)])) as Record<WalkName, string>;

const nodesStatement = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN ${NODE_PROJECTION('n')} AS node`;

export const NODE_STATEMENTS = Object.fromEntries(NODE_LABELS.map((l) => [l, nodesStatement(l)])) as Record<NodeLabel, string>;

/** Ancestors, nearest first; descendants at one level (or all), by name. */
export const ANCESTORS = `
UNWIND $ids AS id
MATCH path = (n:Region {id: id})-[:PART_OF*1..]->(m:Region)
WITH id, m, length(path) AS distance ORDER BY distance
RETURN id, collect(${NODE_PROJECTION('m')}) AS items`;

export const DESCENDANTS = `
UNWIND $ids AS id
MATCH (n:Region {id: id})<-[:PART_OF*1..]-(m:Region)
WHERE $level IS NULL OR m.level = $level
WITH DISTINCT id, m ORDER BY m.name, m.id
RETURN id, collect(${NODE_PROJECTION('m')}) AS items`;
