import { createRequire } from 'node:module';
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE, MAX_NODE_IDS, MAX_PAGE } from './schema/builder.js';
import { MAX_SUBGRAPH_NODES } from './graph/read.js';

// graphql-query-complexity's ES build imports graphql's .mjs files, while Node gives everything
// else here graphql's CommonJS build: two copies of graphql that refuse each other's schema
// (slicknode/graphql-query-complexity#100). Its CommonJS build shares our copy.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * How many rows a plain list (not a connection) is taken to hold, per parent row. These lists
 * have no page argument, so the figure is an estimate of what they hold in this graph.
 */
export const LIST_ROWS = {
  /** `regions(within:)`: a province's named subtree (河北省: 11 cities, 168 counties, and zones). */
  regionsWithin: 300,
  /** `Region.ancestors`: province, city, county above a zone at most. */
  ancestors: 4,
  /** The sentences stating one fact or outcome (`evidence` on an edge, an outcome, a role…). */
  factEvidence: 5,
  /** The sentences naming an entity (`evidence` on a region, agency…): every article's mentions. */
  mentionEvidence: 50,
  /** Any other list of objects (a stats breakdown, an official's roles, introspection's lists). */
  other: DEFAULT_PAGE,
} as const;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** Rows a connection reads for its arguments: its page, as the resolvers cut it. */
export function pageSize(args: { first?: unknown; last?: unknown }): number {
  const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE;
  return clamp(asked, 0, MAX_PAGE);
}

/** Relay connections are the types with `edges` and `pageInfo`: their size is their page. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

const isEntity = (type: GraphQLNamedType) =>
  (isInterfaceType(type) && type.name === 'Entity') || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity'));

/** Rows of a plain list field, from the table above or its arguments (`nodes(ids:)`, `search(first:)`). */
function listRows({ type, field, args }: ComplexityEstimatorArgs): number {
  switch (`${type.name}.${field.name}`) {
    case 'Query.nodes':
      return Array.isArray(args.ids) ? Math.min(args.ids.length, MAX_NODE_IDS) : MAX_NODE_IDS;
    case 'Query.search':
      return clamp(typeof args.first === 'number' ? args.first : DEFAULT_PAGE, 1, MAX_PAGE);
    case 'Query.regions':
      return LIST_ROWS.regionsWithin;
    case 'Subgraph.nodes':
    case 'Subgraph.edges':
      return MAX_SUBGRAPH_NODES; // subgraph's cap; a path (at most 7 nodes) shares the type and is counted alike
    case 'Region.ancestors':
      return LIST_ROWS.ancestors;
  }
  if (field.name === 'evidence') return isEntity(type) ? LIST_ROWS.mentionEvidence : LIST_ROWS.factEvidence;
  return LIST_ROWS.other;
}

/**
 * The rows a field reads, with what it reads below: a list of n rows costs n + n × (the cost of
 * one row's selection), so that nested lists multiply. A connection's n is its page (`first` or
 * `last`, else DEFAULT_PAGE, at most MAX_PAGE), and its `edges`, `node` and `pageInfo` are that
 * same page, not more rows; a plain list's n is `listRows`. Scalars, lists of scalars and single
 * objects (`parent`, `region`, `before`) add nothing of their own: they come with their row.
 */
export const rowsReadEstimator: ComplexityEstimator = (options) => {
  const { field, childComplexity } = options;
  const returned = getNullableType(field.type);
  const named = getNamedType(field.type);
  if (isConnection(named)) return pageSize(options.args) * (1 + childComplexity);
  if (isListType(returned) && isCompositeType(named) && !isConnection(options.type)) {
    return listRows(options) * (1 + childComplexity);
  }
  return childComplexity;
};

/**
 * The rows an operation may read, as the limit counts them (variables, fragments, @skip/@include
 * included). Throws when the document is too large to count (graphql-query-complexity stops at
 * 10,000 field visits, which fragments spread over and over reach quickly).
 */
export function rowsRead(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown> | null, operationName?: string | null): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [rowsReadEstimator],
  });
}

const rows = (n: number) => n.toLocaleString('en');

const ASK_FOR_LESS = 'ask for smaller pages (first), fewer lists nested in lists, or page through the outer list (after:) in several requests';

function tooManyRows(found: number, limit: number): GraphQLError {
  return new GraphQLError(`this query may read about ${rows(found)} rows, more than the limit of ${rows(limit)}: ${ASK_FOR_LESS}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', rowsRead: found, limit },
  });
}

function uncountable(why: string): GraphQLError {
  return new GraphQLError(`this query is too large to count the rows it reads (${why}): ${ASK_FOR_LESS}, or spread fragments fewer times`, {
    extensions: { code: 'QUERY_TOO_COMPLEX' },
  });
}

/**
 * Refuses an operation that may read more than `limit` rows, before any resolver runs. It runs
 * when the operation is executed, not as a validation rule: the cost depends on the variables
 * (`first: $n`), and yoga caches validation by document alone, so a rule would let a document
 * costed once with small variables through with any others.
 */
export function rowsReadLimit(limit: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName } = args;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const operation = getOperationAST(document, operationName);
      // No such operation, or variables that do not fit it: execution answers those as such.
      if (!operation || getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
      let found: number;
      try {
        found = rowsRead(schema, document, variables, operationName);
      } catch (error) {
        setResultAndStopExecution({ errors: [uncountable(error instanceof Error ? error.message : String(error))] });
        return;
      }
      if (found > limit) setResultAndStopExecution({ errors: [tooManyRows(found, limit)] });
    },
  };
}
