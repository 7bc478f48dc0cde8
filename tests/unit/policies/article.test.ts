import { describe, expect, it } from "vitest";
import { mayEditArticle, mayImportAnnotations, mayPublishArticle, mayViewArticles } from "@/lib/policies/article";
import { person as user } from "./people";

/** Who may view and who may edit an article; everything not listed is refused. */
type Action = "view" | "edit" | "publish" | "import annotations";

const RULES: Record<Action, typeof mayViewArticles> = {
  view: mayViewArticles,
  edit: mayEditArticle,
  publish: mayPublishArticle,
  "import annotations": mayImportAnnotations,
};

const ACTIONS = Object.keys(RULES) as Action[];

const MATRIX: [string, ReturnType<typeof user> | null, Action[]][] = [
  ["anonymous", null, []],
  ["a disabled admin", user("admin", true), []],
  ["a disabled editor", user("editor", true), []],
  ["a reviewer", user("reviewer"), ["view"]],
  ["an editor", user("editor"), ["view", "edit", "publish", "import annotations"]],
  ["an admin", user("admin"), ["view", "edit", "publish", "import annotations"]],
];

describe("article policy", () => {
  describe.each(MATRIX)("for %s", (_, actor, allowed) => {
    it.each(ACTIONS)(`decides "%s"`, (what) => {
      const decision = RULES[what](actor);
      expect(decision.allowed).toBe(allowed.includes(what));
      if (!decision.allowed) expect(decision.reason).not.toBe("");
    });
  });

  it("tells a reviewer that only editors and admins edit the article", () => {
    expect(mayEditArticle(user("reviewer"))).toEqual({ allowed: false, reason: "Only editors and admins can edit the article." });
  });

  it("tells a reviewer that only editors and admins publish", () => {
    expect(mayPublishArticle(user("reviewer"))).toEqual({ allowed: false, reason: "Only editors and admins can publish or unpublish an article." });
  });

  it("asks an anonymous visitor to sign in before publishing", () => {
    expect(mayPublishArticle(null)).toEqual({ allowed: false, reason: "Sign in with an active account to do this." });
  });
});
