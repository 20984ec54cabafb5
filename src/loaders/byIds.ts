/**
 * DataLoader batch results must come back in the order of the requested keys, one per key.
 * Rows the database did not return become an Error for that key alone.
 */
export function inKeyOrder<T>(ids: readonly string[], rows: readonly T[], idOf: (row: T) => string, what: string): Array<T | Error> {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ids.map((id) => byId.get(id) ?? new Error(`${what} ${id} not found`));
}
