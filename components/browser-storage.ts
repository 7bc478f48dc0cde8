/** A value this browser keeps under `key`, or null when there is none or storage is unavailable. */
export function readStored<T>(key: string): T | null {
  try {
    const stored = window.localStorage.getItem(key);
    return stored ? (JSON.parse(stored) as T) : null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` (null removes it). Storage full or disabled: the page still works, it just does not survive a reload. */
export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // See above: nothing else to do.
  }
}
