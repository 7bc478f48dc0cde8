import { describe, expect, it } from "vitest";
import { mayChangeSettings } from "@/lib/policies/settings";
import type { Role } from "@/lib/users/roles";

const actor = (role: Role, disabled = false) => ({ id: `${role}-id`, role, disabled });

describe("mayChangeSettings", () => {
  it.each([
    ["anonymous", null, false],
    ["a disabled admin", actor("admin", true), false],
    ["a reviewer", actor("reviewer"), false],
    ["an editor", actor("editor"), false],
    ["an admin", actor("admin"), true],
  ] as const)("decides for %s", (_, who, allowed) => {
    expect(mayChangeSettings(who).allowed).toBe(allowed);
  });

  it("tells an editor that only admins change the settings", () => {
    expect(mayChangeSettings(actor("editor"))).toEqual({ allowed: false, reason: "Only admins can change the desk's settings." });
  });

  it("asks anonymous and disabled users to sign in with an active account", () => {
    expect(mayChangeSettings(null)).toEqual({ allowed: false, reason: "Sign in with an active account to do this." });
    expect(mayChangeSettings(actor("admin", true))).toEqual({ allowed: false, reason: "Sign in with an active account to do this." });
  });
});
