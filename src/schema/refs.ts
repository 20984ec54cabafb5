import type { NodeRecord } from '../graph/read.js';
import type { NodeLabel } from '../graph/relations.js';
import { loadNodes } from '../loaders/index.js';
import { builder } from './builder.js';

/**
 * The object types, declared before any of them is implemented: regions, agencies and programs
 * refer to each other, and each file under src/schema/ implements one family against these refs.
 * Each loads by id through a per-request DataLoader (one query per type and level).
 */
function nodeRef(label: NodeLabel) {
  return builder.loadableNodeRef<NodeRecord, string, string>(label, {
    id: { resolve: (n) => n.id },
    load: (ids, ctx) => loadNodes(ctx.graph, label, ids),
    sort: (n) => n.id,
  });
}

export const Region = nodeRef('Region');
export const Agency = nodeRef('Agency');
export const Official = nodeRef('Official');
export const Program = nodeRef('Program');
export const Policy = nodeRef('Policy');
export const Enterprise = nodeRef('Enterprise');
export const Indicator = nodeRef('Indicator');
export const Outcome = nodeRef('Outcome');
export const Article = nodeRef('Article');

/** Anything extracted from articles and named: it has aliases, articles and evidence. */
export const Entity = builder.interfaceRef<NodeRecord>('Entity');

/** Where an official holds a post, or who issued a policy: a region or an agency. */
export const Place = builder.unionType('Place', {
  types: [Region, Agency],
  resolveType: (n) => (n.label === 'Region' ? 'Region' : 'Agency'),
});

export const isLabel = (label: NodeLabel) => (n: unknown) => typeof n === 'object' && n !== null && (n as NodeRecord).label === label;
