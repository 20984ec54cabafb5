import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/** Pages of a connection: `first` beyond this is cut to it. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

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
    nodeQueryOptions: { description: 'Any node by its global id.' },
    nodesQueryOptions: { description: 'Nodes by their global ids, in the same order (null where none).' },
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
