import { builder } from './builder.js';
// Each file owns its type family: object types, inputs and root fields.
import './refs.js';
import './common.js';
import './region.js';
import './agency.js';
import './official.js';
import './program.js';
import './policy.js';
import './outcome.js';
import './article.js';
import './search.js';
import './subgraph.js';
import './mutations.js';

export const schema = builder.toSchema({ sortSchema: true });
