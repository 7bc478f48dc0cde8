/**
 * A signed-in admin over plain HTTP: creates the first admin of the fresh installation and signs in
 * through next-auth's credentials provider, keeping the session cookie that the load, the seeding
 * and the browser then send. Measures nothing itself.
 */

export type Session = {
  origin: string;
  /** The value of `next-auth.session-token`. */
  token: string;
  /** The `Cookie` header for requests as this user. */
  cookie: string;
};

export const SESSION_COOKIE = "next-auth.session-token";

const ADMIN = { email: "bench@example.com", name: "Bench Admin", password: "a long bench password" };

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair!.indexOf("=");
    if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok || (response.status >= 300 && response.status < 400)) return;
  throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

export async function setUpAdminSession(origin: string): Promise<Session> {
  const setup = await fetch(`${origin}/api/setup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  await expectOk(setup, "POST /api/setup");
  await setup.arrayBuffer();

  const csrf = await fetch(`${origin}/api/auth/csrf`);
  await expectOk(csrf, "GET /api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);

  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
  });
  await expectOk(callback, "POST /api/auth/callback/credentials");
  await callback.arrayBuffer();
  const token = cookiesOf(callback).get(SESSION_COOKIE);
  if (!token) throw new Error(`Signing in set no ${SESSION_COOKIE} cookie (HTTP ${callback.status}).`);
  return { origin, token, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A JSON request as the signed-in user; throws with the server's message unless it succeeds. */
export async function api<T>(session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.origin}${path}`, {
    method,
    headers: { Cookie: session.cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
