import { describe, expect, it } from "vitest";
import { mayChangeSettings } from "@/lib/policies/settings";
import { everyone, person } from "./people";

describe("mayChangeSettings", () => {
  it.each(everyone(["admin"]))("decides for %s", (_, who, allowed) => {
    expect(mayChangeSettings(who).allowed).toBe(allowed);
  });

  it("tells an editor that only admins change the settings", () => {
    expect(mayChangeSettings(person("editor"))).toEqual({ allowed: false, reason: "Only admins can change the desk's settings." });
  });

  it("asks anonymous and disabled users to sign in with an active account", () => {
    expect(mayChangeSettings(null)).toEqual({ allowed: false, reason: "Sign in with an active account to do this." });
    expect(mayChangeSettings(person("admin", true))).toEqual({ allowed: false, reason: "Sign in with an active account to do this." });
  });
});
