import type { Graph } from './driver.js';

/** A Region node as the API reads it. */
export interface RegionRecord {
  id: string;
  name: string;
  level: string;
  code: string | null;
  aliases: string[];
  parentId: string | null;
}

const REGION_FIELDS = `r { .id, .name, .level, .code, aliases: coalesce(r.aliases, []),
  parentId: head([(r)-[:PART_OF]->(p:Region) | p.id]) } AS region`;

/** Every region in the subtree of the region(s) named `within` (by name, alias or code), root included. */
export const REGIONS_WITHIN = `
MATCH (root:Region)
WHERE root.name = $within OR root.code = $within OR $within IN root.aliases
MATCH (r:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT r
RETURN ${REGION_FIELDS}
ORDER BY r.code, r.name`;

export const REGIONS_BY_IDS = `
UNWIND $ids AS id
MATCH (r:Region {id: id})
RETURN ${REGION_FIELDS}`;

export async function regionsWithin(graph: Graph, within: string): Promise<RegionRecord[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(REGIONS_WITHIN, { within });
    return result.records.map((rec) => rec.get('region') as RegionRecord);
  });
}

export async function regionsByIds(graph: Graph, ids: readonly string[]): Promise<RegionRecord[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(REGIONS_BY_IDS, { ids });
    return result.records.map((rec) => rec.get('region') as RegionRecord);
  });
}
