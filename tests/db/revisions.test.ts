import { desc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { annotations, articleRevisions, auditEntries, reviewEvents } from "@/db/schema";
import { documentFromPlainText } from "@/lib/articles/document";
import { getArticle } from "@/lib/articles/service";
import { confirmPlacement, discardAnnotation, reattachAnnotation } from "@/lib/annotations/placement";
import { createAnnotation, getAnnotation, listAnnotations, updateAnnotation } from "@/lib/annotations/service";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { annotationHistory } from "@/lib/audit/queries";
import { describeEntry } from "@/lib/audit/describe";
import { changeStatus } from "@/lib/reviews/service";
import { orphanReplacements } from "@/lib/revisions/orphan-replacement";
import { compareRevisions, getRevision, listRevisions, restoreRevision, saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, addUser, ARTICLE_TEXT, completeClaim, rowCount, selectorsOf } from "./fixtures";

const [FIRST, SECOND, THIRD] = ARTICLE_TEXT.split("\n") as [string, string, string];
const REWORDED_FIRST = "On Wednesday, officials said the United States will send anti-personnel mines to Ukraine.";
const docOf = (...paragraphs: string[]) => documentFromPlainText(paragraphs.join("\n")).toJSON();

describeOnEveryEngine("article revisions", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db(), { editorName: "Ed Editor" }));
  });

  const annotate = (exact: string, input: object = {}) =>
    createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...input });

  /** An annotation on the second paragraph, submitted for review with a source: the one the revisions orphan. */
  const submittedOnSecond = async () => {
    const created = await annotate("non-persistent", completeClaim);
    await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
    return created.id;
  };

  it("stores revision 1 with every new article", async () => {
    expect(await listRevisions(db(), author, article.id)).toEqual([
      { revision: 1, createdAt: expect.any(String), author: null, current: true, outcome: null },
    ]);
    expect(await getRevision(db(), author, article.id, 1)).toMatchObject({ revision: 1, plainText: ARTICLE_TEXT, doc: docOf(ARTICLE_TEXT) });
  });

  it("saves a revision, moves the annotation on an edited sentence and orphans the one on a deleted paragraph", async () => {
    const moved = await annotate("anti-personnel mines");
    const orphanId = await submittedOnSecond();

    const saved = await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(REWORDED_FIRST, THIRD) });

    expect(saved).toEqual({ revision: 2, reanchored: 1, orphaned: 1, checkPlacement: 0, restored: 0 });
    const newText = [REWORDED_FIRST, THIRD].join("\n");
    expect(await getArticle(db(), editor, article.id)).toMatchObject({ revision: 2, plainText: newText, doc: docOf(REWORDED_FIRST, THIRD) });
    const [placed, orphan] = await listAnnotations(db(), author, article.id);
    const start = newText.indexOf("anti-personnel mines");
    expect(placed).toMatchObject({
      id: moved.id,
      version: 1,
      orphaned: false,
      orphanedRevision: null,
      placementChecked: true,
      anchorConfidence: expect.toSatisfy((confidence: number) => confidence >= 0.75),
      selectors: [
        { exact: "anti-personnel mines", prefix: newText.slice(start - 32, start), suffix: newText.slice(start + 20, start + 52) },
        { start, end: start + 20 },
      ],
    });
    expect(orphan).toMatchObject({
      id: orphanId,
      orphaned: true,
      orphanedRevision: 2,
      status: "in_review",
      version: 2,
      quote: "non-persistent",
      selectors: [{ exact: "non-persistent" }, { start: ARTICLE_TEXT.indexOf("non-persistent") }],
      sources: [{ url: completeClaim.sources[0].url }],
    });
    expect((await getAnnotation(db(), author, orphanId)).history).toMatchObject([
      { kind: "status", to: "draft" },
      { kind: "status", from: "draft", to: "in_review" },
      { kind: "orphaned", from: "in_review", to: "in_review", revision: 2, actor: { id: editor.id } },
    ]);
  });

  it("flags a doubtful placement for checking until someone confirms it", async () => {
    const quote = "they deactivate on their own after a set period";
    const doubtful = await annotate(quote);
    const edited = SECOND.replace(quote, "they deactivate by themselves once a set period ends");

    expect(await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, edited, THIRD) })).toMatchObject({
      checkPlacement: 1,
      orphaned: 0,
    });
    const flagged = await getAnnotation(db(), author, doubtful.id);
    // The words it was checked on are kept: the card shows what the revision did to them.
    expect(flagged).toMatchObject({ placementChecked: false, orphaned: false, version: 1, checked: { quote, revision: 1 } });
    expect(flagged.anchorConfidence).toBeLessThan(0.75);

    await expect(confirmPlacement(db(), author, doubtful.id, { version: 1, revision: 1 })).rejects.toThrow(Conflict);
    const confirmed = await confirmPlacement(db(), editor, doubtful.id, { version: 1, revision: 2 });
    expect(confirmed).toMatchObject({ placementChecked: true, anchorConfidence: 1, version: 2, checked: { quote: confirmed.quote, revision: 2 } });
    expect(confirmed.history.at(-1)).toMatchObject({ kind: "placement_confirmed", revision: 2, actor: { id: editor.id } });
    await expect(confirmPlacement(db(), editor, doubtful.id, { version: 2, revision: 2 })).rejects.toThrow(/already confirmed/);
  });

  it("keeps the words a flagged claim was checked on, and the revision it stood checked in, through later revisions until someone confirms it", async () => {
    const quote = "they deactivate on their own after a set period";
    const claim = await annotate(quote);
    expect(claim.checked).toEqual({ quote, revision: 1 });
    // Revision 2 leaves the claim alone; revision 3 changes its words, and revision 4 again.
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST.replace("Wednesday", "Thursday"), SECOND, THIRD) });
    const once = SECOND.replace("on their own", "on their own only");
    await saveRevision(db(), editor, article.id, { baseRevision: 2, doc: docOf(FIRST, once, THIRD) });
    const twice = once.replace("deactivate", "shut down");
    await saveRevision(db(), editor, article.id, { baseRevision: 3, doc: docOf(FIRST, twice, THIRD) });

    const flagged = await getAnnotation(db(), author, claim.id);
    expect(flagged).toMatchObject({ placementChecked: false, quote: "they shut down on their own only after a set period", checked: { quote, revision: 2 } });
    const confirmed = await confirmPlacement(db(), author, claim.id, { version: 1, revision: 4 });
    expect(confirmed.checked).toEqual({ quote: "they shut down on their own only after a set period", revision: 4 });
  });

  it("moves a flagged claim to the text it belongs to, checked there", async () => {
    const claim = await annotate("they deactivate on their own after a set period");
    const edited = SECOND.replace("on their own after a set period", "by themselves once a set period ends");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, edited, THIRD) });
    const flagged = await getAnnotation(db(), author, claim.id);
    expect(flagged).toMatchObject({ placementChecked: false, orphaned: false });
    const newText = [FIRST, edited, THIRD].join("\n");
    const selectors = selectorsOf(newText, "they deactivate by themselves once a set period ends");

    const reattached = await reattachAnnotation(db(), author, claim.id, { version: flagged.version, selectors });

    expect(reattached).toMatchObject({
      placementChecked: true,
      anchorConfidence: 1,
      quote: "they deactivate by themselves once a set period ends",
      checked: { quote: "they deactivate by themselves once a set period ends", revision: 2 },
    });
    expect(reattached.history.at(-1)).toMatchObject({ kind: "reattached", revision: 2 });
  });

  it("has a person check a claim whose words a revision changed, but not one whose typo it fixed", async () => {
    const misspelt = THIRD.replace("Ukrainian", "Ukrainain");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, SECOND, misspelt) });
    article = { ...article, plainText: [FIRST, SECOND, misspelt].join("\n") };
    const reworded = await annotate("they deactivate on their own after a set period", completeClaim);
    const retyped = await annotate("only on Ukrainain territory");
    await changeStatus(db(), author, reworded.id, { to: "in_review", version: 1 });
    await changeStatus(db(), editor, reworded.id, { to: "approved", version: 2 });

    const revised = await saveRevision(db(), editor, article.id, { baseRevision: 2, doc: docOf(FIRST, SECOND.replace("on their own", "on their own only"), THIRD) });

    expect(revised).toMatchObject({ revision: 3, reanchored: 2, checkPlacement: 1, orphaned: 0 });
    const flagged = await getAnnotation(db(), author, reworded.id);
    expect(flagged).toMatchObject({ status: "approved", placementChecked: false, quote: "they deactivate on their own only after a set period" });
    expect(flagged.anchorConfidence).toBeGreaterThanOrEqual(0.75);
    expect(flagged.checked).toEqual({ quote: "they deactivate on their own after a set period", revision: 2 });
    // A placement that stays checked carries its checked quote along, typo fixed.
    expect(await getAnnotation(db(), author, retyped.id)).toMatchObject({ placementChecked: true, quote: "only on Ukrainian territory", checked: { quote: "only on Ukrainian territory", revision: 3 } });
    const history = await annotationHistory(db(), author, reworded.id);
    expect(describeEntry(history.at(-1)!)).toBe("saved revision 3, which changed its words: “…own after…” → “…own only after…” (to check)");
  });

  it("refuses the second of two saves on the same revision and keeps the first", async () => {
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(REWORDED_FIRST, SECOND, THIRD) });
    const second = saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) });

    await expect(second).rejects.toThrow(Conflict);
    await expect(second).rejects.toThrow(/your text is kept/i);
    expect(await rowCount(db(), articleRevisions)).toBe(2);
    expect(await getArticle(db(), editor, article.id)).toMatchObject({ revision: 2, plainText: [REWORDED_FIRST, SECOND, THIRD].join("\n") });
  });

  it("lets exactly one of two concurrent saves on the same revision through", async () => {
    const orphanId = await submittedOnSecond();
    const results = await Promise.allSettled([
      saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) }),
      saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(REWORDED_FIRST, SECOND, THIRD) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(Conflict) });
    expect(await rowCount(db(), articleRevisions)).toBe(2);
    const orphanEvents = await db().select().from(reviewEvents).where(eq(reviewEvents.kind, "orphaned"));
    const orphaned = (await getAnnotation(db(), author, orphanId)).orphaned;
    expect(orphanEvents).toHaveLength(orphaned ? 1 : 0);
  });

  it("refuses a save by a reviewer and an invalid document, writing nothing", async () => {
    await expect(saveRevision(db(), author, article.id, { baseRevision: 1, doc: docOf(FIRST) })).rejects.toThrow(Forbidden);
    for (const doc of [
      { type: "doc", content: [{ type: "image" }] },
      { type: "doc", content: [] },
      { type: "paragraph", content: [{ type: "text", text: "A paragraph alone" }] },
      "not a document",
      null,
    ]) {
      await expect(saveRevision(db(), editor, article.id, { baseRevision: 1, doc })).rejects.toMatchObject({
        name: "Invalid",
        fields: { doc: expect.any(String) },
      });
    }
    await expect(saveRevision(db(), editor, article.id, { baseRevision: 0, doc: docOf(FIRST) })).rejects.toThrow(Invalid);
    await expect(saveRevision(db(), editor, crypto.randomUUID(), { baseRevision: 1, doc: docOf(FIRST) })).rejects.toThrow(NotFound);
    expect(await rowCount(db(), articleRevisions)).toBe(1);
    expect((await getArticle(db(), editor, article.id)).revision).toBe(1);
  });

  it("re-attaches an orphan to a new selection, recorded in its history", async () => {
    const orphanId = await submittedOnSecond();
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) });
    const newText = [FIRST, THIRD].join("\n");
    const selectors = selectorsOf(newText, "Ukrainian territory");

    await expect(reattachAnnotation(db(), author, orphanId, { version: 1, selectors })).rejects.toThrow(Conflict);
    const stranger = await addUser(db(), "reviewer");
    await expect(reattachAnnotation(db(), stranger, orphanId, { version: 2, selectors })).rejects.toThrow(Forbidden);
    await expect(
      reattachAnnotation(db(), author, orphanId, { version: 2, selectors: [{ type: "TextQuoteSelector", exact: "non-persistent" }] }),
    ).rejects.toMatchObject({ name: "Invalid", fields: { selectors: expect.any(String) } });

    const reattached = await reattachAnnotation(db(), editor, orphanId, { version: 2, selectors });
    expect(reattached).toMatchObject({
      orphaned: false,
      orphanedRevision: null,
      placementChecked: true,
      anchorConfidence: 1,
      version: 3,
      status: "in_review",
      quote: "Ukrainian territory",
      checked: { quote: "Ukrainian territory", revision: 2 },
      selectors: [{ exact: "Ukrainian territory" }, { start: newText.indexOf("Ukrainian territory") }],
    });
    expect(reattached.history.at(-1)).toMatchObject({ kind: "reattached", revision: 2, actor: { id: editor.id } });
  });

  it("offers what a revision wrote in place of an orphan's sentence, which re-attaches it in one step", async () => {
    const PORT = "The port reopened on Friday after a week of repairs. Officials said 3,000 containers were damaged. Ships queued outside the harbour all morning, and the first ferry left at noon.";
    const LATER = "Trade resumed on Monday.";
    const port = await addArticle(db(), [PORT, LATER, "A storm is forecast for the weekend."].join("\n"));
    const select = (exact: string) => createAnnotation(db(), author, port.id, { selectors: selectorsOf(port.plainText, exact) });
    const rewritten = await select("Officials said 3,000 containers were damaged.");
    // Two more: one on a sentence the revision deletes, one on a sentence it keeps.
    const [deleted, placed] = [await select("A storm is forecast for the weekend."), await select("Trade resumed on Monday.")];
    const reworded = PORT.replace("Officials said 3,000 containers were damaged.", "Port officials now put the damage at 2,400 containers.");
    await saveRevision(db(), editor, port.id, { baseRevision: 1, doc: docOf(reworded, LATER) });
    // A later revision elsewhere: the replacement is found in the current text.
    await saveRevision(db(), editor, port.id, { baseRevision: 2, doc: docOf("Updated on Tuesday.", reworded, LATER) });
    const current = ["Updated on Tuesday.", reworded, LATER].join("\n");

    const replacements = await orphanReplacements(db(), author, port.id);
    // The deleted sentence has nothing in its place; the placed claim is no orphan.
    expect(Object.keys(replacements)).toEqual([rewritten.id]);
    expect((await getAnnotation(db(), author, deleted.id)).orphaned).toBe(true);
    expect((await getAnnotation(db(), author, placed.id)).orphaned).toBe(false);
    const replacement = replacements[rewritten.id]!;
    expect(replacement).toEqual({
      start: current.indexOf("Port officials"),
      end: current.indexOf("2,400 containers.") + "2,400 containers.".length,
      text: "Port officials now put the damage at 2,400 containers.",
      selectors: selectorsOf(current, "Port officials now put the damage at 2,400 containers."),
    });
    await expect(orphanReplacements(db(), author, crypto.randomUUID())).rejects.toThrow(NotFound);

    const { version } = await getAnnotation(db(), author, rewritten.id);
    const reattached = await reattachAnnotation(db(), author, rewritten.id, { version, selectors: replacement.selectors });
    expect(reattached).toMatchObject({ orphaned: false, quote: replacement.text, placementChecked: true });
    expect(await orphanReplacements(db(), author, port.id)).toEqual({});
  });

  it("discards an orphan: hidden from the list, kept with its history, changed no more", async () => {
    const orphanId = await submittedOnSecond();
    const placed = await annotate("anti-personnel mines");
    await expect(discardAnnotation(db(), author, placed.id, { version: 1 })).rejects.toThrow(/Only an orphaned/);
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) });

    await expect(discardAnnotation(db(), author, orphanId, { version: 1 })).rejects.toThrow(Conflict);
    const discarded = await discardAnnotation(db(), author, orphanId, { version: 2 });

    expect(discarded).toMatchObject({ discarded: true, orphaned: true, version: 3, status: "in_review" });
    expect(discarded.history.map((event) => event.kind)).toEqual(["status", "status", "orphaned", "discarded"]);
    expect((await listAnnotations(db(), author, article.id)).map((a) => a.id)).toEqual([placed.id]);
    expect(await rowCount(db(), annotations)).toBe(2);
    await expect(updateAnnotation(db(), author, orphanId, { version: 3, explanation: "x" })).rejects.toThrow(/discarded/);
    await expect(changeStatus(db(), editor, orphanId, { to: "approved", version: 3 })).rejects.toThrow(/discarded/);
    await expect(reattachAnnotation(db(), author, orphanId, { version: 3, selectors: selectorsOf(FIRST, "Ukraine") })).rejects.toThrow(
      /discarded/,
    );
  });

  it("brings an orphan back when a later revision holds its words again, and not a discarded one or one whose words changed", async () => {
    const orphanId = await submittedOnSecond();
    const reworded = await annotate("they deactivate on their own after a set period");
    const discarded = await annotate("after a set period");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) });
    await discardAnnotation(db(), author, discarded.id, { version: 1 });
    // A revision that does not bring the paragraph back leaves them orphans.
    expect(await saveRevision(db(), editor, article.id, { baseRevision: 2, doc: docOf(FIRST.replace("Wednesday", "Thursday"), THIRD) })).toMatchObject({ restored: 0 });

    // The paragraph is back, one of its sentences reworded.
    const back = SECOND.replace("on their own", "by themselves");
    const saved = await saveRevision(db(), editor, article.id, { baseRevision: 3, doc: docOf(FIRST, back, THIRD) });

    expect(saved).toMatchObject({ revision: 4, restored: 1, orphaned: 0 });
    const newText = [FIRST, back, THIRD].join("\n");
    const restored = await getAnnotation(db(), author, orphanId);
    expect(restored).toMatchObject({
      orphaned: false,
      orphanedRevision: null,
      placementChecked: true,
      anchorConfidence: 1,
      status: "in_review",
      quote: "non-persistent",
      selectors: [{ exact: "non-persistent" }, { start: newText.indexOf("non-persistent"), end: newText.indexOf("non-persistent") + 14 }],
    });
    expect(restored.history.at(-1)).toMatchObject({ kind: "reattached", revision: 4, actor: { id: editor.id } });
    const history = await annotationHistory(db(), author, orphanId);
    expect(describeEntry(history.at(-1)!)).toBe("saved revision 4, which brought its text back");
    expect(await getAnnotation(db(), author, reworded.id)).toMatchObject({ orphaned: true, orphanedRevision: 2 });
    expect(await getAnnotation(db(), author, discarded.id)).toMatchObject({ orphaned: true, discarded: true });
  });

  it("restores an older revision's text as the next revision, its claims carried along and its orphans brought back", async () => {
    const orphanId = await submittedOnSecond();
    const placed = await annotate("anti-personnel mines");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(REWORDED_FIRST, THIRD) });

    const restored = await restoreRevision(db(), editor, article.id, 1, { baseRevision: 2 });

    expect(restored).toEqual({ revision: 3, reanchored: 1, orphaned: 0, checkPlacement: 0, restored: 1 });
    expect(await getArticle(db(), editor, article.id)).toMatchObject({ revision: 3, plainText: ARTICLE_TEXT, doc: docOf(ARTICLE_TEXT) });
    const claims = await listAnnotations(db(), author, article.id);
    expect(claims.map((claim) => [claim.id, claim.orphaned, claim.selectors[1].start])).toEqual([
      [placed.id, false, ARTICLE_TEXT.indexOf("anti-personnel mines")],
      [orphanId, false, ARTICLE_TEXT.indexOf("non-persistent")],
    ]);
    const [revised] = await db().select().from(auditEntries).where(eq(auditEntries.action, "revised")).orderBy(desc(auditEntries.id)).limit(1);
    expect(revised?.after).toMatchObject({ revision: 3, restoredFrom: 1, restored: 1 });
    // The history says what each save did, and which revision a restore brought back.
    expect((await listRevisions(db(), editor, article.id)).map((revision) => revision.outcome)).toEqual([
      null,
      expect.objectContaining({ orphaned: 1, restoredFrom: null }),
      expect.objectContaining({ restored: 1, restoredFrom: 1 }),
    ]);
  });

  it("refuses to restore for a reviewer, over a newer revision, the current revision, or one that does not exist", async () => {
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST, THIRD) });
    await expect(restoreRevision(db(), author, article.id, 1, { baseRevision: 2 })).rejects.toThrow(Forbidden);
    await expect(restoreRevision(db(), editor, article.id, 1, { baseRevision: 1 })).rejects.toThrow(/Someone saved revision 2/);
    await expect(restoreRevision(db(), editor, article.id, 2, { baseRevision: 2 })).rejects.toThrow(/current text already/);
    await expect(restoreRevision(db(), editor, article.id, 9, { baseRevision: 2 })).rejects.toThrow(NotFound);
    await expect(restoreRevision(db(), editor, article.id, 1, { baseRevision: "2" })).rejects.toMatchObject({ name: "Invalid", fields: { baseRevision: expect.any(String) } });
    expect((await getArticle(db(), editor, article.id)).revision).toBe(2);
  });

  it("lists, shows and compares revisions word by word", async () => {
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: docOf(FIRST.replace("Wednesday", "Thursday"), SECOND, THIRD) });

    expect(await listRevisions(db(), author, article.id)).toEqual([
      { revision: 1, createdAt: expect.any(String), author: null, current: false, outcome: null },
      {
        revision: 2,
        createdAt: expect.any(String),
        author: { id: editor.id, name: "Ed Editor" },
        current: true,
        outcome: { reanchored: 0, orphaned: 0, checkPlacement: 0, restored: 0, restoredFrom: null },
      },
    ]);
    expect(await getRevision(db(), author, article.id, 2)).toMatchObject({ author: { id: editor.id }, plainText: expect.stringContaining("Thursday") });
    await expect(getRevision(db(), author, article.id, 3)).rejects.toThrow(NotFound);
    const { changes } = await compareRevisions(db(), author, article.id, 1, 2);
    expect(changes.filter((c) => c.type !== "equal")).toEqual([
      { type: "delete", text: "Wednesday" },
      { type: "insert", text: "Thursday" },
    ]);
    await expect(compareRevisions(db(), author, article.id, 1, 9)).rejects.toThrow(NotFound);
  });

  it("re-anchors 2,000 annotations in one save, orphaning only those on the deleted paragraph", async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says that claim number ${i} is about mines and their makers.`);
    const big = await addArticle(db(), paragraphs.join("\n"));
    const rows = [];
    for (let i = 0; i < 2_000; i++) {
      const [quote, position] = selectorsOf(big.plainText, `claim number ${i % 400} is`, 0);
      rows.push({ articleId: big.id, authorId: author.id, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, startOffset: position.start, endOffset: position.end });
    }
    await db().insert(annotations).values(rows);
    const edited = paragraphs.map((p, i) => (i % 10 === 0 ? p.replace("about mines", "about land mines") : p));
    edited.splice(200, 1);

    const saved = await saveRevision(db(), editor, big.id, { baseRevision: 1, doc: docOf(...edited) });
    expect(saved).toMatchObject({ revision: 2, reanchored: 1_995, orphaned: 5 });
  });
});
