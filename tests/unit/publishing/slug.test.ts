import { describe, expect, it } from "vitest";
import { firstFreeSlug, isSlug, slugOf } from "@/lib/publishing/slug";

describe("slugOf", () => {
  it("lowercases the title and joins its words with hyphens", () => {
    expect(slugOf("Mines for Ukraine: What the Pentagon Said")).toBe("mines-for-ukraine-what-the-pentagon-said");
  });

  it("folds accents to ASCII and drops other characters", () => {
    expect(slugOf("  Économie : l’État dépense 4,2 M€ ! ")).toBe("economie-l-etat-depense-4-2-m");
  });

  it("falls back to 'article' when nothing is left", () => {
    expect(slugOf("«»…")).toBe("article");
  });

  it("keeps at most 80 characters and never ends on a hyphen", () => {
    const slug = slugOf(`${"word ".repeat(40)}`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).not.toMatch(/-$/);
  });
});

describe("firstFreeSlug", () => {
  it("takes the base when free, else the first free numbered suffix", () => {
    expect(firstFreeSlug("budget", new Set())).toBe("budget");
    expect(firstFreeSlug("budget", new Set(["budget", "budget-2"]))).toBe("budget-3");
  });
});

describe("isSlug", () => {
  it("accepts what slugOf makes and refuses anything else", () => {
    expect(isSlug(slugOf("City budget under scrutiny"))).toBe(true);
    expect(isSlug("budget-2")).toBe(true);
    for (const value of ["", "Budget", "a--b", "-a", "a/b", "a b", "%2e%2e"]) expect(isSlug(value), value).toBe(false);
  });
});
