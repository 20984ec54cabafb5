import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, FACT_TYPES, type EntityLabel, type ExtractedArticle, type FactType, type RegionEntity } from '../model/index.js';
import type { Graph } from './driver.js';

/**
 * Writes extracted articles, one managed write transaction per batch. Every statement is an
 * UNWIND over the batch's rows that MERGEs on ids, so writing the same articles again changes
 * nothing, and a batch is all or nothing, so a killed ingest leaves whole articles behind.
 *
 * Provenance: an Article MENTIONS every entity and outcome it names; every fact relationship and
 * every Outcome keeps `articles` (ids) and `sentences` (the evidence, same order). Retracting an
 * article removes it from those lists, deletes what is left with none, and deletes entities no
 * article mentions any more.
 */

/**
 * The entities merged with their attributes, one statement per label: every entity but regions,
 * which come with their lineage and are merged by MERGE_REGIONS.
 */
type AttributedLabel = Exclude<EntityLabel, 'Region'>;
export const ATTRIBUTED_LABELS = ENTITY_LABELS.filter((l): l is AttributedLabel => l !== 'Region');

/**
 * Aliases as a sorted set, so that the graph does not depend on the order articles came in.
 * (Rows are unique per node within a statement: batchRows merges them first.)
 */
const UNION_ALIASES = `
WITH n, row
WHERE any(alias IN row.aliases WHERE NOT alias IN coalesce(n.aliases, []))
CALL (n, row) {
  UNWIND coalesce(n.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  WITH collect(alias) AS aliases
  SET n.aliases = aliases
}`;

const MERGE_REGIONS = `
UNWIND $regions AS row
MERGE (n:Region {id: row.id})
ON CREATE SET n:Entity, n.aliases = []
SET n.name = row.name, n.level = row.level, n.code = row.code
${UNION_ALIASES}`;

const MERGE_PART_OF = `
UNWIND $links AS l
MATCH (child:Region {id: l.child})
MATCH (parent:Region {id: l.parent})
MERGE (child)-[:PART_OF]->(parent)`;

// Attributes are the first article's: later articles add support and aliases, not rewrites, so
// the graph is the same whatever order the articles come in.
const mergeEntities = (label: AttributedLabel) => `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n:Entity, n += row.props, n.name = row.name, n.aliases = []
${UNION_ALIASES}`;
const MERGE_ENTITIES = Object.fromEntries(ATTRIBUTED_LABELS.map((l) => [l, mergeEntities(l)])) as Record<AttributedLabel, string>;

const MERGE_ARTICLES = `
UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n.title = a.title, n.date = a.date, n.source = a.source, n.url = a.url,
    n.contentHash = a.contentHash, n.extractorVersion = a.extractorVersion, n.encoding = a.encoding`;

/** A mention of an entity keeps the sentences that name it (up to three): its evidence. */
const mergeMentions = (label: 'Entity' | 'Outcome') => `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (n:${label} {id: row.id})
MERGE (a)-[m:MENTIONS]->(n)
${label === 'Entity' ? 'SET m.sentences = row.sentences' : ''}`;
const MERGE_MENTIONS = mergeMentions('Entity');
const MERGE_OUTCOME_MENTIONS = mergeMentions('Outcome');

/**
 * Adds the row's articles and sentences to a fact's provenance lists (`articles`, `sentences`,
 * same order, sorted by article id so that ingest order does not show).
 */
const SUPPORT = (v: string) => `
WITH ${v}, row, ${v}.articles IS NULL AS fresh
// New: the row's lists, sorted already. Known: merged below, only if the row adds an article.
SET ${v}.articles = CASE WHEN fresh THEN row.articles ELSE ${v}.articles END,
    ${v}.sentences = CASE WHEN fresh THEN row.sentences ELSE ${v}.sentences END
WITH ${v}, row, fresh
WHERE NOT fresh AND any(a IN row.articles WHERE NOT a IN ${v}.articles)
CALL (${v}, row) {
  WITH coalesce(${v}.articles, []) AS known
  UNWIND [i IN range(0, size(known) - 1) | [known[i], ${v}.sentences[i]]]
       + [i IN range(0, size(row.articles) - 1) WHERE NOT row.articles[i] IN known | [row.articles[i], row.sentences[i]]] AS pair
  WITH pair ORDER BY pair[0]
  WITH collect(pair) AS pairs
  SET ${v}.articles = [p IN pairs | p[0]], ${v}.sentences = [p IN pairs | p[1]]
}`;

const MERGE_OUTCOMES = `
UNWIND $rows AS row
MERGE (o:Outcome {id: row.id})
ON CREATE SET o += row.props
WITH o, row
MERGE (i:Indicator {id: 'indicator:' + row.props.indicator})
ON CREATE SET i.name = row.props.indicator
MERGE (o)-[:MEASURES]->(i)
WITH o, row
CALL (o, row) {
  MATCH (r:Region {id: row.region})
  MERGE (o)-[:IN_REGION]->(r)
}
${SUPPORT('o')}`;

const mergeFacts = (type: FactType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:${type === 'ACHIEVED' ? 'Outcome' : 'Entity'} {id: row.to})
MERGE (a)-[r:${type}${type === 'HOLDS' ? ' {title: row.title}' : ''}]->(b)
${SUPPORT('r')}`;
const MERGE_FACTS = Object.fromEntries(FACT_TYPES.map((t) => [t, mergeFacts(t)])) as Record<FactType, string>;

/** Articles already in the graph with one of these ids or urls, to tell new from unchanged from replaced. */
const KNOWN_ARTICLES = `
UNWIND $keys AS k
OPTIONAL MATCH (byId:Article {id: k.id})
OPTIONAL MATCH (byUrl:Article {url: k.url})
RETURN k.id AS id, byId.extractorVersion AS version, collect(DISTINCT byUrl.id) AS sameUrl`;

// Retraction, in order. Each takes $ids, the articles to remove.

/** Drops article `id` (and its sentence) from the provenance lists of `v`. */
const DROP_SUPPORT = (v: string) => `
WITH ${v}, [i IN range(0, size(${v}.articles) - 1) WHERE ${v}.articles[i] <> id] AS keep
SET ${v}.sentences = [i IN keep | ${v}.sentences[i]], ${v}.articles = [i IN keep | ${v}.articles[i]]`;

const RETRACT_FACTS = `
UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(n)-[r]->()
WHERE id IN coalesce(r.articles, [])
WITH DISTINCT r, id
${DROP_SUPPORT('r')}`;
const DELETE_UNSUPPORTED_FACTS = `
UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(n)-[r]->()
WHERE r.articles = []
DELETE r`;
const RETRACT_OUTCOMES = `
UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(o:Outcome)
WITH o, id
${DROP_SUPPORT('o')}`;
const DELETE_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:MENTIONS]->(n)
WITH a, collect(n) AS mentioned
DETACH DELETE a
WITH mentioned
UNWIND mentioned AS n
WITH DISTINCT n
WHERE NOT (n)<-[:MENTIONS]-() AND NOT n:Region
DETACH DELETE n`;
/** The regions these articles name, and their ancestors: the only ones a retraction can orphan. */
const REGIONS_NAMED_BY = `
UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(:Region)-[:PART_OF*0..]->(r:Region)
RETURN collect(DISTINCT r.id) AS ids`;
/** Of those, the ones no article names and no node points to (not a parent, not a place of anything). */
const DELETE_UNSUPPORTED_REGIONS = `
MATCH (r:Region) WHERE r.id IN $candidates AND NOT (r)<--()
DETACH DELETE r`;

export interface WriteSummary {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

export type ArticleStatus = 'new' | 'unchanged' | 'replaced';

export interface BatchResult extends WriteSummary {
  status: Map<string, ArticleStatus>;
}

interface RegionRow {
  id: string;
  name: string;
  level: string;
  code: string | null;
  aliases: string[];
}

export function regionRows(articles: readonly ExtractedArticle[]): { regions: RegionRow[]; links: Array<{ child: string; parent: string }> } {
  const regions = new Map<string, RegionRow>();
  const links = new Map<string, { child: string; parent: string }>();
  const addRegion = (row: RegionRow) => {
    const seen = regions.get(row.id);
    if (!seen) regions.set(row.id, { ...row, aliases: [...row.aliases] });
    else for (const a of row.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
  };
  for (const article of articles) {
    for (const entity of article.entities) {
      if (entity.type !== 'Region') continue;
      const { attributes: attr } = entity as RegionEntity;
      addRegion({ id: entity.id, name: entity.name, level: attr.level, code: attr.code, aliases: entity.aliases.filter((a) => a !== entity.name) });
      if (attr.parentId) links.set(entity.id, { child: entity.id, parent: attr.parentId });
      for (const ancestor of attr.lineage) {
        addRegion({ id: ancestor.id, name: ancestor.name, level: ancestor.level, code: ancestor.code, aliases: [] });
        if (ancestor.parentId) links.set(ancestor.id, { child: ancestor.id, parent: ancestor.parentId });
      }
    }
  }
  return { regions: [...regions.values()], links: [...links.values()] };
}

/** Neo4j stores primitives and lists of primitives: nested attributes (a region's lineage) stay out. */
function storable(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value;
  }
  return out;
}

interface SupportedRow {
  articles: string[];
  sentences: string[];
}

/** One row per key: the first row's fields, and every article (with its sentence) that supports it. */
function supported<T extends object>(rows: Map<string, T & SupportedRow>, key: string, row: T, article: string, sentence: string): void {
  const seen = rows.get(key);
  if (!seen) rows.set(key, { ...row, articles: [article], sentences: [sentence] });
  else if (!seen.articles.includes(article)) {
    // Kept sorted by article id, as the graph keeps them.
    const at = seen.articles.findIndex((a) => a > article);
    const i = at < 0 ? seen.articles.length : at;
    seen.articles.splice(i, 0, article);
    seen.sentences.splice(i, 0, sentence);
  }
}

/** The rows of a batch, grouped by the statement that writes them, one row per node or fact. */
export function batchRows(articles: readonly ExtractedArticle[]) {
  const { regions, links } = regionRows(articles);
  const entities = Object.fromEntries(ATTRIBUTED_LABELS.map((l) => [l, new Map()])) as Record<AttributedLabel, Map<string, { id: string; name: string; aliases: string[]; props: Record<string, unknown> }>>;
  const facts = Object.fromEntries(FACT_TYPES.map((t) => [t, new Map()])) as Record<FactType, Map<string, { from: string; to: string; title: string } & SupportedRow>>;
  const mentions: Array<{ article: string; id: string; sentences: string[] }> = [];
  const outcomeMentions: Array<{ article: string; id: string }> = [];
  const outcomes = new Map<string, { id: string; region: string | null; props: Record<string, unknown> } & SupportedRow>();
  for (const a of articles) {
    const article = a.article.id;
    for (const e of a.entities) {
      mentions.push({ article, id: e.id, sentences: [...new Set(e.evidence.map((x) => x.sentence))] });
      if (e.type === 'Region') continue;
      const aliases = e.aliases.filter((x) => x !== e.name);
      const seen = entities[e.type].get(e.id);
      if (seen) seen.aliases.push(...aliases.filter((x) => !seen.aliases.includes(x)));
      else entities[e.type].set(e.id, { id: e.id, name: e.name, aliases, props: { ...storable(e.attributes), type: e.type } });
    }
    for (const r of a.relations) {
      if (!(FACT_TYPES as readonly string[]).includes(r.type)) continue;
      const title = typeof r.attributes?.title === 'string' ? r.attributes.title : '';
      // One sentence per article and fact: the first that says it.
      supported(facts[r.type as FactType], `${r.from}|${r.to}|${title}`, { from: r.from, to: r.to, title }, article, r.evidence?.sentence ?? '');
    }
    for (const o of a.outcomes) {
      outcomeMentions.push({ article, id: o.id });
      supported(outcomes, o.id, { id: o.id, region: o.region, props: outcomeProps(o) }, article, o.evidence.sentence);
    }
  }
  return {
    regions,
    links,
    entities: Object.fromEntries(ATTRIBUTED_LABELS.map((l) => [l, [...entities[l].values()]])) as Record<AttributedLabel, unknown[]>,
    facts: Object.fromEntries(FACT_TYPES.map((t) => [t, [...facts[t].values()]])) as Record<FactType, unknown[]>,
    mentions,
    outcomeMentions,
    outcomes: [...outcomes.values()],
  };
}

function outcomeProps(o: ExtractedArticle['outcomes'][number]): Record<string, unknown> {
  return {
    indicator: o.indicator,
    // Extractions before status existed were all achievements.
    status: o.status ?? 'ACHIEVED',
    subject: o.subject,
    program: o.program,
    beforeText: o.before?.text ?? null,
    beforeValue: o.before?.value ?? null,
    beforeUnit: o.before?.unit ?? null,
    afterText: o.after?.text ?? null,
    afterValue: o.after?.value ?? null,
    afterUnit: o.after?.unit ?? null,
    changeText: o.change?.text ?? null,
    changeValue: o.change?.value ?? null,
    changeUnit: o.change?.unit ?? null,
    changePercent: o.change?.percent ?? null,
    direction: o.change?.direction ?? null,
  };
}

export const emptySummary = (): WriteSummary => ({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });

export function addSummary(into: WriteSummary, more: WriteSummary): void {
  into.nodesCreated += more.nodesCreated;
  into.nodesDeleted += more.nodesDeleted;
  into.relationshipsCreated += more.relationshipsCreated;
  into.relationshipsDeleted += more.relationshipsDeleted;
}

/** Runs a statement and adds what it changed to `summary`; returns the nodes it deleted. */
async function run(tx: ManagedTransaction, summary: WriteSummary, cypher: string, params: Record<string, unknown>): Promise<number> {
  const changed = (await tx.run(cypher, params)).summary.counters.updates();
  addSummary(summary, changed);
  return changed.nodesDeleted;
}

async function retractInTx(tx: ManagedTransaction, summary: WriteSummary, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const candidates = (await tx.run(REGIONS_NAMED_BY, { ids })).records[0]?.get('ids') as string[];
  // One article per statement: a fact two of them support must see the first removal.
  for (const id of ids) {
    for (const cypher of [RETRACT_FACTS, DELETE_UNSUPPORTED_FACTS, RETRACT_OUTCOMES]) await run(tx, summary, cypher, { ids: [id] });
  }
  // Outcomes and entities no other article mentions go with the article.
  await run(tx, summary, DELETE_ARTICLES, { ids });
  // A region's parent is orphaned only once the region itself is gone: a pass per level, until none goes.
  while (candidates.length > 0 && (await run(tx, summary, DELETE_UNSUPPORTED_REGIONS, { candidates })) > 0);
}

/**
 * Writes one batch in one transaction. An article already stored with the same content is left
 * alone (unless it was written by an older extractor and `reextract` is set); one whose url is
 * known with other content replaces the old one's facts.
 */
export async function writeBatch(graph: Graph, articles: readonly ExtractedArticle[], options: { reextract?: boolean } = {}): Promise<BatchResult> {
  return graph.write(async (tx) => {
    const summary = emptySummary();
    const status = new Map<string, ArticleStatus>();
    // A null url matches no article: an article without one is known by its content only.
    const keys = articles.map((a) => ({ id: a.article.id, url: a.article.url }));
    const known = await tx.run(KNOWN_ARTICLES, { keys });
    const retract = new Set<string>();
    const toWrite: ExtractedArticle[] = [];
    for (const [i, record] of known.records.entries()) {
      const article = articles[i]!;
      const version = record.get('version') as string | null;
      const sameUrl = (record.get('sameUrl') as string[]).filter((id) => id !== article.article.id);
      if (status.has(article.article.id)) continue; // the same content twice in one batch
      if (version !== null && sameUrl.length === 0 && !(options.reextract && version !== article.article.extractorVersion)) {
        status.set(article.article.id, 'unchanged');
        continue;
      }
      for (const id of sameUrl) retract.add(id);
      if (version !== null) retract.add(article.article.id);
      status.set(article.article.id, version !== null || sameUrl.length > 0 ? 'replaced' : 'new');
      toWrite.push(article);
    }
    await retractInTx(tx, summary, [...retract]);
    if (toWrite.length === 0) return { ...summary, status };

    const rows = batchRows(toWrite);
    await run(tx, summary, MERGE_REGIONS, { regions: rows.regions });
    await run(tx, summary, MERGE_PART_OF, { links: rows.links });
    for (const label of ATTRIBUTED_LABELS) if (rows.entities[label].length > 0) await run(tx, summary, MERGE_ENTITIES[label], { rows: rows.entities[label] });
    await run(tx, summary, MERGE_ARTICLES, { articles: toWrite.map((a) => a.article) });
    await run(tx, summary, MERGE_MENTIONS, { rows: rows.mentions });
    await run(tx, summary, MERGE_OUTCOMES, { rows: rows.outcomes });
    await run(tx, summary, MERGE_OUTCOME_MENTIONS, { rows: rows.outcomeMentions });
    for (const type of FACT_TYPES) if (rows.facts[type].length > 0) await run(tx, summary, MERGE_FACTS[type], { rows: rows.facts[type] });
    return { ...summary, status };
  });
}

/** `kg retract ARTICLE_ID`: removes exactly what only these articles supported. */
export async function retractArticles(graph: Graph, ids: readonly string[]): Promise<WriteSummary & { found: string[] }> {
  return graph.write(async (tx) => {
    const summary = emptySummary();
    const found = (await tx.run(FIND_ARTICLES, { ids })).records.map((r) => r.get('id') as string);
    await retractInTx(tx, summary, found);
    return { ...summary, found };
  });
}

const FIND_ARTICLES = `UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id`;

/** Articles written by another extractor version, with the file they came from. */
export const STALE_ARTICLES = `
MATCH (a:Article) WHERE a.extractorVersion <> $version
RETURN a.id AS id, a.source AS source ORDER BY a.source`;

export async function staleArticles(graph: Graph, version: string): Promise<Array<{ id: string; source: string | null }>> {
  return graph.read(async (tx) => (await tx.run(STALE_ARTICLES, { version })).records.map((r) => ({ id: r.get('id') as string, source: r.get('source') as string | null })));
}
