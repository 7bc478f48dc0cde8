import { describe, expect, it } from "vitest";
import { mayActInBulk, mayAssignAnnotation, mayEditAnnotation, mayPlanAssignments, mayTakeReviewAction } from "@/lib/policies/annotation";
import { mayViewAnnotationHistory, mayViewAuditTrail } from "@/lib/policies/audit";
import { mayViewStatistics } from "@/lib/policies/statistics";
import { mayChangeComment, mayComment } from "@/lib/policies/comment";
import { mayListColleagues } from "@/lib/policies/user";
import type { Role } from "@/lib/users/roles";

const person = (id: string, role: Role, disabled = false) => ({ id, role, disabled });
const rita = person("rita", "reviewer");
const rory = person("rory", "reviewer");
const ed = person("ed", "editor");
const ada = person("ada", "admin");
const gone = person("gone", "editor", true);

describe("assignment rules", () => {
  const unassigned = { author: { id: "rory" }, assignee: null, dueOn: null };
  const ritas = { author: { id: "rory" }, assignee: { id: "rita" }, dueOn: "2030-01-01" };

  it("lets editors and admins assign anyone and set due dates", () => {
    for (const actor of [ed, ada]) {
      expect(mayAssignAnnotation(actor, ritas, { assigneeId: "rory", dueOn: "2031-01-01" }).allowed).toBe(true);
      expect(mayPlanAssignments(actor).allowed).toBe(true);
    }
  });

  it("lets a reviewer take an unassigned claim and give back their own, and nothing else", () => {
    expect(mayAssignAnnotation(rita, unassigned, { assigneeId: "rita" }).allowed).toBe(true);
    expect(mayAssignAnnotation(rita, ritas, { assigneeId: null }).allowed).toBe(true);
    expect(mayAssignAnnotation(rory, ritas, { assigneeId: "rory" }).allowed).toBe(false);
    expect(mayAssignAnnotation(rita, unassigned, { assigneeId: "rory" }).allowed).toBe(false);
    expect(mayAssignAnnotation(rita, unassigned, { assigneeId: "rita", dueOn: "2030-01-01" }).allowed).toBe(false);
    expect(mayPlanAssignments(rita).allowed).toBe(false);
  });

  it("refuses disabled and anonymous users", () => {
    expect(mayAssignAnnotation(gone, unassigned, { assigneeId: "gone" }).allowed).toBe(false);
    expect(mayAssignAnnotation(null, unassigned, { assigneeId: null }).allowed).toBe(false);
    expect(mayActInBulk(gone).allowed).toBe(false);
  });

  it("lets the assignee work on the claim but never review it", () => {
    const edsCheck = { author: { id: "rory" }, assignee: { id: "ed" } };
    expect(mayEditAnnotation(ed, edsCheck).allowed).toBe(true);
    expect(mayTakeReviewAction(ed, edsCheck, "submit").allowed).toBe(true);
    expect(mayTakeReviewAction(ed, edsCheck, "approve")).toEqual({ allowed: false, reason: expect.stringMatching(/assigned to check/) });
    expect(mayTakeReviewAction(ada, edsCheck, "approve").allowed).toBe(true);
  });

  it("keeps bulk actions for editors", () => {
    expect([rita, ed, ada].map((actor) => mayActInBulk(actor).allowed)).toEqual([false, true, true]);
  });
});

describe("discussion rules", () => {
  it("lets every active person comment, and only the author change or delete a comment", () => {
    expect([rita, ed, ada, gone, null].map((actor) => mayComment(actor).allowed)).toEqual([true, true, true, false, false]);
    const ritasComment = { authorId: "rita", deleted: false };
    expect(mayChangeComment(rita, ritasComment).allowed).toBe(true);
    expect([rory, ed, ada].map((actor) => mayChangeComment(actor, ritasComment).allowed)).toEqual([false, false, false]);
    expect(mayChangeComment(rita, { authorId: "rita", deleted: true })).toEqual({ allowed: false, reason: "This comment was deleted." });
  });
});

describe("audit and colleague rules", () => {
  it("keeps the audit trail for admins, the statistics for editors and admins, and a claim's history and colleagues for everyone active", () => {
    expect([rita, ed, ada, gone, null].map((actor) => mayViewAuditTrail(actor).allowed)).toEqual([false, false, true, false, false]);
    expect([rita, ed, ada, gone, null].map((actor) => mayViewStatistics(actor).allowed)).toEqual([false, true, true, false, false]);
    expect([rita, ed, ada, gone, null].map((actor) => mayViewAnnotationHistory(actor).allowed)).toEqual([true, true, true, false, false]);
    expect([rita, ed, ada, gone, null].map((actor) => mayListColleagues(actor).allowed)).toEqual([true, true, true, false, false]);
  });
});
