import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD } from "./helpers";

// Runs after 1-workbench.spec.ts, which sets up the admin, the reviewer Rita and the editor Ed.
test.describe.configure({ mode: "serial" });

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** Signs in with the credentials provider as the README tells curl users to: CSRF token, then the callback. */
async function signedIn(email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
  });
  expect(answer.ok()).toBe(true);
  return api;
}

let rita: APIRequestContext;
let ed: APIRequestContext;
let admin: APIRequestContext;
let articleId: string;
let plainText: string;

function selectorsFor(quote: string) {
  const start = plainText.indexOf(quote);
  const end = start + quote.length;
  return [
    { type: "TextQuoteSelector", exact: quote, prefix: plainText.slice(Math.max(0, start - 32), start), suffix: plainText.slice(end, end + 32) },
    { type: "TextPositionSelector", start, end },
  ];
}

const QUOTE = "They work with a battery-powered trigger that stops working when the battery dies.";

test.beforeAll(async () => {
  [rita, ed, admin] = await Promise.all([signedIn("rita@example.com"), signedIn("ed@example.com"), signedIn("admin@example.com")]);
  const { articles } = (await (await rita.get("/api/articles")).json()) as { articles: { id: string; title: string }[] };
  articleId = articles.find((article) => article.title === "US to send anti-personnel mines to Ukraine")!.id;
  ({ plainText } = ((await (await rita.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string } }).article);
});

test("refuses every call without a session with 401", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/api/articles")).status()).toBe(401);
  expect((await anonymous.get(`/api/articles/${articleId}/annotations`)).status()).toBe(401);
  const created = await anonymous.post(`/api/articles/${articleId}/annotations`, { data: { selectors: selectorsFor(QUOTE) } });
  expect(created.status()).toBe(401);
});

test("answers 404 for unknown and malformed ids", async () => {
  expect((await rita.get("/api/articles/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  expect((await rita.get("/api/articles/not-an-id")).status()).toBe(404);
  expect((await rita.get("/api/annotations/not-an-id")).status()).toBe(404);
  const missing = await rita.post("/api/annotations/00000000-0000-4000-8000-000000000000/status", { data: { to: "in_review", version: 1 } });
  expect(missing.status()).toBe(404);
});

test("refuses bad input with 400 naming the field, and oversized bodies with 413, writing nothing", async () => {
  const before = ((await (await rita.get(`/api/articles/${articleId}/annotations`)).json()) as { annotations: unknown[] }).annotations.length;
  const post = (data: unknown) => rita.post(`/api/articles/${articleId}/annotations`, { data });
  const cases: [unknown, string][] = [
    [{ selectors: selectorsFor(QUOTE), sources: [{ url: "javascript:alert(1)" }] }, "sources.0.url"],
    [{ selectors: selectorsFor(QUOTE), sources: [{ url: "data:text/html,<script>alert(1)</script>" }] }, "sources.0.url"],
    [{ selectors: selectorsFor(QUOTE), verdict: "pants_on_fire" }, "verdict"],
    [{ selectors: [{ type: "TextQuoteSelector", exact: "This sentence is not in the article." }] }, "selectors"],
    [{ selectors: [{ ...selectorsFor(QUOTE)[0], exact: "They work" }, selectorsFor(QUOTE)[1]] }, "selectors"],
    [{ selectors: [{ type: "RangeSelector" }] }, "selectors.0.type"],
    [{ selectors: selectorsFor(QUOTE), status: "approved" }, "body"],
  ];
  for (const [data, field] of cases) {
    const answer = await post(data);
    expect(answer.status(), JSON.stringify(data)).toBe(400);
    expect(Object.keys(((await answer.json()) as { fields: object }).fields)).toContain(field);
  }
  const notJson = await rita.post(`/api/articles/${articleId}/annotations`, { headers: { "Content-Type": "text/plain" }, data: "hello" });
  expect(notJson.status()).toBe(400);
  const huge = await post({ selectors: selectorsFor(QUOTE), explanation: "x".repeat(600 * 1024) });
  expect(huge.status()).toBe(413);
  const after = ((await (await rita.get(`/api/articles/${articleId}/annotations`)).json()) as { annotations: unknown[] }).annotations.length;
  expect(after).toBe(before);
});

test("walks an annotation through review, with 403 for the wrong person and 409 for a stale version", async () => {
  const created = await rita.post(`/api/articles/${articleId}/annotations`, {
    data: { selectors: selectorsFor(QUOTE), verdict: "true", explanation: "<img src=x onerror=alert(1)>", sources: [] },
  });
  expect(created.status()).toBe(201);
  const { annotation } = (await created.json()) as { annotation: { id: string; version: number; status: string; explanation: string; author: { name: string } } };
  expect(annotation).toMatchObject({ status: "draft", version: 1, explanation: "<img src=x onerror=alert(1)>", author: { name: "Rita Reviewer" } });

  const incomplete = await rita.post(`/api/annotations/${annotation.id}/status`, { data: { to: "in_review", version: 1 } });
  expect(incomplete.status()).toBe(400);
  expect(((await incomplete.json()) as { fields: object }).fields).toHaveProperty("sources");

  expect((await ed.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, explanation: "mine now" } })).status()).toBe(403);
  const updated = await rita.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, sources: [{ url: "https://www.state.gov/" }] } });
  expect(((await updated.json()) as { annotation: { version: number } }).annotation.version).toBe(2);
  const stale = await rita.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, explanation: "overwrite" } });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: string }).error).toMatch(/Reload/);

  expect((await rita.post(`/api/annotations/${annotation.id}/status`, { data: { to: "in_review", version: 2 } })).status()).toBe(200);
  expect((await rita.post(`/api/annotations/${annotation.id}/status`, { data: { to: "approved", version: 3 } })).status()).toBe(403);
  expect((await ed.post(`/api/annotations/${annotation.id}/status`, { data: { to: "approved", version: 2 } })).status()).toBe(409);
  const approved = await ed.post(`/api/annotations/${annotation.id}/status`, { data: { to: "approved", version: 3 } });
  expect(approved.status()).toBe(200);
  const { annotation: detail } = (await approved.json()) as { annotation: { status: string; history: { to: string }[] } };
  expect(detail.status).toBe("approved");
  expect(detail.history.map((event) => event.to)).toEqual(["draft", "in_review", "approved"]);
});

test("serves an unchanged list as 304 to a client that has it", async () => {
  const first = await rita.get(`/api/articles/${articleId}/annotations`);
  const etag = first.headers()["etag"]!;
  expect((await rita.get(`/api/articles/${articleId}/annotations`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
});

test("refuses a disabled user at once, saying so, and ends their sessions: enabled again, they sign in again", async () => {
  const { users } = (await (await admin.get("/api/users")).json()) as { users: { id: string; email: string }[] };
  const ritaId = users.find((user) => user.email === "rita@example.com")!.id;
  expect((await admin.patch(`/api/users/${ritaId}`, { data: { disabled: true } })).status()).toBe(200);
  const refused = await rita.get("/api/articles");
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toMatch(/disabled/);
  expect((await rita.get("/api/users")).status()).toBe(403);
  await admin.patch(`/api/users/${ritaId}`, { data: { disabled: false } });
  expect((await rita.get("/api/articles")).status()).toBe(401);
  expect((await (await signedIn("rita@example.com")).get("/api/articles")).status()).toBe(200);
});
