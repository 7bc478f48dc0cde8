/** An article's annotation list, serialized once for one annotations stamp. */
export type CachedList = { stamp: number; json: string };

/**
 * Serialized annotation lists, keyed by article and valid for one annotations stamp
 * (`articles.annotationsStamp`, bumped in the transaction of every change). The stamp lives in the
 * database, so an instance never serves a list another instance has changed since.
 */
const MAX_ARTICLES = 50;
const entries = new Map<string, CachedList>();

export function cachedList(articleId: string, stamp: number): CachedList | undefined {
  const entry = entries.get(articleId);
  if (!entry || entry.stamp !== stamp) return undefined;
  entries.delete(articleId);
  entries.set(articleId, entry);
  return entry;
}

export function storeList(articleId: string, stamp: number, json: string): CachedList {
  const entry = { stamp, json };
  entries.delete(articleId);
  entries.set(articleId, entry);
  if (entries.size > MAX_ARTICLES) entries.delete(entries.keys().next().value!);
  return entry;
}
