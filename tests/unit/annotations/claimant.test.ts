import { describe, expect, it } from "vitest";
import { claimantLine, namedClaimants, type Claimant } from "@/lib/annotations/claimant";

const minister: Claimant = { name: "Yulia Svyrydenko", kind: "person", role: "economy minister" };
const ministry: Claimant = { name: "Ministry of Defence", kind: "organization", role: null };

describe("namedClaimants: who made the article's claims, offered for the next one", () => {
  it("lists each claimant once, whatever the case, the most often named first, then by name", () => {
    const claims = [{ claimant: ministry }, { claimant: minister }, { claimant: null }, { claimant: { ...minister, name: "yulia svyrydenko" } }, { claimant: { name: "Andrii Yermak", kind: "person" as const, role: null } }];
    expect(namedClaimants(claims).map((claimant) => claimant.name)).toEqual(["Yulia Svyrydenko", "Andrii Yermak", "Ministry of Defence"]);
  });

  it("offers nobody when no claim names anyone", () => {
    expect(namedClaimants([{ claimant: null }])).toEqual([]);
  });
});

describe("claimantLine", () => {
  it("names the claimant, with what they are when known", () => {
    expect(claimantLine(minister)).toBe("Yulia Svyrydenko, economy minister");
    expect(claimantLine(ministry)).toBe("Ministry of Defence");
  });
});
