import { builder } from './builder.js';
import './region.js';

export const schema = builder.toSchema({ sortSchema: true });
