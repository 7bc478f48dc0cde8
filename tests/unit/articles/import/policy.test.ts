import { describe, expect, it } from "vitest";
import { mayImportArticle } from "@/lib/policies/article";
import type { Role } from "@/lib/users/roles";

const user = (role: Role, disabled = false) => ({ id: `user-${role}`, role, disabled });

describe("mayImportArticle", () => {
  it.each([
    ["anonymous", null, false],
    ["a disabled admin", user("admin", true), false],
    ["a reviewer", user("reviewer"), false],
    ["an editor", user("editor"), true],
    ["an admin", user("admin"), true],
  ] as const)("decides for %s", (_, actor, allowed) => {
    expect(mayImportArticle(actor).allowed).toBe(allowed);
  });

  it("tells a reviewer that only editors and admins import articles", () => {
    expect(mayImportArticle(user("reviewer"))).toEqual({ allowed: false, reason: "Only editors and admins can import articles." });
  });
});
