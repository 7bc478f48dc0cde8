import { describe, expect, it } from "vitest";
import { mayChangeUser, mayManageUsers } from "@/lib/policies/user";
import { everyone, person } from "./people";

describe("mayManageUsers", () => {
  it.each(everyone(["admin"]))("decides for %s", (_, who, allowed) => {
    expect(mayManageUsers(who).allowed).toBe(allowed);
  });

  it("tells a non-admin that only admins manage users", () => {
    expect(mayManageUsers(person("editor"))).toEqual({ allowed: false, reason: "Only admins can manage users." });
  });
});

describe("mayChangeUser", () => {
  const admin = person("admin");
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
    ["an editor", person("editor")],
    ["a disabled admin", person("admin", true)],
  ] as const)("refuses any change by %s", (_, who) => {
    expect(mayChangeUser(who, other, { role: "editor" }).allowed).toBe(false);
  });
});
