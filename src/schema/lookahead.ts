import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Filter, Listed } from '../graph/filters.js';
import { listNodes, type ListOrder, type NodeWithWalks } from '../graph/read.js';
import { SUPPORT_ARTICLES, type WalkName, type WalkTree } from '../graph/relations.js';
import type { Loaders } from '../loaders/index.js';
import type { Context } from './context.js';

/**
 * At most this many walks are read along with a root list's page, nearest levels first: enough for
 * any query in docs/queries, and a bound on the statement a hostile query can make Neo4j plan.
 * Walks past the budget are read by the loaders, one statement per field and level, as usual.
 */
export const MAX_PREFETCHED_WALKS = 12;

/** The fields selected directly on a selection set, fragments included, grouped by name (aliases merged). */
function selectedFields(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const found = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) found.set(sel.name.value, [...(found.get(sel.name.value) ?? []), sel]);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  sets.forEach(visit);
  return found;
}

/** The selection sets of some fields (leaves have none). */
const selectionsOf = (fields: readonly FieldNode[] = []) => fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));

/** A connection's node type and the selections on `edges { node }`; any other type as it is. */
function throughConnection(type: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): { type: GraphQLObjectType; sets: SelectionSetNode[] } | null {
  const edges = type.getFields().edges;
  if (!edges) return { type, sets: [...sets] };
  const node = (getNamedType(edges.type) as GraphQLObjectType).getFields().node;
  const nodeType = node && getNamedType(node.type);
  if (!nodeType || !isObjectType(nodeType)) return null;
  const edgeSets = selectionsOf(selectedFields(sets, info).get('edges'));
  return { type: nodeType, sets: selectionsOf(selectedFields(edgeSets, info).get('node')) };
}

/**
 * Whether a walk field's selection asks for the articles of its relationships' evidence: on the
 * edges of a connection, or on what a list returns (a role). An entity's own `evidence` is another
 * walk (the articles that mention it), not this.
 */
function asksSupportArticles(target: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): boolean {
  const edges = target.getFields().edges;
  const [type, evidenceSets] = edges
    ? [getNamedType(edges.type) as GraphQLObjectType, selectionsOf(selectedFields(sets, info).get('edges'))]
    : [target, [...sets]];
  const evidence = type.getFields().evidence;
  if (!evidence || evidence.extensions?.walk) return false;
  return selectedFields(selectionsOf(selectedFields(evidenceSets, info).get('evidence')), info).has('article');
}

/**
 * The walks a root list's query selects below its nodes, as a tree: the fields that declare a walk
 * in `extensions.walk`, then the same inside what they return, breadth first, within the budget.
 * Interfaces and unions below a walk are not followed (their fields depend on the runtime type).
 */
export function selectedWalks(info: GraphQLResolveInfo): WalkTree {
  const root: Record<string, WalkTree> = {};
  const start = throughConnection(getNamedType(info.returnType) as GraphQLObjectType, selectionsOf(info.fieldNodes), info);
  const queue: Array<{ type: GraphQLObjectType; sets: SelectionSetNode[]; tree: Record<string, WalkTree> }> = start ? [{ ...start, tree: root }] : [];
  let budget = MAX_PREFETCHED_WALKS;
  while (queue.length > 0) {
    const { type, sets, tree } = queue.shift()!;
    const fields = type.getFields();
    for (const [name, nodes] of selectedFields(sets, info)) {
      const walk = fields[name]?.extensions?.walk as WalkName | undefined;
      if (!walk) continue;
      if (!tree[walk]) {
        if (budget === 0) continue;
        budget--;
        tree[walk] = {};
      }
      const target = getNamedType(fields[name]!.type);
      if (isObjectType(target) && asksSupportArticles(target, selectionsOf(nodes), info)) (tree[walk] as { [SUPPORT_ARTICLES]?: true })[SUPPORT_ARTICLES] = true;
      const below = isObjectType(target) ? throughConnection(target, selectionsOf(nodes), info) : null;
      if (below) queue.push({ ...below, tree: tree[walk] as Record<string, WalkTree> });
    }
  }
  return root;
}

/** Hands each walk read along with the nodes to its loader, at every level of the tree; nodes read without their walks are left to the loaders. */
function prime(loaders: Loaders, nodes: readonly NodeWithWalks[], walks: WalkTree): void {
  for (const [walk, below] of Object.entries(walks) as Array<[WalkName, WalkTree]>) {
    const loader = loaders.walk(walk);
    for (const n of nodes) {
      const reached = n.walked?.[walk];
      if (!reached) continue;
      loader.prime(n.id, reached);
      prime(loaders, reached, below);
    }
  }
}

/**
 * A root field's nodes read by `read` with the walks its query selects (see `selectedWalks`), and
 * this request's loaders primed with them: for root fields that are plain lists (regions within one).
 */
export async function readAndPrime(ctx: Context, info: GraphQLResolveInfo, read: (walks: WalkTree) => Promise<NodeWithWalks[]>): Promise<NodeWithWalks[]> {
  const walks = selectedWalks(info);
  const nodes = await read(walks);
  prime(ctx.loaders, nodes, walks);
  return nodes;
}

/**
 * A root list that reads, in one statement, its page and the relations its query selects below it
 * (see `selectedWalks`), and primes this request's loaders with them: the headline traversal is one
 * round trip to Neo4j whatever the number of programs, instead of one per level. (The first time
 * a shape of query is seen, the loaders read the relations while Neo4j plans that statement.)
 */
export function listAndPrime(ctx: Context, info: GraphQLResolveInfo, label: Listed, filter: Filter, order: ListOrder) {
  const walks = selectedWalks(info);
  return async (page: { offset: number; limit: number }) => {
    const nodes = await listNodes(ctx.graph, label, filter, order, page, walks);
    prime(ctx.loaders, nodes, walks);
    return nodes;
  };
}
