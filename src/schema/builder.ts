import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.js';

/** Pages of a connection: `first` beyond this is cut to it. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
/** `nodes(ids:)` takes at most this many ids: each is a lookup, and the answer one list. */
export const MAX_NODE_IDS = 1000;

type ParsedId = { typename: string; id: string };

/** Ids of a type that is not a node type (a hand-made global id) name nothing: null, not a crash. */
function nodeTypeIds(ids: ParsedId[], info: GraphQLResolveInfo): Array<ParsedId | null> {
  return ids.map((id) => {
    const type = info.schema.getType(id.typename);
    return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') ? id : null;
  });
}

/** An id the graph does not hold loads as null; an Error is a failed read (Neo4j down), not "none". */
const loaded = (node: unknown) => {
  if (node instanceof Error) throw node;
  return node ?? null;
};

// Fields are non-null unless they say otherwise: clients can trust what the schema promises.
// Relay comes before scope-auth so that auth checks see parsed global ids.
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  AuthScopes: { apiKey: boolean };
}>({
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Any node by its global id (null if there is none).',
      resolve: async (_root, args, _ctx, info, resolveNode) => {
        const [known] = nodeTypeIds([args.id], info);
        return known ? loaded(await resolveNode(known)) : null;
      },
    },
    nodesQueryOptions: {
      description: `Nodes by their global ids, in the same order (null where none); at most ${MAX_NODE_IDS} ids.`,
      resolve: async (_root, args, _ctx, info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw new GraphQLError(`nodes takes at most ${MAX_NODE_IDS} ids, not ${args.ids.length}: ask in several requests`, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        // Pothos's resolveNodes reads args.ids, whatever it is given: the ids of other types are
        // blanked there (null), which it skips, and they answer null.
        Object.assign(args, { ids: nodeTypeIds(args.ids, info) });
        return (await resolveNodes(args.ids)).map(loaded);
      },
    },
  },
  scopeAuth: {
    authScopes: (context) => ({ apiKey: context.apiKeyAccepted }),
    unauthorizedError: () =>
      new GraphQLError('this mutation needs an API key: send it as `Authorization: Bearer <key>` or `x-api-key`', { extensions: { code: 'UNAUTHENTICATED' } }),
  },
  errors: { defaultTypes: [] },
});

builder.queryType({});
builder.mutationType({});
