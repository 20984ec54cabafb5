import neo4j from 'neo4j-driver';
import { FACT_ATTRIBUTES, NODE_LABELS, type NodeLabel } from '../model/index.js';
// The relationships the API walks, as a fixed table over the model's labels (src/model). Statements
// are built from these constants (and, for a root list, from which walks its query selects), never
// from a request's values: those travel as parameters.

export { FACT_TYPES, NODE_LABELS, type FactType, type NodeLabel } from '../model/index.js';

export interface Walk {
  from: NodeLabel | 'Entity';
  type: string;
  direction: 'out' | 'in';
  to: NodeLabel | 'Entity';
  /**
   * Any number of steps (a region's ancestors or descendants), each node reached once. Such
   * walks reach nodes, not a relationship: what they reach carries no relationship properties.
   */
  hops?: 'many';
  /** Nearest first, instead of by name: ancestors. */
  byDistance?: true;
  /** The walk takes the field's `level` argument: only nodes at that level (null: all). */
  atLevel?: true;
}

export const WALKS = {
  regionParent: { from: 'Region', type: 'PART_OF', direction: 'out', to: 'Region' },
  regionChildren: { from: 'Region', type: 'PART_OF', direction: 'in', to: 'Region' },
  regionAgencies: { from: 'Region', type: 'LOCATED_IN', direction: 'in', to: 'Agency' },
  regionEnterprises: { from: 'Region', type: 'LOCATED_IN', direction: 'in', to: 'Enterprise' },
  regionPrograms: { from: 'Region', type: 'IMPLEMENTED_IN', direction: 'in', to: 'Program' },
  regionOutcomes: { from: 'Region', type: 'IN_REGION', direction: 'in', to: 'Outcome' },
  regionOfficials: { from: 'Region', type: 'HOLDS', direction: 'in', to: 'Official' },
  regionAncestors: { from: 'Region', type: 'PART_OF', direction: 'out', to: 'Region', hops: 'many', byDistance: true },
  regionDescendants: { from: 'Region', type: 'PART_OF', direction: 'in', to: 'Region', hops: 'many', atLevel: true },
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

/** Whether a string names a walk of the table. */
export const isWalkName = (name: unknown): name is WalkName => typeof name === 'string' && Object.hasOwn(WALKS, name);

/** A walk's definition, with the optional fields every row may leave out. */
export const walkOf = (name: WalkName): Walk => WALKS[name];

/** Whole numbers Cypher needs as integers (SKIP, LIMIT): JS numbers travel as floats. */
export const cypherInt = (n: number) => neo4j.int(Math.trunc(n));

/** A slice of a list: `SKIP offset LIMIT limit`. */
export interface Page {
  offset: number;
  limit: number;
}

/**
 * What a field reads along one walk: the walk, the page of it (null: every node it reaches) and,
 * for `atLevel` walks, the level (null: all). Two fields asking the same read the same.
 */
export interface WalkRequest {
  walk: WalkName;
  page: Page | null;
  level?: string | null;
}

/**
 * A walk a root list's query selects, with the walks selected below the nodes it reaches: one
 * statement reads them all (see `projectWithWalks`). `provenance`: the query may ask for evidence,
 * so the relationships' provenance (and the articles reporting an outcome reached) is read along;
 * without it, a relationship's attributes only. `supportArticles`: the query asks for the articles
 * of the relationships' evidence, read along instead of by a loader afterwards.
 */
export interface WalkSelection extends WalkRequest {
  provenance: boolean;
  supportArticles: boolean;
  below: readonly WalkSelection[];
}

/** The same key for the same read: loaders are primed and asked by it. */
export const requestKey = (r: WalkRequest): string =>
  `${r.walk}${r.page ? `@${r.page.offset}+${r.page.limit}` : ''}${walkOf(r.walk).atLevel ? `#${r.level ?? '*'}` : ''}`;

/** A statement and its parameters. */
export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Every node as the API reads it: its properties and its most specific label and, for an outcome,
 * the articles that report it (so that its evidence needs no second round trip). When the
 * pattern already says the label, the projection says it too rather than computing it per row.
 */
export function nodeProjection(v: string, label: NodeLabel | 'Entity' | null, extra = '', evidence = true): string {
  const labelOf = label && label !== 'Entity' ? `'${label}'` : `head([l IN labels(${v}) WHERE l <> 'Entity'])`;
  const comprehension = `[(evidenceArticle:Article)-[:MENTIONS]->(${v}) | evidenceArticle {.*, label: 'Article'}]`;
  // Entities are never outcomes: only an outcome, or a node of unknown label, reads evidence.
  const articles =
    !evidence ? '' : label === 'Outcome' ? `, evidenceArticles: ${comprehension}` : label === null ? `, evidenceArticles: CASE WHEN ${v}:Outcome THEN ${comprehension} ELSE [] END` : '';
  return `${v} {.*, label: ${labelOf}${articles}${extra}}`;
}

/** Any node, label unknown (search, paths, subgraphs). */
export const NODE_PROJECTION = (v: string) => nodeProjection(v, null);

/** The articles a relationship's provenance lists, by id (an index seek each). */
const SUPPORT_ARTICLES_OF = (r: string) =>
  `, supportArticles: COLLECT { UNWIND coalesce(${r}.articles, []) AS ${r}_id MATCH (${r}_a:Article {id: ${r}_id}) RETURN ${r}_a {.*, label: 'Article'} }`;

/** `(from)-[rel:TYPE]->(to:Label)`, or the other way round. */
const step = (w: Walk, from: string, rel: string, to: string) =>
  w.direction === 'out' ? `(${from})-[${rel}:${w.type}]->(${to}:${w.to})` : `(${from})<-[${rel}:${w.type}]-(${to}:${w.to})`;

/** `(from)-[:TYPE*1..]->(to:Label)`, or the other way round. */
const steps = (w: Walk, from: string, to: string) =>
  w.direction === 'out' ? `(${from})-[:${w.type}*1..]->(${to}:${w.to})` : `(${from})<-[:${w.type}*1..]-(${to}:${w.to})`;

/**
 * The rows a walk reaches from `v`, bound as `m` (and its relationship as `m_r`), ordered as the
 * loaders and connections expect: by name then id, or nearest first.
 */
function reached(w: Walk, v: string, m: string, level: string | null): string {
  if (!w.hops) return `MATCH ${step(w, v, `${m}_r`, m)} WITH ${m}, ${m}_r ORDER BY ${m}.name, ${m}.id`;
  if (w.byDistance) return `MATCH ${m}_path = ${steps(w, v, m)} WITH ${m}, length(${m}_path) AS ${m}_distance ORDER BY ${m}_distance, ${m}.id`;
  // Only with a level: a filter on a null parameter still costs planning time on every new shape.
  const atLevel = w.atLevel && level != null ? ` WHERE ${m}.level = $${m}_level` : '';
  return `MATCH ${steps(w, v, m)}${atLevel} WITH DISTINCT ${m} ORDER BY ${m}.name, ${m}.id`;
}

/**
 * The walks below a node, as the entries of its `walked` map (`w0`, `w1`, … in selection order),
 * each a `COLLECT` subquery paged with `SKIP`/`LIMIT` and nested as deep as the selection. Variables
 * and parameters are named by their path in the tree (`n_0_1`, `$n_0_1_limit`), so the text is the
 * same for the same shape of query whatever its page sizes, and Neo4j plans it once.
 */
function walkedEntries(v: string, selections: readonly WalkSelection[], params: Record<string, unknown>): string {
  return selections.map((sel, i) => `w${i}: ${walkSubquery(v, `${v}_${i}`, sel, params)}`).join(',\n    ');
}

/**
 * What a walk reads of the relationship it went along (`r`): its properties, with the articles of
 * its provenance when the query asks for them; or, when the query asks for no evidence, only its
 * attributes (a role's title): that halves the rows of a query such as policies → programs → regions.
 */
function supportOf(w: Walk, r: string, sel: WalkSelection): string {
  if (w.hops) return '';
  if (sel.provenance) return `, support: properties(${r})${sel.supportArticles ? SUPPORT_ARTICLES_OF(r) : ''}`;
  const attributes = FACT_ATTRIBUTES[w.type] ?? [];
  return attributes.length > 0 ? `, support: ${r} {${attributes.map((a) => `.${a}`).join(', ')}}` : '';
}

/** One walk from `v` as a `COLLECT` subquery binding `m`, with its page, level and the walks below. */
function walkSubquery(v: string, m: string, sel: WalkSelection, params: Record<string, unknown>): string {
  const w = walkOf(sel.walk);
  let paging = '';
  if (sel.page) {
    paging = ` SKIP $${m}_offset LIMIT $${m}_limit`;
    setParam(params, `${m}_offset`, cypherInt(sel.page.offset));
    setParam(params, `${m}_limit`, cypherInt(sel.page.limit));
  }
  if (w.atLevel && sel.level != null) setParam(params, `${m}_level`, sel.level);
  return `COLLECT { ${reached(w, v, m, sel.level ?? null)}${paging} RETURN ${projectWithWalks(m, w.to, sel.below, params, supportOf(w, `${m}_r`, sel), sel.provenance)} }`;
}

/**
 * A node with the nodes its walks reach nested under `walked: {w0: [...], …}`, to any depth of the
 * selection, adding the parameters the walks need to `params`.
 */
export function projectWithWalks(v: string, label: NodeLabel | 'Entity', selections: readonly WalkSelection[], params: Record<string, unknown>, extra = '', evidence = true): string {
  if (selections.length === 0) return nodeProjection(v, label, extra, evidence);
  return nodeProjection(v, label, `${extra}, walked: {${walkedEntries(v, selections, params)}}`, evidence);
}

/**
 * A parameter set once: two pieces of a statement that chose the same name would otherwise
 * silently read each other's value.
 */
export function setParam(params: Record<string, unknown>, name: string, value: unknown): void {
  if (Object.hasOwn(params, name)) throw new Error(`statement parameter $${name} is set twice: two pieces of the statement chose the same name`);
  params[name] = value;
}

/** For a batch of ids, the page of nodes one walk reaches from each: the statement behind a walk's loader. */
export function walkStatement(request: WalkRequest): Statement {
  const w = walkOf(request.walk);
  const params: Record<string, unknown> = {};
  const items = walkSubquery('n', 'n_0', { ...request, provenance: true, supportArticles: false, below: [] }, params);
  return { text: `UNWIND $ids AS id\nMATCH (n:${w.from} {id: id})\nRETURN id, ${items} AS items`, params };
}

const nodesStatement = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN ${nodeProjection('n', label)} AS node`;

export const NODE_STATEMENTS = Object.fromEntries(NODE_LABELS.map((l) => [l, nodesStatement(l)])) as Record<NodeLabel, string>;
