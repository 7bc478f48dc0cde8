/**
 * Whether a write was refused by a unique index: PostgreSQL's SQLSTATE 23505, on either engine, on
 * the error or what caused it (Drizzle wraps the driver's error).
 */
export function isUniqueViolation(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 5 && cause instanceof Object; depth++) {
    if ((cause as { code?: unknown }).code === "23505") return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
