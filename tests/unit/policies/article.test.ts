import { describe, expect, it } from "vitest";
import { mayEditArticle, mayViewArticles } from "@/lib/policies/article";
import type { Role } from "@/lib/users/roles";

const user = (role: Role, disabled = false) => ({ id: `user-${role}`, role, disabled });

/** Who may view and who may edit an article; everything not listed is refused. */
const MATRIX: [string, ReturnType<typeof user> | null, ("view" | "edit")[]][] = [
  ["anonymous", null, []],
  ["a disabled admin", user("admin", true), []],
  ["a reviewer", user("reviewer"), ["view"]],
  ["an editor", user("editor"), ["view", "edit"]],
  ["an admin", user("admin"), ["view", "edit"]],
];

describe("article policy", () => {
  describe.each(MATRIX)("for %s", (_, actor, allowed) => {
    it.each(["view", "edit"] as const)(`decides "%s"`, (what) => {
      const decision = what === "view" ? mayViewArticles(actor) : mayEditArticle(actor);
      expect(decision.allowed).toBe(allowed.includes(what));
      if (!decision.allowed) expect(decision.reason).not.toBe("");
    });
  });

  it("tells a reviewer that only editors and admins edit the article", () => {
    expect(mayEditArticle(user("reviewer"))).toEqual({ allowed: false, reason: "Only editors and admins can edit the article." });
  });
});
