import type { ExtractedArticle, RegionEntity } from '../extract/types.js';
import type { Graph } from './driver.js';

/**
 * Writes extracted articles in one managed write transaction per batch: each statement is an
 * UNWIND over the batch's rows and MERGEs on ids, so writing the same articles again changes
 * nothing.
 */

const MERGE_REGIONS = `
UNWIND $regions AS r
MERGE (n:Region {id: r.id})
SET n.name = r.name, n.level = r.level, n.code = r.code,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN r.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)`;

const MERGE_PART_OF = `
UNWIND $links AS l
MATCH (child:Region {id: l.child})
MATCH (parent:Region {id: l.parent})
MERGE (child)-[:PART_OF]->(parent)`;

const MERGE_ARTICLES = `
UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n.title = a.title, n.date = a.date, n.source = a.source, n.url = a.url,
    n.contentHash = a.contentHash, n.extractorVersion = a.extractorVersion
WITH n, a
UNWIND a.mentions AS mentionedId
MATCH (r:Region {id: mentionedId})
MERGE (n)-[:MENTIONS]->(r)`;

interface RegionRow {
  id: string;
  name: string;
  level: string;
  code: string | null;
  aliases: string[];
}

export interface WriteSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
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

export async function writeArticles(graph: Graph, articles: readonly ExtractedArticle[]): Promise<WriteSummary> {
  const { regions, links } = regionRows(articles);
  const articleRows = articles.map((a) => ({
    ...a.article,
    mentions: a.entities.filter((e) => e.type === 'Region').map((e) => e.id),
  }));
  return graph.write(async (tx) => {
    const summary: WriteSummary = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
    for (const [cypher, params] of [
      [MERGE_REGIONS, { regions }],
      [MERGE_PART_OF, { links }],
      [MERGE_ARTICLES, { articles: articleRows }],
    ] as const) {
      const result = await tx.run(cypher, params);
      const counters = result.summary.counters.updates();
      summary.nodesCreated += counters.nodesCreated;
      summary.relationshipsCreated += counters.relationshipsCreated;
      summary.propertiesSet += counters.propertiesSet;
    }
    return summary;
  });
}
