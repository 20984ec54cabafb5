import DataLoader from 'dataloader';
import type { Graph } from '../graph/driver.js';
import { nodesByIds, walk, type WalkedRecord } from '../graph/read.js';
import type { RecordOf } from '../graph/records.js';
import { requestKey, type WalkRequest } from '../graph/relations.js';
import type { NodeLabel } from '../model/index.js';

/**
 * This request's DataLoaders: one per walk read (and per page and level of it), so that a field
 * resolved for a hundred parents is one Cypher statement, not a hundred. Created per request, so
 * nothing is cached across requests. A root list primes them with what it read along (lookahead.ts).
 */
export function createLoaders(graph: Graph) {
  const walks = new Map<string, DataLoader<string, WalkedRecord[]>>();
  return {
    /** The loader of one walk read: the same request (walk, page, level) gets the same loader. */
    walk(request: WalkRequest): DataLoader<string, WalkedRecord[]> {
      const key = requestKey(request);
      let loader = walks.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids: readonly string[]) => {
          const found = await walk(graph, request, ids);
          return ids.map((id) => found.get(id) ?? []);
        });
        walks.set(key, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Batch function behind each type's node loader (`loadableNodeRef`): one query per type and level.
 * The nodes found, in any order: the ref's `sort` puts them in key order, null where the graph
 * has none (an Error there would fail the whole batch, every id of it).
 */
export function loadNodes<L extends NodeLabel>(graph: Graph, label: L, ids: readonly string[]): Promise<Array<RecordOf<L>>> {
  return nodesByIds(graph, label, ids);
}
