import { randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import { annotations, reviewEvents, sources } from "@/db/schema";
import { annotationListBody } from "@/lib/annotations/list-body";
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  updateAnnotation,
} from "@/lib/annotations/service";
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { updateUser } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, completeClaim, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("annotations service", (db) => {
  let author: Actor;
  let article: { id: string; plainText: string };
  const claim = "anti-personnel mines";

  beforeEach(async () => {
    author = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    article = await addArticle(db());
  });

  const createDraft = (input: object = {}, actor: Actor | null = author) =>
    createAnnotation(db(), actor, article.id, { selectors: selectorsOf(article.plainText, claim), ...input });

  it("creates a draft on the selected claim with its sources in order", async () => {
    const created = await createDraft({
      verdict: "true",
      explanation: "Confirmed by the Pentagon.",
      sources: [
        { url: "https://www.defense.gov/News/", title: "Briefing", accessedAt: "2024-11-20" },
        { url: "https://apnews.com/article/x", publisher: "AP", archiveUrl: "https://web.archive.org/x", accessedAt: "2024-11-21" },
      ],
    });
    const start = article.plainText.indexOf(claim);
    expect(created).toMatchObject({
      articleId: article.id,
      version: 1,
      status: "draft",
      verdict: "true",
      explanation: "Confirmed by the Pentagon.",
      quote: claim,
      author: { id: author.id, name: "Rita Reviewer" },
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.selectors[1]).toEqual({ type: "TextPositionSelector", start, end: start + claim.length });
    expect(created.sources).toEqual([
      { url: "https://www.defense.gov/News/", title: "Briefing", publisher: "", quote: "", accessedAt: "2024-11-20", archiveUrl: null },
      { url: "https://apnews.com/article/x", title: "", publisher: "AP", quote: "", accessedAt: "2024-11-21", archiveUrl: "https://web.archive.org/x" },
    ]);
    expect(await getAnnotation(db(), author, created.id)).toMatchObject({
      sources: created.sources,
      history: [{ from: null, to: "draft", actor: { id: author.id } }],
    });
  });

  it("stores the quote's context as 32 characters either side, whatever the client sent", async () => {
    const [quote, position] = selectorsOf(article.plainText, "non-persistent");
    const created = await createDraft({ selectors: [{ ...quote, prefix: "are ", suffix: undefined }, position] });
    expect(created.selectors[0]).toEqual({
      type: "TextQuoteSelector",
      exact: "non-persistent",
      prefix: article.plainText.slice(position.start - 32, position.start),
      suffix: article.plainText.slice(position.end, position.end + 32),
    });
  });

  it("finds a claim given by its quote alone when the quote is unique", async () => {
    const created = await createDraft({ selectors: [{ type: "TextQuoteSelector", exact: "Ukrainian territory" }] });
    expect(created.selectors[1].start).toBe(article.plainText.indexOf("Ukrainian territory"));
  });

  it("refuses a quote that does not match the article's text and writes nothing", async () => {
    const [quote, position] = selectorsOf(article.plainText, claim);
    const refusal = createDraft({ selectors: [{ ...quote, exact: "anti-tank mines12345" }, position] });
    await expect(refusal).rejects.toBeInstanceOf(Invalid);
    await expect(refusal).rejects.toMatchObject({ fields: { selectors: expect.stringMatching(/does not match/) } });
    expect(await rowCount(db(), annotations)).toBe(0);
    expect(await rowCount(db(), reviewEvents)).toBe(0);
  });

  it("refuses an unknown verdict", async () => {
    await expect(createDraft({ verdict: "pants_on_fire" })).rejects.toMatchObject({ name: "Invalid", fields: { verdict: expect.any(String) } });
    expect(await rowCount(db(), annotations)).toBe(0);
  });

  it("refuses a javascript: source URL and writes nothing", async () => {
    const refusal = createDraft({ sources: [{ url: "javascript:alert(document.cookie)" }] });
    await expect(refusal).rejects.toMatchObject({ name: "Invalid", fields: { "sources.0.url": "must be an http:// or https:// address" } });
    expect(await rowCount(db(), annotations)).toBe(0);
    expect(await rowCount(db(), sources)).toBe(0);
  });

  it("stores HTML in an explanation verbatim: escaping is the renderer's job", async () => {
    const html = `<img src=x onerror="alert(1)"> & <b>bold</b> 'quoted'`;
    const created = await createDraft({ explanation: html });
    expect((await getAnnotation(db(), author, created.id)).explanation).toBe(html);
  });

  it("lets the author change a draft, replacing its sources and bumping its version", async () => {
    const created = await createDraft({ sources: [{ url: "https://a.example/" }, { url: "https://b.example/" }] });
    const updated = await updateAnnotation(db(), author, created.id, {
      version: 1,
      verdict: "false",
      explanation: "Wrong.",
      sources: [{ url: "https://c.example/" }],
    });
    expect(updated).toMatchObject({ version: 2, verdict: "false", explanation: "Wrong.", sources: [{ url: "https://c.example/" }] });
    expect(await rowCount(db(), sources)).toBe(1);
  });

  it("keeps what an update leaves out", async () => {
    const created = await createDraft({ verdict: "true", explanation: "Kept.", sources: [{ url: "https://a.example/" }] });
    const updated = await updateAnnotation(db(), author, created.id, { version: 1, verdict: null });
    expect(updated).toMatchObject({ version: 2, verdict: null, explanation: "Kept.", sources: [{ url: "https://a.example/" }] });
  });

  it("refuses an update based on a stale version and changes nothing", async () => {
    const created = await createDraft({ explanation: "First." });
    await updateAnnotation(db(), author, created.id, { version: 1, explanation: "Second." });
    await expect(updateAnnotation(db(), author, created.id, { version: 1, explanation: "Lost update." })).rejects.toBeInstanceOf(Conflict);
    expect(await getAnnotation(db(), author, created.id)).toMatchObject({ version: 2, explanation: "Second." });
  });

  it("refuses an update by anyone but the author, even an admin", async () => {
    const created = await createDraft();
    for (const role of ["reviewer", "editor", "admin"] as const) {
      const other = await addUser(db(), role);
      await expect(updateAnnotation(db(), other, created.id, { version: 1, explanation: "Mine now." })).rejects.toBeInstanceOf(Forbidden);
    }
    expect((await getAnnotation(db(), author, created.id)).version).toBe(1);
  });

  it("refuses an update while the annotation is in review", async () => {
    const created = await createDraft(completeClaim);
    await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
    const refusal = updateAnnotation(db(), author, created.id, { version: 2, explanation: "Sneaky edit." });
    await expect(refusal).rejects.toBeInstanceOf(Conflict);
    await expect(refusal).rejects.toThrow(/in review/);
  });

  it("lets the author delete a draft at the version they read, with its sources and history", async () => {
    const created = await createDraft({ sources: [{ url: "https://a.example/" }] });
    await deleteAnnotation(db(), author, created.id, "1");
    await expect(getAnnotation(db(), author, created.id)).rejects.toBeInstanceOf(NotFound);
    expect(await rowCount(db(), sources)).toBe(0);
    expect(await rowCount(db(), reviewEvents)).toBe(0);
  });

  it("refuses a delete based on a stale version and keeps the annotation", async () => {
    const created = await createDraft();
    await updateAnnotation(db(), author, created.id, { version: 1, explanation: "Changed." });
    await expect(deleteAnnotation(db(), author, created.id, 1)).rejects.toBeInstanceOf(Conflict);
    expect(await rowCount(db(), annotations)).toBe(1);
  });

  it("refuses a delete without a version", async () => {
    const created = await createDraft();
    await expect(deleteAnnotation(db(), author, created.id, undefined)).rejects.toMatchObject({ name: "Invalid", fields: { version: "is required" } });
    await expect(deleteAnnotation(db(), author, created.id, "1.5")).rejects.toBeInstanceOf(Invalid);
  });

  it("lets an admin, but not an editor, delete someone else's annotation in review", async () => {
    const created = await createDraft(completeClaim);
    await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
    await expect(deleteAnnotation(db(), await addUser(db(), "editor"), created.id, 2)).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteAnnotation(db(), author, created.id, 2)).rejects.toBeInstanceOf(Conflict);
    await deleteAnnotation(db(), await addUser(db(), "admin"), created.id, 2);
    expect(await rowCount(db(), annotations)).toBe(0);
  });

  it("refuses a disabled user and says why", async () => {
    const disabled = await addUser(db(), "editor", { disabled: true });
    await expect(createDraft({}, disabled)).rejects.toThrow(Forbidden);
    await expect(createDraft({}, disabled)).rejects.toThrow(/disabled/);
    expect(await rowCount(db(), annotations)).toBe(0);
  });

  it("asks the anonymous to sign in", async () => {
    await expect(createDraft({}, null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(listAnnotations(db(), null, article.id)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("answers NotFound for an unknown article or annotation", async () => {
    const unknown = randomUUID();
    await expect(createAnnotation(db(), author, unknown, { selectors: selectorsOf(article.plainText, claim) })).rejects.toBeInstanceOf(NotFound);
    await expect(listAnnotations(db(), author, unknown)).rejects.toBeInstanceOf(NotFound);
    await expect(annotationListBody(db(), author, unknown)).rejects.toBeInstanceOf(NotFound);
    await expect(getAnnotation(db(), author, unknown)).rejects.toBeInstanceOf(NotFound);
    await expect(updateAnnotation(db(), author, unknown, { version: 1 })).rejects.toBeInstanceOf(NotFound);
  });

  it("lists an article's annotations in document order", async () => {
    const text = article.plainText;
    await createDraft({ selectors: selectorsOf(text, "mines", 2) });
    await createDraft({ selectors: selectorsOf(text, "mines", 0) });
    await createDraft({ selectors: selectorsOf(text, "anti-personnel mines to Ukraine") });
    await createDraft({ selectors: selectorsOf(text, "mines", 1) });
    const listed = await listAnnotations(db(), author, article.id);
    const starts = listed.map((annotation) => annotation.selectors[1].start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(listed.map((annotation) => annotation.quote)).toEqual(["anti-personnel mines to Ukraine", "mines", "mines", "mines"]);
  });

  it("serves the same list body until an annotation changes, then a new stamp", async () => {
    const empty = await annotationListBody(db(), author, article.id);
    expect(JSON.parse(empty.json)).toEqual({ annotations: [] });
    expect(await annotationListBody(db(), author, article.id)).toEqual(empty);

    const created = await createDraft();
    const afterCreate = await annotationListBody(db(), author, article.id);
    expect(afterCreate.stamp).toBeGreaterThan(empty.stamp);
    expect(JSON.parse(afterCreate.json).annotations).toMatchObject([{ id: created.id, version: 1, sources: [] }]);
    expect(await annotationListBody(db(), author, article.id)).toEqual(afterCreate);

    await updateAnnotation(db(), author, created.id, { version: 1, explanation: "Changed." });
    const afterUpdate = await annotationListBody(db(), author, article.id);
    expect(afterUpdate.stamp).toBeGreaterThan(afterCreate.stamp);
    expect(JSON.parse(afterUpdate.json).annotations).toMatchObject([{ id: created.id, version: 2, explanation: "Changed." }]);

    await deleteAnnotation(db(), author, created.id, 2);
    const afterDelete = await annotationListBody(db(), author, article.id);
    expect(afterDelete.stamp).toBeGreaterThan(afterUpdate.stamp);
    expect(JSON.parse(afterDelete.json)).toEqual({ annotations: [] });
  });

  it("serves a new list body when an author is renamed, since the list shows authors' names", async () => {
    await createDraft();
    const before = await annotationListBody(db(), author, article.id);
    await updateUser(db(), await addUser(db(), "admin"), author.id, { name: "Rita Renamed" });
    const after = await annotationListBody(db(), author, article.id);
    expect(after.stamp).toBeGreaterThan(before.stamp);
    expect(JSON.parse(after.json).annotations[0].author.name).toBe("Rita Renamed");
  });
});
