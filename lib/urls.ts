/** Whether `value` is an absolute http(s) URL: the only kind of link the app ever renders or follows. */
export function isSafeHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * A web address as people type it: "www.example.org/report" (a host name with a dot, no scheme)
 * gets https:// in front, as browsers' address bars do; anything else is left as typed, for
 * `isSafeHttpUrl` to judge ("javascript:…" stays refused).
 */
export function withWebScheme(value: string): string {
  const typed = value.trim();
  return /^[^\s:/?#]+\.[^\s:/?#]+(?:[/?#]\S*)?$/.test(typed) && !/^[a-z][a-z0-9+.-]*:/i.test(typed) ? `https://${typed}` : typed;
}
