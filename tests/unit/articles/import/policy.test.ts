import { describe, expect, it } from "vitest";
import { mayImportArticle } from "@/lib/policies/article";
import { everyone, person } from "../../policies/people";

describe("mayImportArticle", () => {
  it.each(everyone(["editor", "admin"]))("decides for %s", (_, actor, allowed) => {
    expect(mayImportArticle(actor).allowed).toBe(allowed);
  });

  it("tells a reviewer that only editors and admins import articles", () => {
    expect(mayImportArticle(person("reviewer"))).toEqual({ allowed: false, reason: "Only editors and admins can import articles." });
  });
});
