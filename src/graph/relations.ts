// The graph's vocabulary, and the relationships the API walks as a fixed table. Statements are
// built from these constants (and, for a root list, from which walks its query selects), never
// from a request's values: those travel as parameters.

/** The fact relationships the extractor states, each with its provenance lists. */
export const FACT_TYPES = ['LOCATED_IN', 'BRANCH_OF', 'HOLDS', 'IMPLEMENTED_IN', 'RUN_BY', 'BASED_ON', 'ISSUED_BY', 'ACHIEVED'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const NODE_LABELS = ['Region', 'Agency', 'Official', 'Program', 'Policy', 'Enterprise', 'Indicator', 'Outcome', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

interface Walk {
  from: NodeLabel | 'Entity';
  type: string;
  direction: 'out' | 'in';
  to: NodeLabel | 'Entity';
}

/** Each walk reads, for a batch of ids, the nodes at the other end, with the relationship's properties. */
export const WALKS = {
  regionParent: { from: 'Region', type: 'PART_OF', direction: 'out', to: 'Region' },
  regionChildren: { from: 'Region', type: 'PART_OF', direction: 'in', to: 'Region' },
  regionAgencies: { from: 'Region', type: 'LOCATED_IN', direction: 'in', to: 'Agency' },
  regionEnterprises: { from: 'Region', type: 'LOCATED_IN', direction: 'in', to: 'Enterprise' },
  regionPrograms: { from: 'Region', type: 'IMPLEMENTED_IN', direction: 'in', to: 'Program' },
  regionOutcomes: { from: 'Region', type: 'IN_REGION', direction: 'in', to: 'Outcome' },
  regionOfficials: { from: 'Region', type: 'HOLDS', direction: 'in', to: 'Official' },
  agencyRegion: { from: 'Agency', type: 'LOCATED_IN', direction: 'out', to: 'Region' },
  agencyParent: { from: 'Agency', type: 'BRANCH_OF', direction: 'out', to: 'Agency' },
  agencyBranches: { from: 'Agency', type: 'BRANCH_OF', direction: 'in', to: 'Agency' },
  agencyPrograms: { from: 'Agency', type: 'RUN_BY', direction: 'in', to: 'Program' },
  agencyOfficials: { from: 'Agency', type: 'HOLDS', direction: 'in', to: 'Official' },
  agencyPolicies: { from: 'Agency', type: 'ISSUED_BY', direction: 'in', to: 'Policy' },
  officialRoles: { from: 'Official', type: 'HOLDS', direction: 'out', to: 'Entity' },
  programRegions: { from: 'Program', type: 'IMPLEMENTED_IN', direction: 'out', to: 'Region' },
  programAgencies: { from: 'Program', type: 'RUN_BY', direction: 'out', to: 'Agency' },
  programPolicies: { from: 'Program', type: 'BASED_ON', direction: 'out', to: 'Policy' },
  programOutcomes: { from: 'Program', type: 'ACHIEVED', direction: 'out', to: 'Outcome' },
  policyIssuers: { from: 'Policy', type: 'ISSUED_BY', direction: 'out', to: 'Entity' },
  policyPrograms: { from: 'Policy', type: 'BASED_ON', direction: 'in', to: 'Program' },
  enterpriseRegion: { from: 'Enterprise', type: 'LOCATED_IN', direction: 'out', to: 'Region' },
  outcomeRegion: { from: 'Outcome', type: 'IN_REGION', direction: 'out', to: 'Region' },
  outcomePrograms: { from: 'Outcome', type: 'ACHIEVED', direction: 'in', to: 'Program' },
  indicatorOutcomes: { from: 'Indicator', type: 'MEASURES', direction: 'in', to: 'Outcome' },
  entityArticles: { from: 'Entity', type: 'MENTIONS', direction: 'in', to: 'Article' },
  outcomeArticles: { from: 'Outcome', type: 'MENTIONS', direction: 'in', to: 'Article' },
} as const satisfies Record<string, Walk>;

export type WalkName = keyof typeof WALKS;

/**
 * Set on a walk's subtree when the query asks for the articles of its relationships' evidence
 * (`evidence { article { … } }` on an edge or a role): they are then read along (`supportArticles`)
 * instead of by a loader in a second round trip. A symbol, so that walking a tree's entries skips it.
 */
export const SUPPORT_ARTICLES = Symbol('supportArticles');

/** The walks to read along with a node, and the walks to read along with the nodes they reach. */
export type WalkTree = { readonly [W in WalkName]?: WalkTree } & { readonly [SUPPORT_ARTICLES]?: true };

/** The articles a relationship's provenance lists, by id (an index seek each). */
const SUPPORT_ARTICLES_OF = (r: string) =>
  `, supportArticles: COLLECT { UNWIND coalesce(${r}.articles, []) AS ${r}_id MATCH (${r}_a:Article {id: ${r}_id}) RETURN ${r}_a {.*, label: 'Article'} }`;

/** `(from)-[rel:TYPE]->(to:Label)`, or the other way round. */
const step = (w: Walk, from: string, rel: string, to: string) =>
  w.direction === 'out' ? `(${from})-[${rel}:${w.type}]->(${to}:${w.to})` : `(${from})<-[${rel}:${w.type}]-(${to}:${w.to})`;

/**
 * Every node as the API reads it: its properties, its most specific label and, for an outcome,
 * the articles that report it (so that its evidence needs no second round trip).
 */
export const NODE_PROJECTION = (v: string, extra = '') =>
  `${v} {.*, label: head([l IN labels(${v}) WHERE l <> 'Entity']),
    evidenceArticles: CASE WHEN ${v}:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(${v}) | evidenceArticle {.*, label: 'Article'}] ELSE [] END${extra}}`;

/** A node reached by a walk carries the relationship's properties (its provenance lists). */
const WALKED = (v: string, r: string) => NODE_PROJECTION(v, `, support: properties(${r})`);

/**
 * A node with the nodes its walks reach nested under `walked: {walkName: [...]}`, each list in the
 * loaders' order (by name, then id), to any depth of the tree: one statement reads a whole page
 * of a root list and the relations its query selects. Variables are named by their path in the
 * tree (n_0_1), so the text is the same for the same tree and Neo4j plans it once.
 */
export function projectWithWalks(v: string, tree: WalkTree, extra = ''): string {
  const walks = Object.entries(tree) as Array<[WalkName, WalkTree]>;
  if (walks.length === 0) return NODE_PROJECTION(v, extra);
  const walked = walks.map(([name, below], i) => {
    const [m, r] = [`${v}_${i}`, `${v}_${i}_r`];
    return `${name}: COLLECT { MATCH ${step(WALKS[name], v, r, m)} WITH ${m}, ${r} ORDER BY ${m}.name, ${m}.id RETURN ${projectWithWalks(m, below, `, support: properties(${r})${below[SUPPORT_ARTICLES] ? SUPPORT_ARTICLES_OF(r) : ''}`)} }`;
  });
  return NODE_PROJECTION(v, `${extra}, walked: {${walked.join(',\n    ')}}`);
}

const walkStatement = (w: Walk) => `
UNWIND $ids AS id
MATCH ${step(w, `n:${w.from} {id: id}`, 'r', 'm')}
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
