/** The longest slug derived from a title, in characters: enough to be readable, short enough to share. */
const MAX_SLUG_LENGTH = 80;

/**
 * A URL path segment made of `title`: lowercase ASCII letters and digits separated by single hyphens,
 * accents folded ("Économie" → "economie"), everything else dropped; "article" when nothing is left.
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || "article";
}

/** `base`, or `base-2`, `base-3`, ...: the first that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether `value` could be a slug `slugOf` made (possibly with a numeric suffix): anything else is no page. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= MAX_SLUG_LENGTH + 12;
}
