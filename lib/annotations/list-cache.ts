/**
 * Serialized annotation lists, keyed by article and valid for one annotations stamp
 * (`articles.annotationsStamp`, bumped in the transaction of every change). The stamp lives in the
 * database, so an instance never serves a list another instance has changed since.
 */
const MAX_ARTICLES = 50;
const entries = new Map<string, { stamp: number; body: string }>();

export function cachedList(articleId: string, stamp: number): string | undefined {
  const entry = entries.get(articleId);
  if (!entry || entry.stamp !== stamp) return undefined;
  entries.delete(articleId);
  entries.set(articleId, entry);
  return entry.body;
}

export function storeList(articleId: string, stamp: number, body: string): void {
  entries.delete(articleId);
  entries.set(articleId, { stamp, body });
  if (entries.size > MAX_ARTICLES) entries.delete(entries.keys().next().value!);
}
