import { describe, expect, it } from "vitest";
import { claimLikeness, figuresOf, MIN_LIKENESS, otherFigures } from "@/lib/annotations/claim-likeness";
import { searchedTerms, termQuery, termWeight, type TermCounts } from "@/lib/annotations/claim-terms";

// Terms as to_tsvector('english', …) makes them.
const SENT = ["unit", "state", "send", "anti-personnel", "anti", "personnel", "mine", "ukrain"];
const PROVIDED = ["washington", "agre", "provid", "ukrain", "anti-personnel", "anti", "personnel", "landmin"];

describe("claimLikeness", () => {
  it("is 1 for the same terms, in any order, however often repeated", () => {
    expect(claimLikeness(SENT, [...SENT].reverse().concat(SENT))).toBe(1);
  });

  it("finds a claim stated whole inside a longer selection, and a selection inside a longer claim", () => {
    const restated = ["offici", "insist", ...SENT];
    expect(claimLikeness(restated, SENT)).toBe(1);
    expect(claimLikeness(SENT, restated)).toBe(1);
    const paragraph = [...SENT, "offici", "said", "wednesday", "pentagon", "confirm", "shipment", "week", "presid", "decis", "revers"];
    expect(claimLikeness(paragraph, SENT)).toBeGreaterThanOrEqual(MIN_LIKENESS);
  });

  it("does not take a claim reworded throughout, or one sharing only its topic, for the same", () => {
    expect(claimLikeness(SENT, PROVIDED)).toBe(0.5);
    expect(claimLikeness(SENT, PROVIDED)).toBeLessThan(MIN_LIKENESS);
    expect(claimLikeness(["ukrain", "mine"], ["ukrain", "air", "defenc", "system", "alli"])).toBeLessThan(MIN_LIKENESS);
  });

  it("does not count a claim's few terms inside a long paragraph as alike", () => {
    const paragraph = ["mine", "ukrain", "send", "offici", "said", "wednesday", "pentagon", "confirm", "shipment", "week", "presid", "decis", "revers"];
    expect(claimLikeness(paragraph, ["mine", "ukrain", "send"])).toBe(0);
  });

  it("weighs each term: a rare name that differs parts two claims that share their common words", () => {
    const riverside = ["riversid", "highest", "jobless", "rate", "countri"];
    const lakeview = ["lakeview", "highest", "jobless", "rate", "countri"];
    const rarity: Record<string, number> = { riversid: 8, lakeview: 8, jobless: 5, highest: 1, rate: 1, countri: 1 };
    expect(claimLikeness(riverside, lakeview)).toBeGreaterThanOrEqual(0.8);
    expect(claimLikeness(riverside, lakeview, (term) => rarity[term]!)).toBeLessThan(MIN_LIKENESS);
    expect(claimLikeness(riverside, [...riverside, "report"], (term) => rarity[term] ?? 1)).toBe(1);
  });

  it("is 0 when either claim has no terms (only stop words), or none that weigh", () => {
    expect(claimLikeness([], SENT)).toBe(0);
    expect(claimLikeness(SENT, [])).toBe(0);
    expect(claimLikeness(SENT, SENT, () => 0)).toBe(0);
  });
});

describe("figures", () => {
  it("reads each figure once, as written", () => {
    expect(figuresOf("2,500 mines in 2024, up 3.5% from 2,500 in 2023")).toEqual(["2,500", "2024", "3.5", "2023"]);
  });

  it("reports the figures of both claims when they differ", () => {
    expect(otherFigures("The court ruled 7 to 2", "The court ruled 8 to 1")).toEqual({ ours: ["7", "2"], theirs: ["8", "1"] });
    expect(otherFigures("They sent mines", "They sent 2,000 mines")).toEqual({ ours: [], theirs: ["2,000"] });
  });

  it("takes the same figures written with or without thousands separators as the same, and no figures as no difference", () => {
    expect(otherFigures("2500 mines in 2024", "2,500 mines in 2024")).toBeNull();
    expect(otherFigures("They sent mines", "The mines were sent")).toBeNull();
  });
});

describe("term weights and the search", () => {
  const counts: TermCounts = { claims: 1_000, claimsWith: (term) => ({ said: 600, percent: 200, riversid: 3, "2,500": 1 })[term] ?? 0 };

  it("weighs a rare term more than a common one, and a figure not at all", () => {
    expect(termWeight(counts, "riversid")).toBeGreaterThan(termWeight(counts, "percent"));
    expect(termWeight(counts, "percent")).toBeGreaterThan(termWeight(counts, "said"));
    expect(termWeight(counts, "2,500")).toBe(0);
    expect(termWeight(counts, "12.5")).toBe(0);
  });

  it("searches by the rare terms only, and by the two rarest when fewer are rare", () => {
    const desk: TermCounts = { claims: 1_000, claimsWith: (term) => ({ said: 600, percent: 200, cost: 150, riversid: 3, mine: 9 })[term] ?? 0 };
    expect(searchedTerms(["said", "riversid", "percent", "mine"], desk)).toEqual(["riversid", "mine"]);
    expect(searchedTerms(["said", "riversid", "percent", "cost"], desk)).toEqual(["riversid", "cost"]);
    expect(searchedTerms(["said", "said"], desk)).toEqual(["said"]);
  });

  it("does not search by figures, nor by terms no approved claim holds", () => {
    expect(searchedTerms(["2,500", "riversid", "unheard"], counts)).toEqual(["riversid"]);
  });

  it("quotes a term of a search as it is, whatever it holds", () => {
    expect(["anti-personnel", "o'neill", "a\\b"].map(termQuery)).toEqual(["'anti-personnel'", "'o''neill'", "'a\\\\b'"]);
  });
});
