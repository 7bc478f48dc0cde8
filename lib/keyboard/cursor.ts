/**
 * The item a step of `direction` moves the cursor to in `items` (in their order). From no item, or
 * one no longer listed, the first step forwards lands on the first item and backwards on the last.
 * The cursor stops at either end rather than wrapping, as in mail readers: wrapping would jump
 * from the end of a long article back to its top without a sign. Null only when there are no items.
 */
export function moveCursor<T>(items: readonly T[], current: T | null, direction: 1 | -1): T | null {
  if (!items.length) return null;
  const at = current === null ? -1 : items.indexOf(current);
  if (at === -1) return direction === 1 ? items[0]! : items[items.length - 1]!;
  return items[Math.min(items.length - 1, Math.max(0, at + direction))]!;
}
