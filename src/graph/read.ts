import neo4j from 'neo4j-driver';
import type { Graph } from './driver.js';
import { NAMED, WITHIN_ROOTS, type Filter, type Listed } from './filters.js';
import { ANCESTORS, DESCENDANTS, FACT_TYPES, NODE_LABELS, NODE_PROJECTION, NODE_STATEMENTS, projectWithWalks, WALK_STATEMENTS, type NodeLabel, type WalkName, type WalkTree } from './relations.js';

/** Whole numbers Cypher needs as integers (SKIP, LIMIT, list slices): JS numbers travel as floats. */
const int = (n: number) => neo4j.int(Math.trunc(n));

/** A whole number within bounds, from whatever a client sent. */
const clamp = (n: number, low: number, high: number) => Math.min(Math.max(low, Math.trunc(n)), high);

/** A node as the API reads it: its properties and its most specific label. */
export interface NodeRecord {
  id: string;
  name?: string;
  label: NodeLabel;
  [property: string]: unknown;
}

/** A node reached by walking a relationship, with that relationship's properties (provenance). */
export interface WalkedRecord extends NodeRecord {
  support?: { articles?: string[]; sentences?: string[]; title?: string };
  /** The articles of `support.articles`, when the query's walk read them along (`SUPPORT_ARTICLES`). */
  supportArticles?: NodeRecord[];
}

// The reads behind the DataLoaders share a transaction per level (Graph.readShared).

export async function nodesByIds(graph: Graph, label: NodeLabel, ids: readonly string[]): Promise<NodeRecord[]> {
  return (await graph.readShared(NODE_STATEMENTS[label], { ids })).map((r) => r.get('node') as NodeRecord);
}

/** For each id, the nodes one relationship away: one query for the whole batch. */
export async function walk(graph: Graph, name: WalkName, ids: readonly string[]): Promise<Map<string, WalkedRecord[]>> {
  return itemsById(await graph.readShared(WALK_STATEMENTS[name], { ids }));
}

export async function ancestors(graph: Graph, ids: readonly string[]): Promise<Map<string, NodeRecord[]>> {
  return itemsById(await graph.readShared(ANCESTORS, { ids }));
}

export async function descendants(graph: Graph, ids: readonly string[], level: string | null): Promise<Map<string, NodeRecord[]>> {
  return itemsById(await graph.readShared(DESCENDANTS, { ids, level }));
}

function itemsById(records: Array<{ get(key: string): unknown }>): Map<string, WalkedRecord[]> {
  return new Map(records.map((r) => [r.get('id') as string, r.get('items') as WalkedRecord[]]));
}

/** Sort orders of the root lists, by name; every one ends with the id so pages are stable. */
const ORDERS = {
  NAME: { keys: '', by: 'n.name, n.id' },
  OUTCOMES_DESC: { keys: ', COUNT { (n)-[:ACHIEVED]->() } AS outcomes', by: 'outcomes DESC, n.name, n.id' },
  DATE_DESC: { keys: ', COLLECT { MATCH (a:Article)-[:MENTIONS]->(n) RETURN a.date } AS dates', by: 'reduce(m = "", d IN dates | CASE WHEN d > m THEN d ELSE m END) DESC, n.id' },
  // Undated articles last: Cypher sorts nulls first in a descending order.
  ARTICLE_DATE_DESC: { keys: '', by: 'n.date IS NULL, n.date DESC, n.id' },
  // The size of a change, as a percentage when one can be known: 由139个至74个 is 46.8 %.
  IMPROVEMENT_DESC: {
    keys: `, coalesce(abs(n.changePercent),
        CASE WHEN n.beforeValue > 0 AND n.afterValue IS NOT NULL AND n.beforeUnit = n.afterUnit THEN abs(n.afterValue - n.beforeValue) * 100.0 / n.beforeValue END,
        -1.0) AS improvement`,
    by: 'improvement DESC, n.id',
  },
} as const;

export type ListOrder = keyof typeof ORDERS;

const LISTED_LABELS: readonly Listed[] = ['Region', 'Agency', 'Official', 'Program', 'Policy', 'Enterprise', 'Outcome', 'Article'];

/** A node read with the nodes its walks reach (see `projectWithWalks`), nested as deep as the tree. */
export type NodeWithWalks = NodeRecord & { walked?: Partial<Record<WalkName, Array<WalkedRecord & NodeWithWalks>>> };

/**
 * A page of one kind of node, filtered and ordered; with `walks`, each node also carries the
 * nodes those walks reach (`walked[name]`, and theirs below), read in the same statement, once
 * Neo4j has planned it (see `Graph.isPlanned`); until then the nodes come without `walked`.
 */
export async function listNodes(graph: Graph, label: Listed, filter: Filter, order: ListOrder, page: { offset: number; limit: number }, walks: WalkTree = {}): Promise<NodeWithWalks[]> {
  if (!LISTED_LABELS.includes(label)) throw new Error(`not a listed label: ${label}`);
  const o = ORDERS[order];
  // The order is stated again after the projection: Cypher keeps row order only where it is asked for.
  const statement = (tree: WalkTree) => `
${filter.prelude ?? ''}
${filter.anchor ?? `MATCH (n:${label})`}
${filter.cypher}
WITH n${o.keys}
ORDER BY ${o.by}
SKIP $offset LIMIT $limit
RETURN ${projectWithWalks('n', tree)} AS node
ORDER BY ${o.by}`;
  const params = { ...filter.params, offset: int(page.offset), limit: int(page.limit) };
  const cypher = withWalksOncePlanned(graph, statement, walks, params);
  return graph.read(async (tx) => (await tx.run(cypher, params)).records.map((r) => r.get('node') as NodeWithWalks));
}

/**
 * A statement that reads nodes with their walks, once Neo4j has planned it: a shape of query seen
 * for the first time reads its nodes alone (the loaders read the walks) while Neo4j plans the
 * statement with the walks in the background, for the next time.
 */
function withWalksOncePlanned(graph: Graph, statement: (tree: WalkTree) => string, walks: WalkTree, params: Record<string, unknown>): string {
  const cypher = statement(walks);
  return Object.keys(walks).length > 0 && !graph.isPlanned(cypher, params) ? statement({}) : cypher;
}

export const REGION_BY_CODE_OR_NAME = `
MATCH (n:Region)
WHERE ($code IS NOT NULL AND n.code = $code) OR ($name IS NOT NULL AND ${NAMED('n', 'name')})
RETURN ${NODE_PROJECTION('n')} AS node
ORDER BY CASE WHEN n.code = $code OR n.name = $name THEN 0 ELSE 1 END, n.code
LIMIT 1`;

export async function regionByCodeOrName(graph: Graph, code: string | null, name: string | null): Promise<NodeRecord | null> {
  return graph.read(async (tx) => ((await tx.run(REGION_BY_CODE_OR_NAME, { code, name })).records[0]?.get('node') as NodeRecord | undefined) ?? null);
}

/**
 * Every region within the one named (itself included): the tree is bounded by the gazetteer. With
 * `walks`, the relations the query selects (a parent) are read in the same statement.
 */
const regionsWithinStatement = (walks: WalkTree) => `
${WITHIN_ROOTS}
UNWIND roots AS root
MATCH (n:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT n
WHERE $levels IS NULL OR n.level IN $levels
RETURN ${projectWithWalks('n', walks)} AS node
ORDER BY n.code, n.name`;

export async function regionsWithin(graph: Graph, within: string, levels: readonly string[] | null, walks: WalkTree = {}): Promise<NodeWithWalks[]> {
  const params = { within, levels };
  const cypher = withWalksOncePlanned(graph, regionsWithinStatement, walks, params);
  return graph.read(async (tx) => (await tx.run(cypher, params)).records.map((r) => r.get('node') as NodeWithWalks));
}

// ---- search ----------------------------------------------------------------------------------

/** Lucene's query syntax characters, escaped so that any user string is searched as text. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/gu, '\\$&').replace(/\b(AND|OR|NOT)\b/gu, (w) => w.toLowerCase());
}

export const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $scan}) YIELD node, score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN ${NODE_PROJECTION('node')} AS node, score
ORDER BY score DESC, node.id
LIMIT $limit`;

export async function search(graph: Graph, text: string, types: readonly string[] | null, limit: number): Promise<Array<{ node: NodeRecord; score: number }>> {
  return graph.read(async (tx) =>
    (await tx.run(SEARCH, { query: escapeLucene(text), types, limit: int(limit), scan: int(limit * 5) })).records.map((r) => ({ node: r.get('node') as NodeRecord, score: r.get('score') as number })),
  );
}

// ---- statistics --------------------------------------------------------------------------------

/** Counts by type come from Neo4j's count store (one literal label each), the rest by walking. */
export const STATS = `
CALL {
  RETURN [${NODE_LABELS.map((l) => `{key: '${l}', count: COUNT { (:${l}) }}`).join(', ')}] AS byType
}
CALL {
  MATCH (i:Indicator)
  WITH i ORDER BY i.name
  RETURN collect({key: i.name, count: COUNT { (i)<-[:MEASURES]-(:Outcome) }}) AS byIndicator
}
CALL {
  MATCH (r:Region) WHERE r.level IN ['PROVINCE', 'CITY']
  WITH r, COUNT { (r)<-[:PART_OF*0..]-(:Region)<-[:IMPLEMENTED_IN]-(:Program) } AS programs
  WHERE programs > 0
  WITH r, programs ORDER BY programs DESC, r.name LIMIT $top
  RETURN collect({key: r.name, id: r.id, count: programs, node: ${NODE_PROJECTION('r')}}) AS byRegion
}
RETURN byType, byIndicator, byRegion`;

export interface Count {
  key: string;
  count: number;
  id?: string;
  /** The region counted, read along (so that its fields need no second round trip). */
  node?: NodeRecord;
}

/**
 * How long the statistics are reused: they walk every province's and city's subtree (28,000 db
 * hits on the seeds plus 500 articles, the costliest of the docs/queries examples), and change
 * only with an ingest. A write through this process forgets them at once (`Graph.readRemembered`).
 */
export const STATS_KEPT_MS = 5_000;

export async function stats(graph: Graph, top: number): Promise<{ byType: Count[]; byIndicator: Count[]; byRegion: Count[] }> {
  return graph.readRemembered(`stats:${top}`, STATS_KEPT_MS, () =>
    graph.read(async (tx) => {
      const r = (await tx.run(STATS, { top: int(top) })).records[0]!;
      return { byType: r.get('byType') as Count[], byIndicator: r.get('byIndicator') as Count[], byRegion: r.get('byRegion') as Count[] };
    }),
  );
}

// ---- paths and subgraphs -----------------------------------------------------------------------

export interface EdgeRecord {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface GraphSlice {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

const EDGE = (r: string) => `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, properties: properties(${r})}`;

/** Paths and subgraphs follow facts, not MENTIONS: through articles, everything is two steps from everything. */
const FACT_RELATIONSHIPS = ['PART_OF', ...FACT_TYPES, 'MEASURES', 'IN_REGION'].join('|');

/** Path lengths are part of the pattern, so each allowed length has its own constant statement. */
export const MAX_PATH_LENGTH = 6;
/** A node of any kind by id, through the id indexes (an unlabelled match would scan the graph). */
const ANY_NODE = (v: string, param: string) => `CALL {
  MATCH (${v}:Entity {id: $${param}}) RETURN ${v}
  UNION MATCH (${v}:Outcome {id: $${param}}) RETURN ${v}
  UNION MATCH (${v}:Article {id: $${param}}) RETURN ${v}
  UNION MATCH (${v}:Indicator {id: $${param}}) RETURN ${v}
}`;

const pathStatement = (length: number) => `
${ANY_NODE('a', 'from')}
${ANY_NODE('b', 'to')}
MATCH p = shortestPath((a)-[:${FACT_RELATIONSHIPS}*..${length}]-(b))
RETURN [n IN nodes(p) | ${NODE_PROJECTION('n')}] AS nodes, [r IN relationships(p) | ${EDGE('r')}] AS edges`;
const PATH_STATEMENTS = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, n) => pathStatement(Math.max(1, n)));

async function readSlice(graph: Graph, cypher: string, params: Record<string, unknown>): Promise<GraphSlice | null> {
  return graph.read(async (tx) => {
    const record = (await tx.run(cypher, params)).records[0];
    return record ? { nodes: record.get('nodes') as NodeRecord[], edges: record.get('edges') as EdgeRecord[] } : null;
  });
}

export async function shortestPath(graph: Graph, from: string, to: string, maxLength: number): Promise<GraphSlice | null> {
  return readSlice(graph, PATH_STATEMENTS[clamp(maxLength, 1, MAX_PATH_LENGTH)]!, { from, to });
}

export const MAX_SUBGRAPH_DEPTH = 3;
export const MAX_SUBGRAPH_NODES = 500;
const subgraphStatement = (depth: number) => `
${ANY_NODE('root', 'root')}
OPTIONAL MATCH p = (root)-[:${FACT_RELATIONSHIPS}*1..${depth}]-(m)
WHERE $types IS NULL OR all(x IN nodes(p)[1..] WHERE any(l IN labels(x) WHERE l IN $types))
WITH root, collect(DISTINCT m)[0..$maxNodes] AS reached
WITH [root] + [m IN reached WHERE m IS NOT NULL AND m <> root] AS members
UNWIND members AS n
OPTIONAL MATCH (n)-[r]->(o) WHERE o IN members
WITH members, collect(DISTINCT r) AS rels
RETURN [n IN members | ${NODE_PROJECTION('n')}] AS nodes, [r IN rels | ${EDGE('r')}] AS edges`;
const SUBGRAPH_STATEMENTS = Array.from({ length: MAX_SUBGRAPH_DEPTH + 1 }, (_, d) => subgraphStatement(Math.max(1, d)));

export async function subgraph(graph: Graph, root: string, depth: number, types: readonly string[] | null): Promise<GraphSlice | null> {
  return readSlice(graph, SUBGRAPH_STATEMENTS[clamp(depth, 1, MAX_SUBGRAPH_DEPTH)]!, { root, types, maxNodes: int(MAX_SUBGRAPH_NODES) });
}

/**
 * Can Neo4j serve a read right now? A real read of the store, not a Bolt handshake: a database
 * that failed (a full disk makes Neo4j refuse every transaction) still accepts connections. One
 * attempt, no retries, within `timeoutMs`, so a load balancer gets its answer quickly.
 */
export async function probeRead(graph: Graph, timeoutMs = 3_000): Promise<void> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('MATCH (n) RETURN count(n) AS nodes', {}, { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}
