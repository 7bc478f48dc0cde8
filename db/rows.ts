/** The rows of `db.execute`: node-postgres answers a QueryResult, PGlite a Results; both have `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
