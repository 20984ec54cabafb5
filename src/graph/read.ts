import neo4j from 'neo4j-driver';
import { z } from 'zod/v4';
import { FACT_TYPES, LISTED_LABELS, NODE_LABELS, type NodeLabel } from '../model/index.js';
import type { Graph } from './driver.js';
import { RegionName, WITHIN_ROOTS, type Filter, type Listed } from './filters.js';
import { parseNode, parseNodeOf, parseNodeWithWalks, parseWalked, RegionSchema, SupportSchema, type NodeRecord, type NodeWithWalks, type RecordOf, type RegionRecord, type WalkedRecord } from './records.js';
import { cypherInt, NODE_PROJECTION, NODE_STATEMENTS, projectWithWalks, setParam, walkStatement, type Page, type Statement, type WalkRequest, type WalkSelection } from './relations.js';

/** A whole number within bounds, from whatever a client sent. */
const clamp = (n: number, low: number, high: number) => Math.min(Math.max(low, Math.trunc(n)), high);

// Every node a statement returns is checked and typed by records.ts on its way out: the layers
// above get typed records, and a row of the wrong shape fails here, naming its label and field.
export type { NodeRecord, NodeWithWalks, WalkedRecord } from './records.js';

/** Reads a column of a result row with `schema`: the row's values are whatever Neo4j sent. */
const column = <S extends z.ZodType>(record: { get(key: string): unknown }, key: string, schema: S): z.output<S> => schema.parse(record.get(key));

// The reads behind the DataLoaders share a transaction per level (Graph.readShared).

export async function nodesByIds<L extends NodeLabel>(graph: Graph, label: L, ids: readonly string[]): Promise<Array<RecordOf<L>>> {
  return (await graph.readShared(NODE_STATEMENTS[label], { ids })).map((r) => parseNodeOf(label, r.get('node')));
}

const WalkRow = z.object({ id: z.string(), items: z.array(z.unknown()) });

/** For each id, the page of nodes one walk reaches: one statement for the whole batch. */
export async function walk(graph: Graph, request: WalkRequest, ids: readonly string[]): Promise<Map<string, WalkedRecord[]>> {
  const { text, params } = walkStatement(request);
  const records = await graph.readShared(text, { ...params, ids });
  return new Map(
    records.map((r) => {
      const { id, items } = WalkRow.parse({ id: r.get('id'), items: r.get('items') });
      return [id, items.map(parseWalked)];
    }),
  );
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

/**
 * The statement of a root list: a page of one kind of node, filtered and ordered, each node with
 * the nodes the selected walks reach (`walked`), nested as deep as the selection.
 */
export function listStatement(label: Listed, filter: Filter, order: ListOrder, page: Page, walks: readonly WalkSelection[]): Statement {
  if (!LISTED_LABELS.some((l) => l === label)) throw new Error(`not a listed label: ${label}`);
  const o = ORDERS[order];
  const params = { ...filter.params };
  setParam(params, 'offset', cypherInt(page.offset));
  setParam(params, 'limit', cypherInt(page.limit));
  // The order is stated again after the projection: Cypher keeps row order only where it is asked for.
  const text = `
${filter.prelude ?? ''}
${filter.anchor ?? `MATCH (n:${label})`}
${filter.cypher}
WITH n${o.keys}
ORDER BY ${o.by}
SKIP $offset LIMIT $limit
RETURN ${projectWithWalks('n', label, walks, params)} AS node
ORDER BY ${o.by}`;
  return { text, params };
}

/**
 * The ids of the regions a name names: those with that name, code or id (index seeks) or, only
 * when there is none, those with it among their aliases (河北 for 河北省). Aliases have no index,
 * and scanning every region for them cost about 0.7 ms a request (2,000 regions) that an exact
 * name never needs: Cypher evaluates only the branch of the CASE it takes. The exact names are one
 * MATCH with OR, which Neo4j answers with a union of index seeks.
 */
export const REGION_IDS_NAMED = `
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids`;

/**
 * How long what a name names is reused. Names change meaning only with an ingest (a new region,
 * a new alias): a write through this process forgets them at once (`Graph.readRemembered`), one
 * by another process (such as `kg ingest`) shows within this time, as the statistics do.
 */
export const REGION_NAMES_KEPT_MS = 5_000;

const IdsSchema = z.array(z.string());

/** The ids of the regions `region` names (see REGION_IDS_NAMED), kept for REGION_NAMES_KEPT_MS. */
export function regionIdsNamed(graph: Graph, region: RegionName): Promise<string[]> {
  const params = { name: region.name, code: region.code };
  return graph.readRemembered(`regions named ${JSON.stringify(params)}`, REGION_NAMES_KEPT_MS, async () => {
    const [record] = await graph.readStatement(REGION_IDS_NAMED, params);
    return record ? column(record, 'ids', IdsSchema) : [];
  });
}

/**
 * Plans the region lookup ahead: every query that names a region runs it first, and on an empty
 * plan cache (a new Neo4j, or one whose caches were cleared) planning it costs about 30 ms.
 */
export async function planRegionLookup(graph: Graph): Promise<void> {
  await graph.readStatement(REGION_IDS_NAMED, { name: '', code: null });
}

/** A statement's parameters with each region name (`RegionName`) replaced by the ids it names. */
async function withRegionsNamed(graph: Graph, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const named = Object.entries(params).filter((entry): entry is [string, RegionName] => entry[1] instanceof RegionName);
  if (named.length === 0) return params;
  const ids = await Promise.all(named.map(([, region]) => regionIdsNamed(graph, region)));
  return { ...params, ...Object.fromEntries(named.map(([key], i) => [key, ids[i]])) };
}

/** Runs a statement that returns `node` rows of one label, the regions it names resolved first. */
async function readNodes<L extends NodeLabel>(graph: Graph, label: L, { text, params }: Statement): Promise<Array<NodeWithWalks<RecordOf<L>>>> {
  return (await graph.readStatement(text, await withRegionsNamed(graph, params))).map((r) => parseNodeWithWalks(r.get('node'), label));
}

export async function listNodes<L extends Listed>(
  graph: Graph,
  label: L,
  filter: Filter,
  order: ListOrder,
  page: Page,
  walks: readonly WalkSelection[] = [],
): Promise<Array<NodeWithWalks<RecordOf<L>>>> {
  return readNodes(graph, label, listStatement(label, filter, order, page, walks));
}

/** One region by code, or by name or alias; the exact match first. */
export function regionStatement(code: string | null, name: string | null, walks: readonly WalkSelection[]): Statement {
  const params: Record<string, unknown> = { code, name, named: new RegionName(name, code) };
  const text = `
MATCH (n:Region) WHERE n.id IN $named
WITH n ORDER BY CASE WHEN n.code = $code OR n.name = $name THEN 0 ELSE 1 END, n.code
LIMIT 1
RETURN ${projectWithWalks('n', 'Region', walks, params)} AS node`;
  return { text, params };
}

export async function regionByCodeOrName(graph: Graph, code: string | null, name: string | null, walks: readonly WalkSelection[] = []): Promise<NodeWithWalks<RegionRecord> | null> {
  return (await readNodes(graph, 'Region', regionStatement(code, name, walks)))[0] ?? null;
}

/**
 * Every region within the one named (itself included): the tree is bounded by the gazetteer. The
 * relations the query selects (a parent) are read in the same statement.
 */
export function regionsWithinStatement(within: string, levels: readonly string[] | null, walks: readonly WalkSelection[]): Statement {
  const params: Record<string, unknown> = { within: new RegionName(within) };
  if (levels) params.levels = levels;
  const text = `
${WITHIN_ROOTS}
MATCH (n:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT n${levels ? '\nWHERE n.level IN $levels' : ''}
RETURN ${projectWithWalks('n', 'Region', walks, params)} AS node
ORDER BY n.code, n.name`;
  return { text, params };
}

export async function regionsWithin(graph: Graph, within: string, levels: readonly string[] | null, walks: readonly WalkSelection[] = []): Promise<Array<NodeWithWalks<RegionRecord>>> {
  return readNodes(graph, 'Region', regionsWithinStatement(within, levels, walks));
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
  const records = await graph.readStatement(SEARCH, { query: escapeLucene(text), types, limit: cypherInt(limit), scan: cypherInt(limit * 5) });
  return records.map((r) => ({ node: parseNode(r.get('node')), score: column(r, 'score', z.number()) }));
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

const CountSchema = z.object({ key: z.string(), count: z.number() });
const RegionCountSchema = CountSchema.extend({
  id: z.string(),
  /** The region counted, read along (so that its fields need no second round trip). */
  node: RegionSchema,
});
export type Count = z.output<typeof CountSchema>;
export type RegionCount = z.output<typeof RegionCountSchema>;
export interface Stats {
  byType: Count[];
  byIndicator: Count[];
  byRegion: RegionCount[];
}

/**
 * How long the statistics are reused: they walk every province's and city's subtree (28,000 db
 * hits on the seeds plus 500 articles, the costliest of the docs/queries examples), and change
 * only with an ingest. A write through this process forgets them at once (`Graph.readRemembered`).
 */
export const STATS_KEPT_MS = 5_000;

export async function stats(graph: Graph, top: number): Promise<Stats> {
  return graph.readRemembered(`stats:${top}`, STATS_KEPT_MS, async () => {
    const [r] = await graph.readStatement(STATS, { top: cypherInt(top) });
    if (!r) throw new Error('the statistics statement returned no row');
    return { byType: column(r, 'byType', z.array(CountSchema)), byIndicator: column(r, 'byIndicator', z.array(CountSchema)), byRegion: column(r, 'byRegion', z.array(RegionCountSchema)) };
  });
}

// ---- paths and subgraphs -----------------------------------------------------------------------

/** A relationship: its provenance and title typed, every other property kept (exports write them all). */
const EdgeSchema = z.object({ type: z.string(), from: z.string(), to: z.string(), properties: SupportSchema.loose() });
export type EdgeRecord = z.output<typeof EdgeSchema>;

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
  const [record] = await graph.readStatement(cypher, params);
  return record ? { nodes: column(record, 'nodes', z.array(z.unknown())).map(parseNode), edges: column(record, 'edges', z.array(EdgeSchema)) } : null;
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
  return readSlice(graph, SUBGRAPH_STATEMENTS[clamp(depth, 1, MAX_SUBGRAPH_DEPTH)]!, { root, types, maxNodes: cypherInt(MAX_SUBGRAPH_NODES) });
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
