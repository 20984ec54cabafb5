import type { Graph } from '../graph/driver.js';

/** What every resolver gets; DataLoaders are added per request by @pothos/plugin-dataloader. */
export interface Context {
  graph: Graph;
}
