import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { DEFAULT_PAGE, MAX_PAGE } from './builder.js';

type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

/** A connection over a list already loaded (a walk's nodes), `first` capped at MAX_PAGE. */
export const pageOf = <T>(args: PageArgs, items: readonly T[]) => resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, [...items]);

/** A root connection read a page at a time from Neo4j (SKIP/LIMIT), `first` capped at MAX_PAGE. */
export function pageOffsets<T>(
  args: PageArgs,
  read: (page: { offset: number; limit: number }) => Promise<T[]>,
) {
  return resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, ({ offset, limit }) => read({ offset, limit }));
}
