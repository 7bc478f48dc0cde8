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

/**
 * Where this browser keeps one person's unsaved work of one `kind` on one `subject` (an article's
 * edits, a claim's comment): under their user id, so that on a shared newsroom computer the next
 * person to sign in neither sees it nor saves it as theirs, and its author finds it again.
 */
export function draftKey(kind: string, userId: string, subject: string): string {
  return `factcheck:${kind}:${userId}:${subject}`;
}

/**
 * The unsaved work under `draftKey`. Work kept before drafts were kept per person
 * (`factcheck:<kind>:<subject>`) is taken over by the first person to open it, as it was shown before.
 */
export function readDraft<T>(kind: string, userId: string, subject: string): T | null {
  const key = draftKey(kind, userId, subject);
  const own = readStored<T>(key);
  if (own !== null) return own;
  const legacyKey = `factcheck:${kind}:${subject}`;
  const legacy = readStored<T>(legacyKey);
  if (legacy !== null) {
    writeStored(key, legacy);
    writeStored(legacyKey, null);
  }
  return legacy;
}
