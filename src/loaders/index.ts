import DataLoader from 'dataloader';
import type { Graph } from '../graph/driver.js';
import { ancestors, descendants, nodesByIds, walk, type NodeRecord, type WalkedRecord } from '../graph/read.js';
import type { NodeLabel, WalkName } from '../graph/relations.js';

/**
 * This request's DataLoaders: one per relationship walked (and per level for descendants), so
 * that a field resolved for a hundred parents is one Cypher query, not a hundred. Created per
 * request, so nothing is cached across requests.
 */
export function createLoaders(graph: Graph) {
  const walks = new Map<string, DataLoader<string, WalkedRecord[]>>();
  const lists = (key: string, load: (ids: readonly string[]) => Promise<Map<string, WalkedRecord[]>>) => {
    let loader = walks.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await load(ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      walks.set(key, loader);
    }
    return loader;
  };
  return {
    walk: (name: WalkName) => lists(`walk:${name}`, (ids) => walk(graph, name, ids)),
    ancestors: () => lists('ancestors', (ids) => ancestors(graph, ids)),
    descendants: (level: string | null) => lists(`descendants:${level}`, (ids) => descendants(graph, ids, level)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Batch function behind each type's node loader (`loadableNodeRef`): one query per type and level.
 * The nodes found, in any order: the ref's `sort` puts them in key order, null where the graph
 * has none (an Error there would fail the whole batch, every id of it).
 */
export function loadNodes(graph: Graph, label: NodeLabel, ids: readonly string[]): Promise<NodeRecord[]> {
  return nodesByIds(graph, label, ids);
}
