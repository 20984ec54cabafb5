import type { ImplementableLoadableNodeRef } from '@pothos/plugin-dataloader';
import type { AgencyRecord, NodeRecord, RecordOf, RegionRecord, WalkedRecord } from '../graph/records.js';
import { loadNodes } from '../loaders/index.js';
import type { EntityLabel, NodeLabel } from '../model/index.js';
import { builder } from './builder.js';

/**
 * The object types, declared before any of them is implemented: regions, agencies and programs
 * refer to each other, and each file under src/schema/ implements one family against these refs.
 * Each loads by id through a per-request DataLoader (one query per type and level), and its
 * resolvers get the typed record of its label (src/graph/records.ts).
 */
type Types = typeof builder.$inferSchemaTypes;
/** A node may have been reached by a walk: then it carries the relationship's support too. */
type NodeRef<Shape> = ImplementableLoadableNodeRef<Types, string | Shape, Shape, string, string, string>;

// Typed by its label for callers; the body is checked once over every label.
function nodeRef<L extends NodeLabel>(label: L): NodeRef<WalkedRecord<RecordOf<L>>>;
function nodeRef(label: NodeLabel): NodeRef<WalkedRecord> {
  return builder.loadableNodeRef<WalkedRecord, string, string, string, WalkedRecord>(label, {
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

/** A record of any entity label. */
export type EntityRecord = WalkedRecord<RecordOf<EntityLabel>>;

/** Anything extracted from articles and named: it has aliases, articles and evidence. */
export const Entity = builder.interfaceRef<EntityRecord>('Entity');

/** A region or an agency: what HOLDS and ISSUED_BY reach (their walks' target is any entity). */
export function placeOf(node: EntityRecord): WalkedRecord<RegionRecord> | WalkedRecord<AgencyRecord> {
  if (node.label === 'Region' || node.label === 'Agency') return node;
  throw new Error(`a place is a region or an agency, not a ${node.label} (${node.id})`);
}

/** Where an official holds a post, or who issued a policy: a region or an agency. */
export const Place = builder.unionType('Place', {
  types: [Region, Agency],
  resolveType: (n) => (n.label === 'Region' ? 'Region' : 'Agency'),
});

/** `isTypeOf` of a label's object type: Pothos hands it whatever a resolver returned. */
export const isLabel =
  (label: NodeRecord['label']) =>
  (n: unknown): boolean =>
    typeof n === 'object' && n !== null && 'label' in n && n.label === label;
