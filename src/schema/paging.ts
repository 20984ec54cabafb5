import { offsetForArgs, resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Page } from '../graph/relations.js';
import { DEFAULT_PAGE, MAX_PAGE } from './builder.js';

export type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

/** What `offsetToCursor` of @pothos/plugin-relay encodes: a bounded offset, so SKIP stays sane. */
const OFFSET_CURSOR = /^OffsetConnection:(\d{1,9})$/u;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Paging arguments checked before Pothos sees them: it throws an untyped error for a negative
 * `first` and for a cursor that is not base64, and takes `OffsetConnection:-5` as an offset.
 */
export function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && n < 0) throw badInput(`"${name}" must be 0 or more, not ${n}`);
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    const decoded = /^[A-Za-z0-9+/]{1,64}={0,2}$/u.test(cursor) ? Buffer.from(cursor, 'base64').toString('utf8') : '';
    if (!OFFSET_CURSOR.test(decoded)) throw badInput(`"${name}" is not a cursor of this connection: use an edge's cursor or pageInfo.endCursor`);
  }
}

/**
 * The slice of a walk a connection's arguments ask for, as SKIP/LIMIT (one more than the page, so
 * that `hasNextPage` is known), or null when it is not a slice from the start: `last` and `before`
 * count from the end of the list, which is then read whole. Null too for arguments that are not
 * valid: the resolver refuses them, the lookahead just does not read ahead for them.
 */
export function walkPage(args: PageArgs): Page | null {
  if (args.last != null || args.before != null) return null;
  try {
    checkPageArgs(args);
  } catch {
    return null;
  }
  const { offset, limit } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE });
  return { offset, limit };
}

/**
 * A connection over a walk, from what `read` returns for these arguments: the page `walkPage` names
 * (one more node than the page), or the whole list when it names none, sliced here. `first` is
 * capped at MAX_PAGE as on the root lists.
 */
export async function walkConnectionPage<T>(args: PageArgs, read: () => Promise<readonly T[]>) {
  checkPageArgs(args);
  const options = { args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE };
  if (walkPage(args)) return resolveOffsetConnection(options, async () => [...(await read())]);
  return resolveArrayConnection(options, [...(await read())]);
}

/** A root connection read a page at a time from Neo4j (SKIP/LIMIT), `first` capped at MAX_PAGE. */
export function pageOffsets<T>(
  args: PageArgs,
  read: (page: { offset: number; limit: number }) => Promise<T[]>,
) {
  checkPageArgs(args);
  return resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE, maxSize: MAX_PAGE }, ({ offset, limit }) => read({ offset, limit }));
}
