import { beforeEach, expect, it } from "vitest";
import { reviewEvents } from "@/db/schema";
import { createAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addDesk, addUser, completeClaim, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("review service", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const draft = (input: object = completeClaim, actor: Actor = author) =>
    createAnnotation(db(), actor, article.id, { selectors: selectorsOf(article.plainText, "non-persistent"), ...input });

  /** A complete draft of `author`'s, submitted: in review at version 2. */
  async function inReview(actor: Actor = author) {
    const created = await draft(completeClaim, actor);
    return changeStatus(db(), actor, created.id, { to: "in_review", version: 1 });
  }

  it("walks the whole workflow, recording each move with its actor and comment", async () => {
    const { id } = await draft();
    const moves: [Actor, string, string?][] = [
      [author, "in_review"],
      [editor, "changes_requested", "Cite the Pentagon briefing itself."],
      [author, "in_review", "Added the briefing."],
      [editor, "approved"],
      [editor, "in_review", "New reporting contradicts the source."],
      [editor, "rejected", "The source was retracted."],
    ];
    let version = 1;
    for (const [actor, to, comment] of moves) {
      const moved = await changeStatus(db(), actor, id, { to, version, comment });
      expect(moved).toMatchObject({ status: to, version: ++version });
    }
    const { history, status } = await getAnnotation(db(), author, id);
    expect(status).toBe("rejected");
    expect(history.map(({ from, to, actor, comment }) => ({ from, to, actor: actor.name, comment }))).toEqual([
      { from: null, to: "draft", actor: "Rita Reviewer", comment: null },
      { from: "draft", to: "in_review", actor: "Rita Reviewer", comment: null },
      { from: "in_review", to: "changes_requested", actor: "Eddie Editor", comment: "Cite the Pentagon briefing itself." },
      { from: "changes_requested", to: "in_review", actor: "Rita Reviewer", comment: "Added the briefing." },
      { from: "in_review", to: "approved", actor: "Eddie Editor", comment: null },
      { from: "approved", to: "in_review", actor: "Eddie Editor", comment: "New reporting contradicts the source." },
      { from: "in_review", to: "rejected", actor: "Eddie Editor", comment: "The source was retracted." },
    ]);
  });

  it("lets the author edit again after changes are requested", async () => {
    const { id } = await inReview();
    await changeStatus(db(), editor, id, { to: "changes_requested", version: 2, comment: "Needs a second source." });
    const edited = await updateAnnotation(db(), author, id, { version: 3, sources: [...completeClaim.sources, { url: "https://apnews.com/" }] });
    expect(edited).toMatchObject({ status: "changes_requested", version: 4 });
    expect(edited.sources).toHaveLength(2);
  });

  it("refuses to submit a draft without verdict, explanation and source, naming each, and records nothing", async () => {
    const { id } = await draft({ explanation: "   " });
    const refusal = changeStatus(db(), author, id, { to: "in_review", version: 1 });
    await expect(refusal).rejects.toBeInstanceOf(Invalid);
    await expect(refusal).rejects.toMatchObject({
      fields: { verdict: expect.any(String), explanation: expect.any(String), sources: expect.any(String) },
    });
    await expect(refusal).rejects.toThrow(/verdict.*explanation.*sources/);
    expect(await getAnnotation(db(), author, id)).toMatchObject({ status: "draft", version: 1, history: [{ to: "draft" }] });
  });

  it("names only what is missing", async () => {
    const { id } = await draft({ verdict: "false", explanation: "Wrong.", sources: [] });
    await expect(changeStatus(db(), author, id, { to: "in_review", version: 1 })).rejects.toMatchObject({
      fields: { sources: expect.any(String) },
    });
    await expect(changeStatus(db(), author, id, { to: "in_review", version: 1 })).rejects.not.toHaveProperty("fields.verdict");
  });

  it("refuses submission by anyone but the author", async () => {
    const { id } = await draft();
    await expect(changeStatus(db(), editor, id, { to: "in_review", version: 1 })).rejects.toBeInstanceOf(Forbidden);
  });

  it.each(["editor", "admin"] as const)("refuses approval by the annotation's own author, even an %s", async (role) => {
    const self = await addUser(db(), role);
    const { id } = await inReview(self);
    await expect(changeStatus(db(), self, id, { to: "approved", version: 2 })).rejects.toThrow(Forbidden);
    await expect(changeStatus(db(), self, id, { to: "approved", version: 2 })).rejects.toThrow(/another editor/);
    expect(await rowCount(db(), reviewEvents)).toBe(2);
  });

  it("refuses approval by a reviewer", async () => {
    const { id } = await inReview();
    const otherReviewer = await addUser(db(), "reviewer");
    await expect(changeStatus(db(), otherReviewer, id, { to: "approved", version: 2 })).rejects.toThrow("Only editors can review annotations.");
  });

  it("lets an admin review someone else's annotation", async () => {
    const { id } = await inReview();
    const admin = await addUser(db(), "admin");
    await expect(changeStatus(db(), admin, id, { to: "rejected", version: 2 })).resolves.toMatchObject({ status: "rejected" });
  });

  it.each([
    ["requesting changes", "in_review", "changes_requested"],
    ["reopening", "approved", "in_review"],
  ] as const)("requires a comment for %s", async (_, from, to) => {
    const { id } = await inReview();
    let version = 2;
    if (from === "approved") await changeStatus(db(), editor, id, { to: "approved", version: version++ });
    for (const comment of [undefined, "", "   "]) {
      await expect(changeStatus(db(), editor, id, { to, version, comment })).rejects.toMatchObject({
        name: "Invalid",
        fields: { comment: "is required for this action" },
      });
    }
    expect((await getAnnotation(db(), author, id)).status).toBe(from);
  });

  it("refuses a stale version and records nothing", async () => {
    const { id } = await draft();
    await updateAnnotation(db(), author, id, { version: 1, explanation: "Sharper." });
    await expect(changeStatus(db(), author, id, { to: "in_review", version: 1 })).rejects.toBeInstanceOf(Conflict);
    expect(await rowCount(db(), reviewEvents)).toBe(1);
    expect((await getAnnotation(db(), author, id)).status).toBe("draft");
  });

  it.each([
    ["draft", "approved"],
    ["draft", "rejected"],
    ["draft", "draft"],
  ] as const)("refuses a move the workflow lacks: %s -> %s", async (_, to) => {
    const { id } = await draft();
    await expect(changeStatus(db(), editor, id, { to, version: 1 })).rejects.toBeInstanceOf(Conflict);
    expect(await rowCount(db(), reviewEvents)).toBe(1);
  });

  it("refuses an unknown status or extra keys", async () => {
    const { id } = await draft();
    await expect(changeStatus(db(), author, id, { to: "published", version: 1 })).rejects.toMatchObject({ fields: { to: expect.any(String) } });
    await expect(changeStatus(db(), author, id, { to: "in_review", version: 1, actorId: editor.id })).rejects.toBeInstanceOf(Invalid);
  });

  it("lets exactly one of two concurrent approvals of the same version through", async () => {
    const { id } = await inReview();
    const second = await addUser(db(), "editor");
    const results = await Promise.allSettled([
      changeStatus(db(), editor, id, { to: "approved", version: 2 }),
      changeStatus(db(), second, id, { to: "approved", version: 2 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [failure] = results.filter((result) => result.status === "rejected");
    expect(failure?.reason).toBeInstanceOf(Conflict);
    const { history, version } = await getAnnotation(db(), author, id);
    expect(version).toBe(3);
    expect(history.filter((event) => event.to === "approved")).toHaveLength(1);
  });

  it("lets exactly one of a concurrent approval and rejection through", async () => {
    const { id } = await inReview();
    const results = await Promise.allSettled([
      changeStatus(db(), editor, id, { to: "approved", version: 2 }),
      changeStatus(db(), await addUser(db(), "admin"), id, { to: "rejected", version: 2 }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await rowCount(db(), reviewEvents)).toBe(3);
  });
});
