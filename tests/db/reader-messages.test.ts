import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { readerMessages, webhookDeliveries } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests, Unauthenticated } from "@/lib/errors";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { countNewReaderMessages, deleteReaderMessage, handleReaderMessage, listReaderMessages } from "@/lib/reader-messages/desk";
import { MAX_MESSAGES_PER_ARTICLE_HOUR, MAX_MESSAGES_PER_SENDER_HOUR, MAX_TIPS_PER_HOUR, receiveReaderMessage, receiveReaderTip } from "@/lib/reader-messages/receive";
import { eraseHandledReaderEmails } from "@/lib/reader-messages/retention";
import { senderAddressOf, senderDigestOf, trustedProxyHops } from "@/lib/http/sender";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { createWebhook } from "@/lib/webhooks/service";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, addUser, completeClaim, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("readers' messages", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };
  let approved: { id: string };
  let draft: { id: string };
  const SLUG = "mines-for-ukraine";

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
    const claim = (exact: string) => createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
    approved = await claim("non-persistent");
    await changeStatus(db(), author, approved.id, { to: "in_review", version: 1 });
    await changeStatus(db(), editor, approved.id, { to: "approved", version: 2 });
    draft = await claim("United States");
    await publishArticle(db(), editor, article.id);
  });

  const send = (input: Record<string, unknown>, sender = "203.0.113.7", now?: Date) =>
    senderDigestOf(db(), sender).then((digest) => receiveReaderMessage(db(), SLUG, input, digest, now));

  it("takes a reader's message about a claim the page shows or the whole fact-check, for editors to read newest first", async () => {
    await send({ about: approved.id, message: "  The mines last 30 days, not 14:\r\nsee the manufacturer's sheet.  ", email: " reader@example.org " });
    await send({ about: "", message: "The headline overstates it.", email: "   " });
    const list = await listReaderMessages(db(), editor, {});
    expect(list.counts).toEqual({ new: 2, handled: 0 });
    expect(list.messages).toMatchObject([
      { article: { id: article.id, slug: SLUG }, claim: null, body: "The headline overstates it.", contactEmail: null, handled: null },
      {
        claim: { id: approved.id, quote: "non-persistent" },
        body: "The mines last 30 days, not 14:\nsee the manufacturer's sheet.",
        contactEmail: "reader@example.org",
      },
    ]);
    // Found by every word typed, in the message, the claim's quote or the reader's email, in any case; 50%_ taken literally.
    const found = async (q: string) => (await listReaderMessages(db(), editor, { q, state: "all" })).messages.map((m) => m.body.slice(0, 12));
    expect(await found("MANUFACTURER'S  sheet")).toEqual(["The mines la"]);
    expect(await found("non-persistent days")).toEqual(["The mines la"]);
    expect(await found("reader@example.org")).toEqual(["The mines la"]);
    expect(await found("overstates")).toEqual(["The headline"]);
    expect(await found("the 50%_")).toEqual([]);
    expect((await listReaderMessages(db(), editor, { q: "headline" })).counts).toEqual({ new: 1, handled: 0 });
    await expect(listReaderMessages(db(), editor, { q: "x".repeat(201) })).rejects.toMatchObject({ fields: { q: "must be at most 200 characters" } });
    const aboutClaim = await listReaderMessages(db(), editor, { claim: approved.id, state: "all" });
    expect(aboutClaim).toMatchObject({ counts: { new: 1, handled: 0 }, messages: [{ claim: { id: approved.id } }] });
    await expect(listReaderMessages(db(), editor, { claim: "nope" })).rejects.toMatchObject({ fields: { claim: "must be a claim id" } });
    expect(await countNewReaderMessages(db(), editor)).toBe(2);
    expect(await countNewReaderMessages(db(), editor, article.id)).toBe(2);
    expect(await countNewReaderMessages(db(), editor, (await addArticle(db())).id)).toBe(0);
  });

  it("refuses a page that is not public, a claim the page does not show, an empty message and a malformed email, writing nothing", async () => {
    await expect(send({ about: draft.id, message: "Wrong." })).rejects.toMatchObject({ constructor: Invalid, fields: { about: "must be one of the fact-check's claims" } });
    await expect(send({ about: "not-an-id", message: "Wrong." })).rejects.toMatchObject({ constructor: Invalid, fields: { about: "must be one of the fact-check's claims" } });
    await expect(send({ message: "   " })).rejects.toMatchObject({ constructor: Invalid, fields: { message: "write what you think is wrong" } });
    await expect(send({ message: "x".repeat(2001) })).rejects.toMatchObject({ constructor: Invalid, fields: { message: "must be at most 2,000 characters" } });
    await expect(send({ message: "Wrong.", email: "reader at example" })).rejects.toMatchObject({
      constructor: Invalid,
      fields: { email: "must be an email address, such as name@example.org" },
    });
    await expect(receiveReaderMessage(db(), "no-such-page", { message: "Wrong." }, "digest")).rejects.toBeInstanceOf(NotFound);
    await unpublishArticle(db(), editor, article.id);
    await expect(send({ message: "Wrong." })).rejects.toBeInstanceOf(NotFound);
    expect(await rowCount(db(), readerMessages)).toBe(0);
  });

  it("tells the webhooks that asked of each message, with the reader's words and never their email", async () => {
    await createWebhook(db(), await addUser(db(), "admin"), { url: "https://chat.example/hook", events: ["reader_message.received"], format: "slack" });
    await send({ about: approved.id, message: "Wrong figure.", email: "reader@example.org" });
    const [delivery] = await db().select({ event: webhookDeliveries.event }).from(webhookDeliveries);
    expect(delivery!.event).toMatchObject({
      type: "reader_message.received",
      data: { factCheck: { articleId: article.id, url: expect.stringMatching(/\/p\/mines-for-ukraine$/) }, claim: { id: approved.id, quote: "non-persistent" }, message: "Wrong figure." },
    });
    expect((delivery!.event as { data: { url: string } }).data.url).toMatch(new RegExp(`/readers\\?article=${article.id}$`));
    expect(JSON.stringify(delivery)).not.toContain("reader@example.org");
  });

  it("drops what a robot filled in (the field people never see) without telling it", async () => {
    await createWebhook(db(), await addUser(db(), "admin"), { url: "https://chat.example/hook", events: ["reader_message.received"], format: "slack" });
    expect(await send({ message: "Cheap watches", website: "https://spam.example" })).toEqual({ received: true });
    expect(await rowCount(db(), readerMessages)).toBe(0);
    expect(await rowCount(db(), webhookDeliveries)).toBe(0);
  });

  it("takes five messages an hour from one sender and thirty an hour about one fact-check, each limit saying when to try again", async () => {
    const now = new Date();
    for (let i = 0; i < MAX_MESSAGES_PER_SENDER_HOUR; i++) await send({ message: `Point ${i}.` }, "203.0.113.7", now);
    await expect(send({ message: "One more." }, "203.0.113.7", now)).rejects.toThrow(new TooManyRequests(
      "You have sent 5 messages in the last hour, which is as many as we take: send this one in an hour.",
    ));
    await send({ message: "Another reader." }, "198.51.100.1", now);
    await send({ message: "An hour later." }, "203.0.113.7", new Date(now.getTime() + 61 * 60 * 1000));

    for (let i = 7; i < MAX_MESSAGES_PER_ARTICLE_HOUR; i++) await send({ message: `Reader ${i}.` }, `198.51.100.${i}`, now);
    await expect(send({ message: "A flood." }, "192.0.2.99", now)).rejects.toThrow(/many messages in the last hour/);
    expect(await rowCount(db(), readerMessages)).toBe(MAX_MESSAGES_PER_ARTICLE_HOUR);
  });

  it("counts one sender's messages exactly when they arrive at once on several instances", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => send({ message: `At once ${i}.` })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(MAX_MESSAGES_PER_SENDER_HOUR);
    expect(await rowCount(db(), readerMessages)).toBe(MAX_MESSAGES_PER_SENDER_HOUR);
  });

  it("keeps the sender as a keyed digest of their address, never the address", async () => {
    await send({ message: "Wrong." }, "203.0.113.7");
    const [row] = await db().select().from(readerMessages);
    expect(JSON.stringify(row)).not.toContain("203.0.113.7");
    expect(row!.senderDigest).toBe(await senderDigestOf(db(), "203.0.113.7"));
    expect(row!.senderDigest).not.toBe(await senderDigestOf(db(), "203.0.113.8"));
    // The address the nearest proxy saw, not one the sender wrote in front of it.
    expect(senderAddressOf(new Headers({ "x-forwarded-for": "192.0.2.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(senderAddressOf(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(senderAddressOf(new Headers())).toBeNull();
    // Behind a CDN and a load balancer (TRUSTED_PROXY_HOPS=2), the address the CDN saw; a request that came past fewer proxies, its first address.
    const throughCdn = new Headers({ "x-forwarded-for": "192.0.2.1, 203.0.113.7, 198.51.100.9" });
    expect(senderAddressOf(throughCdn, trustedProxyHops("2"))).toBe("203.0.113.7");
    expect(senderAddressOf(new Headers({ "x-forwarded-for": "203.0.113.7" }), 2)).toBe("203.0.113.7");
    expect(trustedProxyHops(undefined)).toBe(1);
    for (const wrong of ["0", "-1", "1.5", "two", "11"]) expect(() => trustedProxyHops(wrong)).toThrow("Configuration: TRUSTED_PROXY_HOPS must be a whole number from 1 to 10");
  });

  it("is marked handled with what was done, once: a second editor is told who did, and it can be marked new again", async () => {
    await send({ about: approved.id, message: "Wrong figure." });
    const [message] = (await listReaderMessages(db(), editor, {})).messages;
    const other = await addUser(db(), "editor", { name: "Olga Other" });
    const handled = await handleReaderMessage(db(), editor, message!.id, { handled: true, note: " Answered; the figure is right. " });
    expect(handled.handled).toMatchObject({ by: "Eddie Editor", note: "Answered; the figure is right." });
    await expect(handleReaderMessage(db(), other, message!.id, { handled: true })).rejects.toThrow(new Conflict("Eddie Editor marked this message handled already."));
    expect(await listReaderMessages(db(), editor, {})).toMatchObject({ messages: [], counts: { new: 0, handled: 1 } });
    expect((await listReaderMessages(db(), editor, { state: "handled" })).messages[0]!.handled).toEqual(handled.handled);
    expect(await countNewReaderMessages(db(), editor)).toBe(0);

    expect(await handleReaderMessage(db(), other, message!.id, { handled: false })).toEqual({ handled: null });
    await expect(handleReaderMessage(db(), other, message!.id, { handled: false })).rejects.toBeInstanceOf(Conflict);
    expect((await listReaderMessages(db(), editor, {})).messages[0]).toMatchObject({ id: message!.id, handled: null });
  });

  it("puts handling in the audit trail, and deletes a message for good keeping only that it was, never its words or email", async () => {
    await send({ about: approved.id, message: "Buy cheap watches at spam.example", email: "spammer@example.org" });
    await send({ message: "The date is wrong." });
    const { messages } = await listReaderMessages(db(), editor, {});
    const [date, spam] = [messages.find((m) => m.body === "The date is wrong.")!, messages.find((m) => m.body.startsWith("Buy"))!];
    await handleReaderMessage(db(), editor, date.id, { handled: true, note: "Corrected the date." });
    await handleReaderMessage(db(), editor, date.id, { handled: false });
    await deleteReaderMessage(db(), editor, spam.id);
    await expect(deleteReaderMessage(db(), editor, spam.id)).rejects.toBeInstanceOf(NotFound);

    expect((await listReaderMessages(db(), editor, { state: "all" })).messages.map((m) => m.id)).toEqual([date.id]);
    const admin = await addUser(db(), "admin");
    const { entries } = await listAuditEntries(db(), admin, { subject: "reader_message" });
    const today = new Date().toISOString().slice(0, 10);
    expect(entries.map((entry) => [entry.actor?.name, describeEntry(entry)])).toEqual([
      ["Eddie Editor", `deleted a reader's message about “Mines for Ukraine”, received ${today}`],
      ["Eddie Editor", "marked a reader's message new again"],
      ["Eddie Editor", "marked a reader's message handled: Corrected the date."],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/spam|watches/);
  });

  it("erases the reader's email the set number of days after the message is handled, on any instance, and shows it no longer", async () => {
    await send({ message: "Old and handled.", email: "old@example.org" });
    await send({ message: "Handled lately.", email: "late@example.org" });
    await send({ message: "Still new.", email: "new@example.org" });
    const byBody = async () => new Map((await listReaderMessages(db(), editor, { state: "all" })).messages.map((m) => [m.body, m]));
    const ids = await byBody();
    await handleReaderMessage(db(), editor, ids.get("Old and handled.")!.id, { handled: true });
    await handleReaderMessage(db(), editor, ids.get("Handled lately.")!.id, { handled: true });
    const DAY = 24 * 60 * 60 * 1000;
    await db().update(readerMessages).set({ handledAt: new Date(Date.now() - 91 * DAY) }).where(eq(readerMessages.id, ids.get("Old and handled.")!.id));

    // Past its time, the email is not shown even before the erasure reaches it.
    const shown = await byBody();
    expect(shown.get("Old and handled.")).toMatchObject({ contactEmail: null, emailErased: true });
    expect(shown.get("Handled lately.")).toMatchObject({ contactEmail: "late@example.org", emailErased: false, emailKeptUntil: expect.any(String) });
    expect(shown.get("Still new.")).toMatchObject({ contactEmail: "new@example.org", emailKeptUntil: null, emailErased: false });

    expect(await eraseHandledReaderEmails(db(), 90)).toBe(1);
    expect(await eraseHandledReaderEmails(db(), 90)).toBe(0);
    const stored = await db().select({ body: readerMessages.body, contactEmail: readerMessages.contactEmail }).from(readerMessages);
    expect(new Map(stored.map((row) => [row.body, row.contactEmail]))).toEqual(
      new Map([["Old and handled.", null], ["Handled lately.", "late@example.org"], ["Still new.", "new@example.org"]]),
    );
    // Kept 0 days: erased once handled, never while new.
    expect(await eraseHandledReaderEmails(db(), 0, new Date(Date.now() + 1000))).toBe(1);
    expect((await byBody()).get("Still new.")!.contactEmail).toBe("new@example.org");
  });

  it("takes a reader's tip, a claim to check and where they saw it, shown among the messages and apart with kind=tips", async () => {
    const admin = await addUser(db(), "admin");
    await createWebhook(db(), admin, { url: "https://chat.example/hook", events: ["reader_tip.received"], format: "slack" });
    const tip = (input: Record<string, unknown>, sender = "198.51.100.9") => senderDigestOf(db(), sender).then((digest) => receiveReaderTip(db(), input, digest));
    await tip({ message: "The mayor said crime fell by half.", link: " www.example.org/video ", email: "tipster@example.org" });
    await send({ message: "The date is wrong." });
    await expect(tip({ message: "A claim.", link: "javascript:alert(1)" })).rejects.toMatchObject({
      constructor: Invalid,
      fields: { link: "must be an http:// or https:// address, such as https://example.org/post" },
    });
    await expect(tip({ message: " " })).rejects.toMatchObject({ fields: { message: "write the claim you would like us to check" } });

    const all = await listReaderMessages(db(), editor, {});
    expect(all.messages.map((m) => [m.article?.id ?? null, m.body, m.link])).toEqual([
      [article.id, "The date is wrong.", null],
      [null, "The mayor said crime fell by half.", "https://www.example.org/video"],
    ]);
    const tips = await listReaderMessages(db(), editor, { kind: "tips" });
    expect(tips).toMatchObject({ counts: { new: 1, handled: 0 }, messages: [{ article: null, claim: null, contactEmail: "tipster@example.org" }] });
    expect(await countNewReaderMessages(db(), editor)).toBe(2);
    expect(await countNewReaderMessages(db(), editor, article.id)).toBe(1);

    const [delivery] = await db().select({ event: webhookDeliveries.event }).from(webhookDeliveries);
    expect(delivery!.event).toMatchObject({ type: "reader_tip.received", data: { message: "The mayor said crime fell by half.", link: "https://www.example.org/video" } });
    expect(JSON.stringify(delivery)).not.toContain("tipster@");

    await deleteReaderMessage(db(), editor, tips.messages[0]!.id);
    const { entries } = await listAuditEntries(db(), admin, { subject: "reader_message" });
    expect(describeEntry(entries[0]!)).toBe(`deleted a reader's tip, received ${new Date().toISOString().slice(0, 10)}`);
  });

  it("takes sixty tips an hour from everyone, and counts a sender's tips with their messages", async () => {
    const now = new Date();
    const tip = (message: string, sender: string) => senderDigestOf(db(), sender).then((digest) => receiveReaderTip(db(), { message }, digest, now));
    for (let i = 0; i < 4; i++) await send({ message: `Point ${i}.` }, "203.0.113.7", now);
    await tip("A fifth from the same reader.", "203.0.113.7");
    await expect(tip("A sixth.", "203.0.113.7")).rejects.toBeInstanceOf(TooManyRequests);
    for (let i = 1; i < MAX_TIPS_PER_HOUR; i++) await tip(`Tip ${i}.`, `192.0.2.${i}`);
    await expect(tip("One too many.", "192.0.2.200")).rejects.toThrow("We have had many suggestions in the last hour: please send yours in an hour.");
    // Messages about a fact-check have their own limit.
    await send({ message: "Still taken." }, "192.0.2.201", now);
  });

  it("is the editors' and admins' alone: reviewers and strangers are refused, bad input names its field", async () => {
    await send({ message: "Wrong." });
    const [message] = (await listReaderMessages(db(), await addUser(db(), "admin"), {})).messages;
    await expect(listReaderMessages(db(), author, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(listReaderMessages(db(), null, {})).rejects.toBeInstanceOf(Unauthenticated);
    await expect(handleReaderMessage(db(), author, message!.id, { handled: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteReaderMessage(db(), author, message!.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteReaderMessage(db(), null, message!.id)).rejects.toBeInstanceOf(Unauthenticated);
    expect(await countNewReaderMessages(db(), author)).toBe(0);
    await expect(handleReaderMessage(db(), editor, message!.id, { handled: "yes" })).rejects.toBeInstanceOf(Invalid);
    await expect(handleReaderMessage(db(), editor, message!.id, { handled: true, note: "x".repeat(1001) })).rejects.toMatchObject({
      fields: { note: "must be at most 1,000 characters" },
    });
    await expect(handleReaderMessage(db(), editor, "00000000-0000-4000-8000-000000000000", { handled: true })).rejects.toBeInstanceOf(NotFound);
    await expect(listReaderMessages(db(), editor, { state: "spam" })).rejects.toMatchObject({ fields: { state: "must be one of new, handled, all" } });
    await expect(listReaderMessages(db(), editor, { article: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(NotFound);
    expect((await listReaderMessages(db(), editor, {})).messages[0]!.handled).toBeNull();
  });
});
