import { describe, expect, it } from "vitest";
import { mayChangeUser, mayManageUsers } from "@/lib/policies/user";
import type { Role } from "@/lib/users/roles";

const actor = (role: Role, disabled = false) => ({ id: `${role}-id`, role, disabled });

describe("mayManageUsers", () => {
  it.each([
    ["anonymous", null, false],
    ["a disabled admin", actor("admin", true), false],
    ["a reviewer", actor("reviewer"), false],
    ["an editor", actor("editor"), false],
    ["an admin", actor("admin"), true],
  ] as const)("decides for %s", (_, who, allowed) => {
    expect(mayManageUsers(who).allowed).toBe(allowed);
  });

  it("tells a non-admin that only admins manage users", () => {
    expect(mayManageUsers(actor("editor"))).toEqual({ allowed: false, reason: "Only admins can manage users." });
  });
});

describe("mayChangeUser", () => {
  const admin = actor("admin");
  const other = { id: "someone-else" };

  it.each([
    ["disable", { disabled: true }],
    ["demote to editor", { role: "editor" }],
    ["demote to reviewer", { role: "reviewer" }],
  ] as const)("refuses an admin who would %s their own account", (_, change) => {
    expect(mayChangeUser(admin, admin, change)).toEqual({ allowed: false, reason: expect.stringMatching(/your own/) });
  });

  it.each([
    ["rename", { role: undefined }],
    ["keep their admin role", { role: "admin" }],
    ["enable", { disabled: false }],
  ] as const)("lets an admin %s their own account", (_, change) => {
    expect(mayChangeUser(admin, admin, change).allowed).toBe(true);
  });

  it("lets an admin disable or demote someone else", () => {
    expect(mayChangeUser(admin, other, { disabled: true, role: "reviewer" }).allowed).toBe(true);
  });

  it.each([
    ["anonymous", null],
    ["an editor", actor("editor")],
    ["a disabled admin", actor("admin", true)],
  ] as const)("refuses any change by %s", (_, who) => {
    expect(mayChangeUser(who, other, { role: "editor" }).allowed).toBe(false);
  });
});
