import { expect, request, type APIRequestContext } from "@playwright/test";
import { PASSWORD } from "./helpers";

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

export const AUDIT_TITLE = "River tunnel opens a year late";

/** A sentence at the start of a paragraph that no claim covers: the keyboard test annotates it. */
export const UNCLAIMED = "Residents near the northern entrance complained about noise during construction.";

const TEXT = [
  "## The opening",
  "",
  "The river tunnel opened to traffic on Monday, a year later than planned.",
  "",
  "The city says the tunnel cost €480 million, twice the first estimate. Officials blamed rising steel prices for most of the overrun.",
  "",
  "Traffic on the old bridge fell by a third in the first week, according to the transport office. Cyclists now use a separate lane on the bridge.",
  "",
  `${UNCLAIMED} The council promised a noise barrier by the end of the year.`,
  "",
  "The mayor called the tunnel the largest project in the city’s history.",
].join("\n");

/** The second revision moves the barrier a year and drops the mayor's sentence, whose claim is orphaned. */
const REVISED = TEXT.replace("by the end of the year", "by the end of next year").replace(/\n\nThe mayor called[^\n]*$/, "");

type Claim = { quote: string; verdict?: string; sources?: { url: string; title?: string; publisher?: string }[] };
type Created = { id: string; version: number };

const SOURCE = [{ url: "https://example.org/tunnel-report", title: "Tunnel audit report", publisher: "City auditor" }];

/** Signs in with the credentials provider, as a script calling the JSON API would. */
async function apiAs(email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  expect(answer.ok()).toBe(true);
  return api;
}

async function answerOf<T>(promise: Promise<{ ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }>): Promise<T> {
  const answer = await promise;
  expect(answer.ok(), `${answer.status()}: ${await answer.text()}`).toBe(true);
  return (await answer.json()) as T;
}

/**
 * The audit article's id, imported on first use. A test that fails restarts its worker, whose
 * `beforeAll` asks again: the article is then found, not imported twice.
 */
export async function auditArticleId(): Promise<string> {
  const ed = await apiAs("ed@example.com");
  const { articles } = await answerOf<{ articles: { id: string; title: string }[] }>(ed.get("/api/articles"));
  await ed.dispose();
  return articles.find((article) => article.title === AUDIT_TITLE)?.id ?? createAuditArticle();
}

/**
 * Imports an article with a claim in every review status (one overlapping another, one orphaned by a
 * second revision), so that every style and control the workbench has is on the page axe checks.
 * Returns the article's id.
 */
async function createAuditArticle(): Promise<string> {
  const [ed, rita] = await Promise.all([apiAs("ed@example.com"), apiAs("rita@example.com")]);
  const { article } = await answerOf<{ article: { id: string } }>(
    ed.post("/api/articles", { data: { format: "markdown", title: AUDIT_TITLE, byline: "City desk", content: TEXT } }),
  );
  const { article: full } = await answerOf<{ article: { plainText: string } }>(ed.get(`/api/articles/${article.id}`));
  const plainText = full.plainText;

  const annotate = async (api: APIRequestContext, claim: Claim) => {
    const start = plainText.indexOf(claim.quote);
    expect(start, claim.quote).toBeGreaterThanOrEqual(0);
    const end = start + claim.quote.length;
    const selectors = [
      { type: "TextQuoteSelector", exact: claim.quote, prefix: plainText.slice(Math.max(0, start - 32), start), suffix: plainText.slice(end, end + 32) },
      { type: "TextPositionSelector", start, end },
    ];
    const { annotation } = await answerOf<{ annotation: Created }>(
      api.post(`/api/articles/${article.id}/annotations`, {
        data: { selectors, verdict: claim.verdict ?? null, explanation: `Checked against ${claim.sources?.length ?? 0} sources.`, sources: claim.sources ?? [] },
      }),
    );
    return annotation;
  };
  const move = async (api: APIRequestContext, annotation: Created, to: string, comment?: string) =>
    (await answerOf<{ annotation: Created }>(api.post(`/api/annotations/${annotation.id}/status`, { data: { to, version: annotation.version, comment } })))
      .annotation;
  const inReview = async (claim: Claim) => move(rita, await annotate(rita, claim), "in_review");

  await annotate(rita, { quote: "The river tunnel opened to traffic on Monday, a year later than planned." });
  await inReview({ quote: "the tunnel cost €480 million, twice the first estimate", verdict: "mostly_false", sources: SOURCE });
  await annotate(rita, { quote: "€480 million", verdict: "true" });
  await move(ed, await inReview({ quote: "Officials blamed rising steel prices for most of the overrun.", verdict: "false", sources: SOURCE }), "approved");
  await move(
    ed,
    await inReview({ quote: "Traffic on the old bridge fell by a third in the first week", verdict: "half_true", sources: SOURCE }),
    "changes_requested",
    "Cite the transport office's own figures.",
  );
  await move(ed, await inReview({ quote: "Cyclists now use a separate lane on the bridge.", verdict: "unproven", sources: SOURCE }), "rejected");
  await annotate(ed, { quote: "The mayor called the tunnel the largest project in the city’s history.", verdict: "misleading" });

  await answerOf(ed.post(`/api/articles/${article.id}/revisions/import`, { data: { baseRevision: 1, format: "markdown", content: REVISED } }));
  await Promise.all([ed.dispose(), rita.dispose()]);
  return article.id;
}
