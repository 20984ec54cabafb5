import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

// Fields are non-null unless they say otherwise: clients can trust what the schema promises.
export const builder = new SchemaBuilder<{ Context: Context; DefaultFieldNullability: false }>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {},
});

builder.queryType({});
