import { getNamedType, Kind, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Filter, Listed } from '../graph/filters.js';
import { listNodes, type ListOrder } from '../graph/read.js';
import type { WalkName } from '../graph/relations.js';
import type { Context } from './context.js';

/** Names of the fields selected on `edges { node { … } }` of a connection, fragments included. */
function nodeFields(info: GraphQLResolveInfo): Set<string> {
  const found = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, path: readonly string[]) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        if (path.length === 0) found.add(sel.name.value);
        else if (sel.name.value === path[0]) visit(sel.selectionSet, path.slice(1));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, path);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[sel.name.value]?.selectionSet, path);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, ['edges', 'node']);
  return found;
}

/** The object type of a connection's nodes: `XConnection.edges.node`. */
function nodeType(info: GraphQLResolveInfo): GraphQLObjectType {
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
}

/**
 * A root list that reads, in its own transaction, the relations its query asks of each node
 * (the selected fields that declare a walk in `extensions.walk`), and primes this request's
 * loaders with them: the headline traversal is then one round trip for the programs and their
 * regions, agencies and outcomes, instead of one per level.
 */
export function listAndPrime(ctx: Context, info: GraphQLResolveInfo, label: Listed, filter: Filter, order: ListOrder) {
  const fields = nodeType(info).getFields();
  const walks = [...new Set([...nodeFields(info)].map((f) => fields[f]?.extensions?.walk as WalkName | undefined).filter((w): w is WalkName => w !== undefined))];
  return async (page: { offset: number; limit: number }) => {
    const nodes = await listNodes(ctx.graph, label, filter, order, page, walks);
    for (const n of nodes) for (const w of walks) ctx.loaders.walk(w).prime(n.id, n.walked?.[w] ?? []);
    return nodes;
  };
}
