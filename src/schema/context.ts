import type { Graph } from '../graph/driver.js';
import type { Loaders } from '../loaders/index.js';

/** What every resolver gets: the graph, this request's DataLoaders, and whether its API key is good. */
export interface Context {
  graph: Graph;
  loaders: Loaders;
  apiKeyAccepted: boolean;
}
