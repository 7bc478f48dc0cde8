import { describe, expect, it } from "vitest";
import {
  mayCreateAnnotation,
  mayDeleteAnnotation,
  mayEditAnnotation,
  mayPlaceAnnotation,
  mayTakeReviewAction,
  mayViewAnnotations,
} from "@/lib/policies/annotation";
import type { Decision } from "@/lib/policies/decision";
import type { ReviewAction } from "@/lib/reviews/transitions";
import type { Role } from "@/lib/users/roles";

const AUTHOR_ID = "author";
const annotation = { author: { id: AUTHOR_ID } };

const user = (role: Role, own: boolean, disabled = false) => ({ id: own ? AUTHOR_ID : `other-${role}`, role, disabled });

type Case = "view" | "create" | "edit" | "delete" | "place" | ReviewAction;

function decide(actor: ReturnType<typeof user> | null, what: Case): Decision {
  switch (what) {
    case "view":
      return mayViewAnnotations(actor);
    case "create":
      return mayCreateAnnotation(actor);
    case "edit":
      return mayEditAnnotation(actor, annotation);
    case "delete":
      return mayDeleteAnnotation(actor, annotation);
    case "place":
      return mayPlaceAnnotation(actor, annotation);
    default:
      return mayTakeReviewAction(actor, annotation, what);
  }
}

const CASES: Case[] = ["view", "create", "edit", "delete", "place", "submit", "approve", "request_changes", "reject", "reopen"];

/** Who is allowed what; everything not listed is refused. */
const MATRIX: [string, ReturnType<typeof user> | null, Case[]][] = [
  ["anonymous", null, []],
  ["a disabled author (editor)", user("editor", true, true), []],
  ["a disabled admin", user("admin", false, true), []],
  ["a reviewer on their own annotation", user("reviewer", true), ["view", "create", "edit", "delete", "place", "submit"]],
  ["a reviewer on someone else's", user("reviewer", false), ["view", "create"]],
  ["an editor on their own annotation", user("editor", true), ["view", "create", "edit", "delete", "place", "submit"]],
  ["an editor on someone else's", user("editor", false), ["view", "create", "place", "approve", "request_changes", "reject", "reopen"]],
  ["an admin on their own annotation", user("admin", true), ["view", "create", "edit", "delete", "place", "submit"]],
  [
    "an admin on someone else's",
    user("admin", false),
    ["view", "create", "delete", "place", "approve", "request_changes", "reject", "reopen"],
  ],
];

describe("annotation policy", () => {
  describe.each(MATRIX)("for %s", (_, actor, allowed) => {
    it.each(CASES)(`decides "%s"`, (what) => {
      const decision = decide(actor, what);
      expect(decision.allowed).toBe(allowed.includes(what));
      if (!decision.allowed) expect(decision.reason).not.toBe("");
    });
  });

  it.each(["approve", "request_changes", "reject", "reopen"] as const)(
    "refuses %s by the annotation's own author, even an admin, and says another editor must",
    (action) => {
      for (const role of ["editor", "admin"] as const) {
        const decision = mayTakeReviewAction(user(role, true), annotation, action);
        expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/another editor/) });
      }
    },
  );

  it("tells a reviewer that only editors review", () => {
    expect(mayTakeReviewAction(user("reviewer", false), annotation, "approve")).toEqual({
      allowed: false,
      reason: "Only editors can review annotations.",
    });
  });

  it("asks the anonymous and the disabled to sign in with an active account", () => {
    expect(mayViewAnnotations(null)).toEqual({ allowed: false, reason: expect.stringMatching(/Sign in/) });
    expect(mayEditAnnotation(user("admin", true, true), annotation)).toEqual({ allowed: false, reason: expect.stringMatching(/Sign in/) });
  });
});
