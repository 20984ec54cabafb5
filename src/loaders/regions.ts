import type { Graph } from '../graph/driver.js';
import { regionsByIds, type RegionRecord } from '../graph/regions.js';
import { inKeyOrder } from './byIds.js';

/** Batch function behind the per-request Region loader: one Cypher query for all ids of a level. */
export async function loadRegions(graph: Graph, ids: readonly string[]): Promise<Array<RegionRecord | Error>> {
  return inKeyOrder(ids, await regionsByIds(graph, ids), (r) => r.id, 'Region');
}
