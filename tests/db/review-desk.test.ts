import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEntries, comments } from "@/db/schema";
import { assignAnnotation } from "@/lib/annotations/assignment";
import { confirmPlacement, discardAnnotation, reattachAnnotation } from "@/lib/annotations/placement";
import { createAnnotation, deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { annotationHistory, listAuditEntries } from "@/lib/audit/queries";
import { addComment, deleteComment, editComment, listComments, resolveThread } from "@/lib/comments/service";
import { Conflict, Forbidden, Invalid, Unauthenticated } from "@/lib/errors";
import { actInBulk } from "@/lib/reviews/bulk";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import { documentFromPlainText } from "@/lib/articles/document";
import type { Actor } from "@/lib/users/actor";
import { createUser, listColleagues, updateUser } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, ARTICLE_TEXT, completeClaim, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("review desk: assignment, discussion and audit trail", (db) => {
  let rita: Actor;
  let rory: Actor;
  let ed: Actor;
  let admin: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    rita = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    rory = await addUser(db(), "reviewer", { name: "Rory Reviewer" });
    ed = await addUser(db(), "editor", { name: "Ed Editor" });
    admin = await addUser(db(), "admin", { name: "Ada Admin" });
    article = await addArticle(db());
  });

  const annotate = (actor: Actor = rita, quote = "anti-personnel mines", content: object = completeClaim) =>
    createAnnotation(db(), actor, article.id, { selectors: selectorsOf(article.plainText, quote), ...content });
  const auditOf = async (annotationId: string) => (await annotationHistory(db(), rita, annotationId)).map((e) => `${e.subject}.${e.action}`);

  it("lets anyone flag a claim as a draft holding only its quote", async () => {
    const flag = await annotate(rory, "officials said on Wednesday", {});
    expect(flag).toMatchObject({ status: "draft", verdict: null, explanation: "", sources: [], assignee: null, dueOn: null, commentCount: 0 });
  });

  it("lets an editor assign a claim with a due date, and a reviewer take or give back an unassigned one only", async () => {
    const claim = await annotate();
    const assigned = await assignAnnotation(db(), ed, claim.id, { assigneeId: rory.id, dueOn: "2026-12-01" });
    expect(assigned).toMatchObject({ assignee: { id: rory.id, name: "Rory Reviewer" }, dueOn: "2026-12-01", version: claim.version });

    await expect(assignAnnotation(db(), rita, claim.id, { assigneeId: rita.id })).rejects.toThrow(Forbidden);
    await expect(assignAnnotation(db(), rory, claim.id, { assigneeId: rory.id, dueOn: "2026-11-30" })).rejects.toThrow(/due dates/);
    expect(await assignAnnotation(db(), rory, claim.id, { assigneeId: null })).toMatchObject({ assignee: null, dueOn: "2026-12-01" });
    expect(await assignAnnotation(db(), rita, claim.id, { assigneeId: rita.id })).toMatchObject({ assignee: { id: rita.id } });
    await expect(assignAnnotation(db(), null, claim.id, { assigneeId: null })).rejects.toThrow(Unauthenticated);
    expect(await auditOf(claim.id)).toEqual(["annotation.created", "source.created", "annotation.assigned", "annotation.assigned", "annotation.assigned"]);
    // The claim's history says who gave it to whom, whom it was taken from, and by when it is due.
    const { history } = (await getAnnotation(db(), ed, claim.id))!;
    expect(history.filter((event) => event.kind === "assigned").map((event) => [event.actor.id, event.assignment])).toEqual([
      [ed.id, { assignee: { id: rory.id, name: "Rory Reviewer" }, previousAssignee: null, dueOn: "2026-12-01" }],
      [rory.id, { assignee: null, previousAssignee: { id: rory.id, name: "Rory Reviewer" }, dueOn: "2026-12-01" }],
      [rita.id, { assignee: { id: rita.id, name: expect.any(String) }, previousAssignee: null, dueOn: "2026-12-01" }],
    ]);
    expect(history.filter((event) => event.kind !== "assigned").every((event) => event.assignment === null)).toBe(true);
  });

  it("refuses an assignment to a disabled or unknown user and writes nothing", async () => {
    const claim = await annotate();
    const gone = await addUser(db(), "reviewer", { disabled: true });
    await expect(assignAnnotation(db(), ed, claim.id, { assigneeId: gone.id })).rejects.toThrow(Invalid);
    await expect(assignAnnotation(db(), ed, claim.id, { assigneeId: "not-an-id" })).rejects.toThrow(/assigneeId/);
    await expect(assignAnnotation(db(), ed, claim.id, { assigneeId: rory.id, dueOn: "next week" })).rejects.toThrow(/dueOn/);
    expect(await auditOf(claim.id)).toEqual(["annotation.created", "source.created"]);
    expect((await getAnnotation(db(), ed, claim.id))!.history.map((event) => event.kind)).toEqual(["status"]);
  });

  it("lets the assigned reviewer complete and submit a flagged claim, which neither they nor an assigned editor may approve", async () => {
    const flag = await annotate(rory, "officials said on Wednesday", {});
    await assignAnnotation(db(), ed, flag.id, { assigneeId: rita.id });
    await expect(updateAnnotation(db(), ed, flag.id, { version: 1, explanation: "Not assigned to me." })).rejects.toThrow(Forbidden);
    const completed = await updateAnnotation(db(), rita, flag.id, { version: 1, ...completeClaim });
    const submitted = await changeStatus(db(), rita, flag.id, { to: "in_review", version: completed.version });
    expect(submitted).toMatchObject({ status: "in_review", author: { id: rory.id }, assignee: { id: rita.id } });
    await assignAnnotation(db(), admin, flag.id, { assigneeId: ed.id });
    await expect(changeStatus(db(), ed, flag.id, { to: "approved", version: submitted.version })).rejects.toThrow(/assigned to check/);
    expect(await changeStatus(db(), admin, flag.id, { to: "approved", version: submitted.version })).toMatchObject({ status: "approved" });
  });

  it("gives an unassigned claim to only one of two reviewers taking it at once", async () => {
    const claim = await annotate(ed);
    const results = await Promise.allSettled([rita, rory].map((reviewer) => assignAnnotation(db(), reviewer, claim.id, { assigneeId: reviewer.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(Forbidden);
  });

  it("keeps a threaded discussion with replies, mentions, edits and deleted placeholders", async () => {
    const claim = await annotate();
    const question = await addComment(db(), ed, claim.id, { body: "Which briefing, @Rita Reviewer?", mentions: [rita.id] });
    const answer = await addComment(db(), rita, claim.id, { body: "The one of 20 November.", parentId: question.id });
    const aside = await addComment(db(), rory, claim.id, { body: "Agreed.", parentId: answer.id });
    expect(aside.parentId).toBe(question.id);

    await editComment(db(), rita, answer.id, { body: "The Pentagon briefing of 20 November." });
    await expect(editComment(db(), rory, answer.id, { body: "Hijacked." })).rejects.toThrow(Forbidden);
    await deleteComment(db(), rory, aside.id);
    await expect(deleteComment(db(), rory, aside.id)).rejects.toThrow(/deleted/);

    const threads = await listComments(db(), rory, claim.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ body: "Which briefing, @Rita Reviewer?", mentions: [{ id: rita.id, name: "Rita Reviewer" }], author: { id: ed.id } });
    expect(threads[0]!.replies).toMatchObject([
      { body: "The Pentagon briefing of 20 November.", deleted: false },
      { body: "", deleted: true, mentions: [] },
    ]);
    expect(threads[0]!.replies[0]!.editedAt).not.toBeNull();
    expect((await getAnnotation(db(), rita, claim.id)).commentCount).toBe(2);
    expect(await auditOf(claim.id)).toEqual([
      "annotation.created",
      "source.created",
      "comment.created",
      "comment.created",
      "comment.created",
      "comment.updated",
      "comment.deleted",
    ]);
  });

  it("changes the claim's discussion stamp with every change to its discussion, so that every open card reloads it", async () => {
    const claim = await annotate();
    const stamps = [(await getAnnotation(db(), rita, claim.id)).discussionStamp];
    const changed = async () => {
      const stamp = (await getAnnotation(db(), rita, claim.id)).discussionStamp;
      expect(stamps).not.toContain(stamp);
      stamps.push(stamp);
    };
    const question = await addComment(db(), ed, claim.id, { body: "Which briefing?" });
    await changed();
    const answer = await addComment(db(), rita, claim.id, { body: "The one of 20 Nov.", parentId: question.id });
    await changed();
    await editComment(db(), rita, answer.id, { body: "The one of 20 November." });
    await changed();
    await resolveThread(db(), ed, question.id, { resolved: true });
    await changed();
    // Reopened with a later comment elsewhere: the newest change is no longer the resolution.
    await addComment(db(), rory, claim.id, { body: "A second matter." });
    await changed();
    await resolveThread(db(), rita, question.id, { resolved: false });
    await changed();
    await deleteComment(db(), rita, answer.id);
    await changed();
  });

  it("resolves a settled thread and reopens it, by hand or by a reply in it; audited, never a reply alone", async () => {
    const claim = await annotate();
    const question = await addComment(db(), ed, claim.id, { body: "Which briefing?" });
    const answer = await addComment(db(), rita, claim.id, { body: "The one of 20 November.", parentId: question.id });
    const other = await addComment(db(), rory, claim.id, { body: "A second matter." });

    const resolved = await resolveThread(db(), rory, question.id, { resolved: true });
    expect(resolved.resolution).toMatchObject({ by: { id: rory.id, name: "Rory Reviewer" } });
    // Asking again changes nothing, and writes nothing.
    expect((await resolveThread(db(), rita, question.id, { resolved: true })).resolution).toMatchObject({ by: { id: rory.id } });
    let threads = await listComments(db(), rita, claim.id);
    expect(threads.map((thread) => [thread.body, thread.resolution?.by.name ?? null, thread.replies.length])).toEqual([
      ["Which briefing?", "Rory Reviewer", 1],
      ["A second matter.", null, 0],
    ]);
    expect(threads[0]!.replies[0]!.resolution).toBeNull();

    await expect(resolveThread(db(), rita, answer.id, { resolved: true })).rejects.toThrow(Conflict);
    await expect(resolveThread(db(), rita, question.id, { resolved: "yes" })).rejects.toThrow(/resolved/);
    await expect(resolveThread(db(), rita, crypto.randomUUID(), { resolved: true })).rejects.toThrow(/No comment/);
    await expect(resolveThread(db(), null, other.id, { resolved: true })).rejects.toThrow(Unauthenticated);

    await resolveThread(db(), ed, question.id, { resolved: false });
    expect((await listComments(db(), rita, claim.id))[0]!.resolution).toBeNull();
    // A reply in a resolved thread reopens it: the matter is open again.
    await resolveThread(db(), ed, question.id, { resolved: true });
    await addComment(db(), rory, claim.id, { body: "The date is wrong after all.", parentId: answer.id });
    threads = await listComments(db(), rita, claim.id);
    expect(threads[0]).toMatchObject({ resolution: null, replies: [{ body: "The one of 20 November." }, { body: "The date is wrong after all." }] });
    expect((await auditOf(claim.id)).filter((entry) => entry.startsWith("comment."))).toEqual([
      "comment.created",
      "comment.created",
      "comment.created",
      "comment.resolved",
      "comment.reopened",
      "comment.resolved",
      "comment.reopened",
      "comment.created",
    ]);
    // Only a thread's first comment holds a resolution, whatever writes it.
    await expect(db().update(comments).set({ resolvedAt: new Date(), resolvedBy: ed.id }).where(eq(comments.id, answer.id))).rejects.toThrow();
  });

  it("refuses empty comments, foreign parents and mentions that are not in the text, writing nothing", async () => {
    const claim = await annotate();
    const other = await annotate(rita, "officials said on Wednesday");
    const elsewhere = await addComment(db(), rita, other.id, { body: "Elsewhere." });
    await expect(addComment(db(), rita, claim.id, { body: "   " })).rejects.toThrow(/body/);
    await expect(addComment(db(), rita, claim.id, { body: "Reply", parentId: elsewhere.id })).rejects.toThrow(/parentId/);
    await expect(addComment(db(), rita, claim.id, { body: "Hello", mentions: [ed.id] })).rejects.toThrow(/@Ed Editor/);
    await expect(addComment(db(), null, claim.id, { body: "Anonymous" })).rejects.toThrow(Unauthenticated);
    expect(await rowCount(db(), comments)).toBe(1);
    expect(await auditOf(claim.id)).toEqual(["annotation.created", "source.created"]);
  });

  it("opens the discussion with the reason when an editor requests changes", async () => {
    const claim = await annotate();
    await changeStatus(db(), rita, claim.id, { to: "in_review", version: 1 });
    await expect(changeStatus(db(), ed, claim.id, { to: "changes_requested", version: 2 })).rejects.toThrow(/comment/);
    await changeStatus(db(), ed, claim.id, { to: "changes_requested", comment: "Cite the briefing's transcript.", version: 2 });
    const [thread] = await listComments(db(), rita, claim.id);
    expect(thread).toMatchObject({ body: "Cite the briefing's transcript.", author: { id: ed.id } });
    expect(await auditOf(claim.id)).toEqual(["annotation.created", "source.created", "annotation.status_changed", "comment.created", "annotation.status_changed"]);
  });

  it("writes an audit entry with the values before and after for every change, in the change's transaction", async () => {
    const claim = await annotate();
    await updateAnnotation(db(), rita, claim.id, { version: 1, verdict: "misleading", explanation: "Only partly confirmed." });
    await updateAnnotation(db(), rita, claim.id, { version: 2, sources: [{ url: "https://apnews.com/x" }] });
    await updateAnnotation(db(), rita, claim.id, { version: 3, explanation: "Only partly confirmed." });
    const entries = await annotationHistory(db(), rita, claim.id);
    expect(entries.map((e) => `${e.subject}.${e.action}`)).toEqual(["annotation.created", "source.created", "annotation.updated", "source.updated"]);
    expect(entries[2]).toMatchObject({
      actor: { id: rita.id, name: "Rita Reviewer" },
      article: { id: article.id, title: "Mines for Ukraine" },
      before: { verdict: "mostly_true", explanation: completeClaim.explanation },
      after: { verdict: "misleading", explanation: "Only partly confirmed." },
    });
    expect(entries[3]).toMatchObject({ before: [{ url: completeClaim.sources[0].url }], after: [{ url: "https://apnews.com/x" }] });

    await deleteAnnotation(db(), rita, claim.id, 4);
    const [deleted] = (await listAuditEntries(db(), admin, { action: "deleted" })).entries;
    expect(deleted).toMatchObject({ subject: "annotation", subjectId: claim.id, before: { quote: "anti-personnel mines", sources: [{ url: "https://apnews.com/x" }] }, after: null });
  });

  it("writes no entry for a refused change", async () => {
    const claim = await annotate();
    const before = await rowCount(db(), auditEntries);
    await expect(updateAnnotation(db(), rory, claim.id, { version: 1, explanation: "Not mine." })).rejects.toThrow(Forbidden);
    await expect(updateAnnotation(db(), rita, claim.id, { version: 9, explanation: "Stale." })).rejects.toThrow(Conflict);
    await expect(changeStatus(db(), rita, claim.id, { to: "approved", version: 1 })).rejects.toThrow(Conflict);
    await expect(deleteAnnotation(db(), rory, claim.id, 1)).rejects.toThrow(Forbidden);
    await expect(updateUser(db(), ed, rory.id, { role: "admin" })).rejects.toThrow(Forbidden);
    await expect(createUser(db(), rita, { email: "x@example.com", name: "X", role: "reviewer", password: "a long enough password" })).rejects.toThrow(Forbidden);
    await expect(saveRevision(db(), rita, article.id, { baseRevision: 1, doc: documentFromPlainText("New text.").toJSON() })).rejects.toThrow(Forbidden);
    expect(await rowCount(db(), auditEntries)).toBe(before);
  });

  it("records articles, revisions with their re-anchoring, placements and users", async () => {
    const claim = await annotate();
    const doomed = await annotate(rita, "Officials said the mines would be used only on Ukrainian territory.");
    const [first, second] = ARTICLE_TEXT.split("\n") as [string, string, string];
    const saved = await saveRevision(db(), ed, article.id, { baseRevision: 1, doc: documentFromPlainText(`Update: ${first}\n${second}`).toJSON() });
    expect(saved).toMatchObject({ revision: 2, orphaned: 1 });
    const revised = (await listAuditEntries(db(), admin, { article: article.id, subject: "article" })).entries;
    expect(revised.map((e) => e.action)).toEqual(["revised", "created"]);
    expect(revised[0]).toMatchObject({ actor: { id: ed.id }, before: { revision: 1 }, after: { revision: 2, orphaned: 1 } });
    expect(await auditOf(claim.id)).toContain("annotation.reanchored");
    expect(await auditOf(doomed.id)).toContain("annotation.orphaned");

    const reattached = await reattachAnnotation(db(), ed, doomed.id, { version: doomed.version, selectors: selectorsOf(`Update: ${first}\n${second}`, "they deactivate on their own") });
    await discardAnnotation(db(), ed, claim.id, { version: 1 }).catch(() => undefined);
    expect((await annotationHistory(db(), rita, doomed.id)).at(-1)).toMatchObject({
      action: "reattached",
      before: { orphaned: true, quote: "Officials said the mines would be used only on Ukrainian territory." },
      after: { orphaned: false, quote: "they deactivate on their own", revision: 2 },
    });
    await expect(confirmPlacement(db(), ed, reattached.id, { version: reattached.version, revision: 2 })).rejects.toThrow(/already confirmed/);

    await updateUser(db(), admin, rory.id, { role: "editor", password: "another long password" });
    const [userChange] = (await listAuditEntries(db(), admin, { subject: "user", action: "updated" })).entries;
    expect(userChange).toMatchObject({ actor: { id: admin.id }, subjectId: rory.id, before: { role: "reviewer", password: "(previous)" }, after: { role: "editor", password: "(changed)" } });
    expect(JSON.stringify(userChange)).not.toContain("another long password");
  });

  it("keeps entries append-only: the database refuses to change, delete or truncate them", async () => {
    await annotate();
    const entries = await rowCount(db(), auditEntries);
    await expect(db().update(auditEntries).set({ action: "deleted" })).rejects.toThrow();
    await expect(db().delete(auditEntries)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_entries`)).rejects.toThrow();
    expect(await rowCount(db(), auditEntries)).toBe(entries);
    expect(entries).toBe(3);
  });

  it("filters the audit trail by person, article, kind and day, newest first, in pages, for admins only", async () => {
    const claim = await annotate();
    await addComment(db(), ed, claim.id, { body: "Looks right." });
    const byEd = await listAuditEntries(db(), admin, { actor: ed.id });
    expect(byEd.entries.map((e) => `${e.subject}.${e.action}`)).toEqual(["comment.created"]);
    expect((await listAuditEntries(db(), admin, { subject: "comment", article: article.id })).entries).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(db(), admin, { from: today, to: today })).entries.length).toBeGreaterThanOrEqual(3);
    expect((await listAuditEntries(db(), admin, { to: "2000-01-01" })).entries).toEqual([]);
    await expect(listAuditEntries(db(), admin, { from: "yesterday" })).rejects.toThrow(/from/);
    await expect(listAuditEntries(db(), admin, { colour: "red" })).rejects.toThrow(Invalid);
    await expect(listAuditEntries(db(), ed, {})).rejects.toThrow(Forbidden);

    for (let i = 0; i < 60; i++) await addComment(db(), rita, claim.id, { body: `Note ${i}` });
    const first = await listAuditEntries(db(), admin, {});
    expect(first.entries).toHaveLength(50);
    const second = await listAuditEntries(db(), admin, { before: String(first.nextBefore) });
    expect(second.entries[0]!.id).toBeLessThan(first.entries.at(-1)!.id);
    expect(second.nextBefore).toBeNull();
  });

  it("assigns and requests changes in bulk, skipping with reasons what may not change", async () => {
    const mine = await annotate(ed);
    const theirs = await annotate(rita, "officials said on Wednesday");
    await changeStatus(db(), rita, theirs.id, { to: "in_review", version: 1 });
    await changeStatus(db(), ed, mine.id, { to: "in_review", version: 1 });

    expect(await actInBulk(db(), ed, { action: "assign", ids: [mine.id, theirs.id], assigneeId: rory.id, dueOn: "2026-12-24" })).toEqual({ done: [mine.id, theirs.id], skipped: [] });
    const result = await actInBulk(db(), ed, { action: "request_changes", ids: [mine.id, theirs.id], comment: "Add a second source." });
    expect(result.done).toEqual([theirs.id]);
    expect(result.skipped).toEqual([{ id: mine.id, reason: expect.stringMatching(/you wrote/) }]);
    expect((await getAnnotation(db(), rita, theirs.id)).status).toBe("changes_requested");
    await expect(actInBulk(db(), rita, { action: "assign", ids: [theirs.id], assigneeId: rita.id })).rejects.toThrow(Forbidden);
    await expect(actInBulk(db(), ed, { action: "request_changes", ids: [theirs.id] })).rejects.toThrow(/comment/);
    await expect(actInBulk(db(), ed, { action: "archive", ids: [theirs.id] })).rejects.toThrow(/action/);
  });

  it("lists active colleagues by name for mentions and assignment", async () => {
    await addUser(db(), "reviewer", { name: "Rex Gone", disabled: true });
    expect((await listColleagues(db(), rory, "REVIEW")).map((c) => c.name)).toEqual(["Rita Reviewer", "Rory Reviewer"]);
    expect((await listColleagues(db(), rory, "100%_")).length).toBe(0);
    await expect(listColleagues(db(), null, "")).rejects.toThrow(Unauthenticated);
    const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(comments).where(eq(comments.authorId, rory.id));
    expect(row!.n).toBe(0);
  });
});
