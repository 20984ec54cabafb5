import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Filter, Listed } from '../graph/filters.js';
import { listNodes, type ListOrder } from '../graph/read.js';
import type { WalkName } from '../graph/relations.js';
import type { Context } from './context.js';

/** Which walk each relation field of a type reads (the fields defined with walkConnection & co). */
const FIELD_WALKS: Partial<Record<Listed, Record<string, WalkName>>> = {
  Region: { children: 'regionChildren', agencies: 'regionAgencies', programs: 'regionPrograms', outcomes: 'regionOutcomes', officials: 'regionOfficials', enterprises: 'regionEnterprises' },
  Agency: { region: 'agencyRegion', parent: 'agencyParent', branches: 'agencyBranches', programs: 'agencyPrograms', officials: 'agencyOfficials', policies: 'agencyPolicies' },
  Official: { roles: 'officialRoles' },
  Program: { regions: 'programRegions', agencies: 'programAgencies', policies: 'programPolicies', outcomes: 'programOutcomes' },
  Policy: { issuers: 'policyIssuers', programs: 'policyPrograms' },
  Enterprise: { region: 'enterpriseRegion' },
  Outcome: { program: 'outcomePrograms', articles: 'outcomeArticles' },
};
const ENTITY_WALKS: Record<string, WalkName> = { articles: 'entityArticles', evidence: 'entityArticles' };

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

/**
 * A root list that reads, in its own statement, the relations its query asks of each node, and
 * primes this request's loaders with them: the headline traversal is then one round trip for the
 * programs and their regions, agencies and outcomes, instead of one per level.
 */
export function listAndPrime(ctx: Context, info: GraphQLResolveInfo, label: Listed, filter: Filter, order: ListOrder) {
  const fields = nodeFields(info);
  const byField = { ...(label === 'Outcome' || label === 'Article' ? {} : ENTITY_WALKS), ...FIELD_WALKS[label] };
  const walks = [...new Set([...fields].map((f) => byField[f]).filter((w): w is WalkName => w !== undefined))];
  return async (page: { offset: number; limit: number }) => {
    const nodes = await listNodes(ctx.graph, label, filter, order, page, walks);
    for (const n of nodes) for (const w of walks) ctx.loaders.walk(w).prime(n.id, n.walked?.[w] ?? []);
    return nodes;
  };
}
