import { Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, TooManyRequests, Unauthenticated } from "@/lib/errors";

/** A JSON response. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", headers.get("Cache-Control") ?? "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** The one place where service errors become HTTP: status, message, and for 400 the failing fields. */
export function errorResponse(error: unknown): Response {
  if (error instanceof Invalid) return json({ error: error.message, fields: error.fields }, { status: 400 });
  if (error instanceof Unauthenticated) return json({ error: error.message }, { status: 401 });
  if (error instanceof Forbidden) return json({ error: error.message }, { status: 403 });
  if (error instanceof NotFound) return json({ error: error.message }, { status: 404 });
  if (error instanceof Conflict) return json({ error: error.message }, { status: 409 });
  if (error instanceof PayloadTooLarge) return json({ error: error.message }, { status: 413 });
  if (error instanceof TooManyRequests) return json({ error: error.message }, { status: 429 });
  console.error(error);
  return json({ error: "Something went wrong on our side. Try again; if it keeps failing, tell your admin." }, { status: 500 });
}
