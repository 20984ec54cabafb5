import { BREAK, getNamedType, isObjectType, visit, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Filter, Listed } from '../graph/filters.js';
import { listNodes, type ListOrder } from '../graph/read.js';
import type { NodeWithWalks, RecordOf } from '../graph/records.js';
import { isWalkName, requestKey, walkOf, type Page, type WalkName, type WalkRequest, type WalkSelection } from '../graph/relations.js';
import type { Loaders } from '../loaders/index.js';
import type { Context } from './context.js';
import { walkPage, type PageArgs } from './paging.js';

/**
 * At most this many walks are read along with a root's nodes, nearest levels first: enough for
 * any query in docs/queries, and a bound on the statement a hostile query can make Neo4j plan.
 * Walks past the budget are read by the loaders, one statement per field and level, as usual.
 */
export const MAX_PREFETCHED_WALKS = 12;

/**
 * How a field reads its walk: a page of it (a connection: `first`/`after` become SKIP/LIMIT), the
 * first node only (a field for one node), or every node (a plain list).
 */
export type WalkReads = 'page' | 'one' | 'all';

/** What a walk field declares in its `extensions`, for the lookahead below. */
export interface WalkFieldExtension<W extends WalkName = WalkName> {
  walk: W;
  reads: WalkReads;
}

const FIRST_ONLY: Page = { offset: 0, limit: 1 };

/**
 * What a walk field reads for these arguments. The resolver asks its loader for exactly this, and
 * the lookahead primes that loader with exactly this, so the two must agree: both call here.
 */
export function walkRequest(field: WalkFieldExtension, args: PageArgs & { level?: string | null }): WalkRequest {
  const page = field.reads === 'page' ? walkPage(args) : field.reads === 'one' ? FIRST_ONLY : null;
  return walkOf(field.walk).atLevel ? { walk: field.walk, page, level: args.level ?? null } : { walk: field.walk, page };
}

/** The walk a field declares in `extensions.walk` (see `walkExtension` in common.ts), if any. */
function walkFieldOf(field: GraphQLField<unknown, unknown> | undefined): WalkFieldExtension | undefined {
  const declared: unknown = field?.extensions?.walk;
  if (typeof declared !== 'object' || declared === null || !('walk' in declared) || !('reads' in declared)) return undefined;
  const { walk, reads } = declared;
  return isWalkName(walk) && (reads === 'page' || reads === 'one' || reads === 'all') ? { walk, reads } : undefined;
}

/** The paging (and level) arguments of a field, as graphql-parse-resolve-info coerced them. */
function walkArgs(args: Record<string, unknown>): PageArgs & { level?: string | null } {
  const int = (v: unknown) => (typeof v === 'number' ? v : null);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return { first: int(args.first), last: int(args.last), after: text(args.after), before: text(args.before), level: text(args.level) };
}

// Selections are read with graphql-parse-resolve-info (graphile): it resolves fragments by their
// type conditions, honours @skip/@include with variables, merges aliases per name and coerces
// arguments, which is everything a hand-written walk over the AST gets subtly wrong.

/** Without `keepRoot`, a parse is the field's own tree, or nothing. */
const isResolveTree = (parsed: ReturnType<typeof parseResolveInfo>): parsed is ResolveTree =>
  typeof parsed === 'object' && parsed !== null && typeof parsed.name === 'string' && typeof parsed.fieldsByTypeName === 'object';

/** The fields a selection asks of an object type: fragments on it or on its interfaces included. */
const fieldsOn = (tree: ResolveTree, type: GraphQLObjectType): ResolveTree[] => Object.values(simplifyParsedResolveInfoFragmentWithType(tree, type).fields);

/** The selections of one field name on an object type, across several selections of it. */
const selected = (trees: readonly ResolveTree[], type: GraphQLObjectType, name: string) => trees.flatMap((t) => fieldsOn(t, type).filter((f) => f.name === name));

/** A connection's node type and the selections on `edges { node }`; any other object type as it is. */
function throughConnection(type: GraphQLObjectType, trees: readonly ResolveTree[]): { type: GraphQLObjectType; trees: ResolveTree[] } | null {
  const edges = type.getFields().edges;
  if (!edges) return { type, trees: [...trees] };
  const edgeType = getNamedType(edges.type);
  const node = isObjectType(edgeType) ? edgeType.getFields().node : undefined;
  const nodeType = node && getNamedType(node.type);
  if (!isObjectType(edgeType) || !isObjectType(nodeType)) return null;
  return { type: nodeType, trees: selected(selected(trees, type, 'edges'), edgeType, 'node') };
}

/**
 * Whether a walk field's selection asks for the articles of its relationships' evidence: on the
 * edges of a connection, or on what a list returns (a role). An entity's own `evidence` is another
 * walk (the articles that mention it), not this.
 */
function asksSupportArticles(target: GraphQLObjectType, trees: readonly ResolveTree[]): boolean {
  const edges = target.getFields().edges;
  const edgeType = edges && getNamedType(edges.type);
  if (edges && !isObjectType(edgeType)) return false;
  const [type, sets] = isObjectType(edgeType) ? [edgeType, selected(trees, target, 'edges')] : [target, trees];
  const evidence = type.getFields().evidence;
  if (!evidence || walkFieldOf(evidence)) return false;
  const evidenceType = getNamedType(evidence.type);
  return isObjectType(evidenceType) && selected(selected(sets, type, 'evidence'), evidenceType, 'article').length > 0;
}

const EVIDENCE_FIELD = 'evidence';
const asksEvidenceByOperation = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation selects `evidence` anywhere (its fragments included, directives ignored).
 * Only then do its statements read provenance (sentences, article ids, an outcome's articles):
 * per operation rather than per field, because loaders are shared by every field of a request, and
 * a walk primed without provenance must never answer a field that shows evidence. Cached by the
 * operation node, which yoga's parser cache reuses for the same document.
 */
function asksEvidence(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): boolean {
  let asks = asksEvidenceByOperation.get(info.operation);
  if (asks === undefined) {
    asks = [info.operation, ...Object.values(info.fragments)].some((node) => {
      let found = false;
      visit(node, {
        Field(field) {
          if (field.name.value !== EVIDENCE_FIELD) return undefined;
          found = true;
          return BREAK;
        },
      });
      return found;
    });
    asksEvidenceByOperation.set(info.operation, asks);
  }
  return asks;
}

/**
 * The walks a root field's query selects below its nodes, as a tree: the fields that declare a
 * walk in `extensions.walk`, then the same inside what they return, breadth first, within the
 * budget. Interfaces and unions below a walk are not followed (their fields depend on the runtime
 * type). The same field asked twice with the same arguments (aliases, fragments) is one walk.
 */
export function selectedWalks(info: GraphQLResolveInfo): WalkSelection[] {
  const root = parseResolveInfo(info);
  const rootType = getNamedType(info.returnType);
  if (!isResolveTree(root) || !isObjectType(rootType)) return [];
  const start = throughConnection(rootType, [root]);
  type Level = { type: GraphQLObjectType; trees: ResolveTree[]; into: WalkSelection[] };
  const top: WalkSelection[] = [];
  const queue: Level[] = start ? [{ ...start, into: top }] : [];
  let budget = MAX_PREFETCHED_WALKS;
  const provenance = asksEvidence(info);
  while (queue.length > 0) {
    const { type, trees, into } = queue.shift()!;
    const byRequest = new Map<string, { request: WalkRequest; target: GraphQLObjectType; trees: ResolveTree[] }>();
    for (const tree of trees) {
      for (const field of fieldsOn(tree, type)) {
        const definition = type.getFields()[field.name];
        const walkField = walkFieldOf(definition);
        const target = definition && getNamedType(definition.type);
        if (!walkField || !isObjectType(target)) continue;
        const request = walkRequest(walkField, walkArgs(field.args));
        const key = requestKey(request);
        const found = byRequest.get(key);
        if (found) found.trees.push(field);
        else byRequest.set(key, { request, target, trees: [field] });
      }
    }
    // In a fixed order (by walk, then page), so that the same fields asked in another order make
    // the same statement text, planned once by Neo4j.
    const requests = [...byRequest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    for (const { request, target, trees: fieldTrees } of requests) {
      if (budget === 0) break;
      budget--;
      const selection: WalkSelection & { below: WalkSelection[] } = { ...request, provenance, supportArticles: asksSupportArticles(target, fieldTrees), below: [] };
      into.push(selection);
      const below = throughConnection(target, fieldTrees);
      if (below) queue.push({ ...below, into: selection.below });
    }
  }
  return top;
}

/** Hands each walk read along with the nodes to its loader, at every level of the tree. */
function prime(loaders: Loaders, nodes: readonly NodeWithWalks[], walks: readonly WalkSelection[]): void {
  walks.forEach((selection, i) => {
    const loader = loaders.walk(selection);
    for (const n of nodes) {
      const reached = n.walked?.[`w${i}`];
      if (!reached) continue;
      loader.prime(n.id, reached);
      prime(loaders, reached, selection.below);
    }
  });
}

/**
 * A root field's nodes read by `read` with the walks its query selects (see `selectedWalks`), and
 * this request's loaders primed with them: the whole query is one statement, one round trip.
 */
export async function readAndPrime<T extends NodeWithWalks | null>(ctx: Context, info: GraphQLResolveInfo, read: (walks: readonly WalkSelection[]) => Promise<T[]>): Promise<T[]> {
  const walks = selectedWalks(info);
  const nodes = await read(walks);
  prime(ctx.loaders, nodes.filter((n): n is NonNullable<T> => n !== null), walks);
  return nodes;
}

/**
 * A root list that reads, in one statement, its page and the relations its query selects below it
 * (see `selectedWalks`), and primes this request's loaders with them: the headline traversal is one
 * round trip to Neo4j whatever the number of programs, instead of one per level. Typed by the label.
 */
export function listAndPrime<L extends Listed>(ctx: Context, info: GraphQLResolveInfo, label: L, filter: Filter, order: ListOrder): ListPage<NodeWithWalks<RecordOf<L>>>;
export function listAndPrime(ctx: Context, info: GraphQLResolveInfo, label: Listed, filter: Filter, order: ListOrder): ListPage<NodeWithWalks> {
  return (page) => readAndPrime(ctx, info, (walks) => listNodes(ctx.graph, label, filter, order, page, walks));
}
type ListPage<T> = (page: { offset: number; limit: number }) => Promise<T[]>;
