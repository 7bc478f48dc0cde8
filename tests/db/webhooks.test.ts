import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { annotations, auditEntries, webhookDeliveries } from "@/db/schema";
import { reattachAnnotation } from "@/lib/annotations/placement";
import { createAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { deliverDueWebhooks, pruneFinishedDeliveries } from "@/lib/webhooks/delivery";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { MAX_ATTEMPTS } from "@/lib/webhooks/retries";
import { createWebhook, deleteWebhook, listWebhooks, redeliver, sendTestEvent, updateWebhook, type Webhook } from "@/lib/webhooks/service";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/webhooks/signature";
import { describeOnEveryEngine } from "./engines";
import { addDesk, addUser, ARTICLE_TEXT, completeClaim, rowCount, selectorsOf } from "./fixtures";

/** A receiver on this machine: what it was sent, and the status it answers with (`answer`). */
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let receiver: Server;
let base = "";
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      if (request.url === "/moved") response.writeHead(301, { Location: "https://elsewhere.example/hook" });
      else if (request.url === "/silent") return; // never answers
      else response.writeHead(answer);
      response.end();
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, "127.0.0.1", listening));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

/** The receivers here listen on this machine, where webhooks go only when the operator allows it. */
beforeEach(() => vi.stubEnv("WEBHOOK_PRIVATE_HOSTS", "127.0.0.1"));

afterAll(() => {
  vi.unstubAllEnvs();
  receiver.closeAllConnections();
  receiver.close();
});

describeOnEveryEngine("webhooks", (db) => {
  let admin: Actor;
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
    admin = await addUser(db(), "admin", { name: "Ada Admin" });
    received = [];
    answer = 200;
  });

  const events = () => received.map((request) => JSON.parse(request.body) as WebhookEvent);
  const webhook = async (id: string): Promise<Webhook> => (await listWebhooks(db(), admin)).find((each) => each.id === id)!;
  const deliver = () => deliverDueWebhooks(db(), { timeoutMs: 500 });

  async function claim(exact: string, steps: string[]) {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
    let version = created.version;
    for (const to of steps) version = (await changeStatus(db(), to === "in_review" && steps.indexOf(to) === 0 ? author : editor, created.id, { to, version, comment: "Look again." })).version;
    return { id: created.id, version };
  }

  it("posts the events each webhook receives, signed with its secret, from the change's transaction", async () => {
    const cms = await createWebhook(db(), admin, { url: `${base}/cms`, description: "The CMS", events: ["fact_check.published", "fact_check.changed", "fact_check.unpublished"] });
    const paused = await createWebhook(db(), admin, { url: `${base}/paused`, events: ["fact_check.published"] });
    await updateWebhook(db(), admin, paused.id, { active: false });
    await claim("non-persistent", ["in_review", "approved"]);

    const { publishedAt } = await publishArticle(db(), editor, article.id);
    // A refused change queues nothing.
    await expect(publishArticle(db(), editor, article.id)).rejects.toBeInstanceOf(Conflict);
    expect(await deliver()).toBe(1);

    expect(received.map((request) => request.path)).toEqual(["/cms"]);
    const [request] = received;
    expect(verifySignature(cms.secret, request!.body, String(request!.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(true);
    expect(verifySignature(paused.secret, request!.body, String(request!.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(false);
    const [event] = events();
    expect(event).toEqual({
      id: request!.headers["webhook-id"],
      type: "fact_check.published",
      createdAt: expect.any(String),
      data: { factCheck: { articleId: article.id, title: "Mines for Ukraine", url: "http://localhost:3000/p/mines-for-ukraine", publishedAt, topics: [] } },
    });
    expect(request!.headers["webhook-event"]).toBe("fact_check.published");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect((await webhook(cms.id)).deliveries).toMatchObject([{ eventType: "fact_check.published", state: "delivered", attempts: 1, responseStatus: 200, lastError: null }]);
    expect((await webhook(paused.id)).deliveries).toEqual([]);
    expect(await deliver()).toBe(0);
  });

  it("tells of a published fact-check's claims approved, withdrawn and placed and its text revised, and of claims submitted, in a chat's format too", async () => {
    const cms = await createWebhook(db(), admin, { url: `${base}/cms`, events: ["fact_check.changed", "fact_check.unpublished"] });
    await createWebhook(db(), admin, { url: `${base}/chat`, events: ["claim.submitted"], format: "slack" });
    const before = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    let version = (await changeStatus(db(), editor, before.id, { to: "in_review", version: before.version, comment: "New figures." })).version;
    await changeStatus(db(), editor, before.id, { to: "approved", version });
    const [first, , third] = ARTICLE_TEXT.split("\n");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(`${first}\n${third}\nA <b>new</b> line.`).toJSON() });
    // The revision took the claim's words: an editor re-attaches it, and it is on the page again, there.
    const [orphan] = await db().select({ version: annotations.version, orphanedAt: annotations.orphanedAt }).from(annotations).where(eq(annotations.id, before.id));
    expect(orphan!.orphanedAt).not.toBeNull();
    const revised = `${first}\n${third}\nA <b>new</b> line.`;
    await reattachAnnotation(db(), editor, before.id, { version: orphan!.version, selectors: selectorsOf(revised, "Ukrainian territory") });
    await unpublishArticle(db(), editor, article.id);
    // Unpublished: a claim approved changes no public page; its submission still reaches the chat.
    const peskov = { name: "Dmitry Peskov", kind: "person", role: "Kremlin spokesman" } as const;
    const later = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "anti-personnel mines"), ...completeClaim, claimant: peskov });
    version = (await changeStatus(db(), author, later.id, { to: "in_review", version: later.version })).version;
    await changeStatus(db(), editor, later.id, { to: "approved", version });
    await deliver();

    const toCms = received.filter((request) => request.path === "/cms").map((request) => JSON.parse(request.body) as WebhookEvent<"fact_check.changed">);
    const page = { articleId: article.id, title: "Mines for Ukraine", url: "http://localhost:3000/p/mines-for-ukraine" };
    const claimUrl = `http://localhost:3000/p/mines-for-ukraine#claim-${before.id}`;
    expect(toCms.map((event) => [event.type, event.data])).toEqual(
      expect.arrayContaining([
        ["fact_check.changed", { factCheck: page, change: "claim_withdrawn", claim: { id: before.id, quote: "non-persistent", claimant: null, status: "in_review", verdict: "mostly_true", url: claimUrl } }],
        ["fact_check.changed", { factCheck: page, change: "claim_approved", claim: { id: before.id, quote: "non-persistent", claimant: null, status: "approved", verdict: "mostly_true", url: claimUrl } }],
        ["fact_check.changed", { factCheck: page, change: "text_revised", revision: 2 }],
        ["fact_check.changed", { factCheck: page, change: "claim_placed", claim: { id: before.id, quote: "Ukrainian territory", claimant: null, status: "approved", verdict: "mostly_true", url: claimUrl } }],
        ["fact_check.unpublished", { factCheck: page }],
      ]),
    );
    expect(toCms).toHaveLength(5);
    const chat = received.filter((request) => request.path === "/chat").map((request) => JSON.parse(request.body) as { text: string });
    expect(chat.map((message) => message.text)).toEqual([
      `Rita Reviewer submitted a claim for review: <http://localhost:3000/articles/${article.id}?annotation=${before.id}|non-persistent> in *Mines for Ukraine*`,
      `Rita Reviewer submitted a claim for review: <http://localhost:3000/articles/${article.id}?annotation=${later.id}|anti-personnel mines> (Dmitry Peskov, Kremlin spokesman) in *Mines for Ukraine*`,
    ]);
    expect((await webhook(cms.id)).deliveries.every((delivery) => delivery.state === "delivered")).toBe(true);
  });

  it("tries a failed delivery again later, gives up after its last attempt, and sends it again on demand", async () => {
    const cms = await createWebhook(db(), admin, { url: `${base}/cms`, events: ["fact_check.published"] });
    answer = 503;
    await publishArticle(db(), editor, article.id);
    await deliver();
    let [delivery] = (await webhook(cms.id)).deliveries;
    expect(delivery).toMatchObject({ state: "retrying", attempts: 1, responseStatus: 503, lastError: "The receiver answered HTTP 503." });
    const wait = new Date(delivery!.nextAttemptAt!).getTime() - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await deliver()).toBe(0);

    // Due again: every later attempt fails too, until the last.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await db().update(webhookDeliveries).set({ nextAttemptAt: sql`now() - interval '1 second'` });
      expect(await deliver()).toBe(1);
    }
    [delivery] = (await webhook(cms.id)).deliveries;
    expect(delivery).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null, at: expect.any(String) });
    await db().update(webhookDeliveries).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    expect(await deliver()).toBe(0);

    // The receiver is mended; the admin sends it again.
    answer = 204;
    const again = await redeliver(db(), admin, delivery!.id);
    expect(again.deliveries[0]).toMatchObject({ state: "pending", attempts: 0, lastError: null });
    expect(await deliver()).toBe(1);
    expect((await webhook(cms.id)).deliveries[0]).toMatchObject({ state: "delivered", attempts: 1, responseStatus: 204 });
    // Every attempt carried the same event id, for the receiver to deduplicate.
    expect(new Set(received.map((request) => request.headers["webhook-id"])).size).toBe(1);
    expect(received).toHaveLength(MAX_ATTEMPTS + 1);
  });

  it("deletes deliveries finished more than 30 days ago, never one still to send", async () => {
    const cms = await createWebhook(db(), admin, { url: `${base}/cms`, events: ["claim.submitted"] });
    for (const exact of ["non-persistent", "anti-personnel mines", "Ukrainian territory"]) await claim(exact, ["in_review"]);
    const [delivered, failed, due] = (await webhook(cms.id)).deliveries.map((delivery) => delivery.id);
    await db().update(webhookDeliveries).set({ deliveredAt: sql`now() - interval '31 days'` }).where(eq(webhookDeliveries.id, delivered!));
    await db().update(webhookDeliveries).set({ failedAt: sql`now() - interval '31 days'` }).where(eq(webhookDeliveries.id, failed!));
    await db().update(webhookDeliveries).set({ nextAttemptAt: sql`now() + interval '1 day'`, createdAt: sql`now() - interval '60 days'` }).where(eq(webhookDeliveries.id, due!));
    expect(await pruneFinishedDeliveries(db())).toBe(2);
    expect((await webhook(cms.id)).deliveries.map((delivery) => delivery.id)).toEqual([due]);
    await db().update(webhookDeliveries).set({ deliveredAt: sql`now() - interval '29 days'` });
    expect(await pruneFinishedDeliveries(db())).toBe(0);
  });

  it("says why a receiver failed: unreachable, silent, or redirecting (never followed)", async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, "127.0.0.1", listening));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    closed.close();
    const hooks = await Promise.all(
      [closedUrl, `${base}/silent`, `${base}/moved`].map((url) => createWebhook(db(), admin, { url, events: ["fact_check.published"] })),
    );
    await publishArticle(db(), editor, article.id);
    await deliver();
    const [unreachable, silent, moved] = await Promise.all(hooks.map(async (hook) => (await webhook(hook.id)).deliveries[0]));
    expect(unreachable).toMatchObject({ state: "retrying", responseStatus: null, lastError: expect.stringMatching(/^Could not reach the receiver: .*ECONNREFUSED/) });
    expect(silent).toMatchObject({ state: "retrying", responseStatus: null, lastError: "No answer within 0.5 s." });
    expect(moved).toMatchObject({
      state: "retrying",
      responseStatus: 301,
      lastError: "Redirected (HTTP 301) to https://elsewhere.example/hook: give the webhook its final address.",
    });
    expect(received.filter((request) => request.path === "/moved")).toHaveLength(1);
  });

  it("refuses addresses inside the server's network, on saving and on every delivery, unless the operator lists them", async () => {
    const port = new URL(base).port;
    const saved = await createWebhook(db(), admin, { url: `${base}/cms`, events: ["fact_check.published"] });
    const byName = await createWebhook(db(), admin, { url: `http://localhost:${port}/by-name`, events: ["fact_check.published"] });
    vi.stubEnv("WEBHOOK_PRIVATE_HOSTS", "");
    const publicOnly = (problem: string) => `must be a public address: ${problem}; the server's operator can allow it in WEBHOOK_PRIVATE_HOSTS`;
    const refusals = [
      [`${base}/cms`, publicOnly("127.0.0.1 is on this machine")],
      [`http://localhost:${port}/cms`, expect.stringMatching(/^must be a public address: localhost \((127\.0\.0\.1|::1)\) is on this machine; /)],
      ["http://169.254.169.254/latest/meta-data/", publicOnly("169.254.169.254 is in a link-local network, where clouds serve machines' metadata")],
      ["http://[::1]:8080/hook", publicOnly("::1 is on this machine")],
      ["https://10.20.30.40/hook", publicOnly("10.20.30.40 is in a private network")],
      ["http://2130706433/hook", publicOnly("127.0.0.1 is on this machine")],
    ] as const;
    for (const [url, field] of refusals) {
      await expect(createWebhook(db(), admin, { url, events: ["fact_check.published"] })).rejects.toMatchObject({ constructor: Invalid, fields: { url: field } });
    }
    await expect(updateWebhook(db(), admin, saved.id, { url: "http://192.168.1.10/hook" })).rejects.toMatchObject({ fields: { url: publicOnly("192.168.1.10 is in a private network") } });
    expect((await listWebhooks(db(), admin)).map((hook) => hook.url).sort()).toEqual([`${base}/cms`, `http://localhost:${port}/by-name`]);

    // Saved while allowed, refused once the operator takes the permission back: nothing is posted.
    await publishArticle(db(), editor, article.id);
    await deliver();
    expect(received).toEqual([]);
    expect((await webhook(saved.id)).deliveries[0]).toMatchObject({
      state: "retrying",
      responseStatus: null,
      lastError: "Not sent: 127.0.0.1 is on this machine. If the receiver is inside your network, the server's operator can allow it in WEBHOOK_PRIVATE_HOSTS.",
    });
    expect((await webhook(byName.id)).deliveries[0]!.lastError).toMatch(/^Not sent: localhost \((127\.0\.0\.1|::1)\) is on this machine\./);

    // Listed by name, a host is reached whatever it resolves to; listed by address, that address is.
    vi.stubEnv("WEBHOOK_PRIVATE_HOSTS", "localhost, 127.0.0.0/8");
    await Promise.all([saved.id, byName.id].map(async (id) => redeliver(db(), admin, (await webhook(id)).deliveries[0]!.id)));
    await deliver();
    expect(received.map((request) => request.path).sort()).toEqual(["/by-name", "/cms"]);
  });

  it("posts each delivery once when several instances deliver at the same time", async () => {
    await createWebhook(db(), admin, { url: `${base}/cms`, events: ["claim.submitted"] });
    for (const exact of ["non-persistent", "anti-personnel mines", "Ukrainian territory", "Wednesday"]) await claim(exact, ["in_review"]);
    const attempted = await Promise.all([deliver(), deliver(), deliver()]);
    expect(attempted.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((request) => request.headers["webhook-id"])).size).toBe(4);
  });

  it("lets admins only set webhooks up, refuses bad input naming the field, and audits changes without the secret", async () => {
    await expect(createWebhook(db(), editor, { url: `${base}/cms`, events: ["fact_check.published"] })).rejects.toBeInstanceOf(Forbidden);
    const refusals = [
      [{ url: "javascript:alert(1)", events: ["fact_check.published"] }, "url"],
      [{ url: "ftp://cms.example/hook", events: ["fact_check.published"] }, "url"],
      [{ url: `${base}/cms`, events: [] }, "events"],
      [{ url: `${base}/cms`, events: ["fact_check.deleted"] }, "events.0"],
      [{ url: `${base}/cms`, events: ["fact_check.published"], format: "xml" }, "format"],
      [{ url: `${base}/cms`, events: ["fact_check.published"], secret: "mine" }, "body"],
    ] as const;
    for (const [input, field] of refusals) {
      await expect(createWebhook(db(), admin, input)).rejects.toMatchObject({ constructor: Invalid, fields: { [field]: expect.any(String) } });
    }
    expect((await listWebhooks(db(), admin)).length).toBe(0);

    const created = await createWebhook(db(), admin, { url: ` ${base}/cms `, events: ["fact_check.published", "fact_check.published"] });
    expect(created).toMatchObject({ url: `${base}/cms`, events: ["fact_check.published"], format: "json", active: true, secret: expect.stringMatching(/^whsec_[\w-]{43}$/) });
    const renewed = await updateWebhook(db(), admin, created.id, { newSecret: true, description: "CMS" });
    expect(renewed.secret).not.toBe(created.secret);
    const paused = await updateWebhook(db(), admin, created.id, { active: false });
    await expect(sendTestEvent(db(), admin, paused.id)).rejects.toBeInstanceOf(Conflict);
    await updateWebhook(db(), admin, created.id, { active: true });
    const tested = await sendTestEvent(db(), admin, created.id);
    expect(tested.deliveries).toMatchObject([{ eventType: "ping", state: "pending" }]);
    await deliver();
    expect(events()).toMatchObject([{ type: "ping", data: { message: "A test event from the fact-check desk, sent by Ada Admin." } }]);

    await deleteWebhook(db(), admin, created.id);
    expect(await rowCount(db(), webhookDeliveries)).toBe(0);
    const audited = await db().select({ action: auditEntries.action, before: auditEntries.before, after: auditEntries.after }).from(auditEntries).where(eq(auditEntries.subject, "webhook"));
    expect(audited.map((entry) => entry.action)).toEqual(["created", "updated", "updated", "updated", "deleted"]);
    expect(JSON.stringify(audited)).not.toContain(created.secret);
    expect(JSON.stringify(audited)).not.toContain(renewed.secret);
    expect(audited[1]!.after).toMatchObject({ description: "CMS", secret: "replaced" });
    // The audit trail says it in words, newest first.
    const { entries } = await listAuditEntries(db(), admin, { subject: "webhook" });
    expect(entries.map(describeEntry)).toEqual([
      `deleted the webhook ${base}/cms`,
      `changed the webhook ${base}/cms: resumed it`,
      `changed the webhook ${base}/cms: paused it`,
      `changed the webhook ${base}/cms: description, a new secret`,
      `added the webhook ${base}/cms, for fact_check.published`,
    ]);
  });
});
