import { beforeEach, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { approvedTermCounts } from "@/lib/annotations/claim-terms";
import { findEarlierChecks } from "@/lib/annotations/earlier-checks";
import { createAnnotation, getAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { Invalid, Unauthenticated } from "@/lib/errors";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, completeClaim, selectorsOf } from "./fixtures";

const MINES = [
  "The United States will send anti-personnel mines to Ukraine, officials said on Wednesday.",
  "The mines deactivate on their own after 4 to 14 days, the Pentagon said.",
  "Officials said the mines would be used only on Ukrainian territory.",
].join("\n");

describeOnEveryEngine("claims checked before", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };
  let sent: string;
  let deactivate: string;
  let territory: string;

  const claim = async (exact: string, to: string[]) => {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
    let version = created.version;
    for (const status of to) version = (await changeStatus(db(), status === "in_review" ? author : editor, created.id, { to: status, version, comment: "A reason." })).version;
    return created.id;
  };
  const checksOf = async (quote: string, except?: string) =>
    (await findEarlierChecks(db(), author, { quote, except })).map((check) => [check.quote, check.verdict, check.article.title]);

  beforeEach(async () => {
    author = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    editor = await addUser(db(), "editor", { name: "Eddie Editor" });
    article = await addArticle(db(), MINES);
    sent = await claim("The United States will send anti-personnel mines to Ukraine", ["in_review", "approved"]);
    deactivate = await claim("The mines deactivate on their own after 4 to 14 days", ["in_review", "approved"]);
    territory = await claim("the mines would be used only on Ukrainian territory", ["in_review"]);
  });

  it("finds an approved claim worded otherwise, with its verdict, explanation, sources, article and approval", async () => {
    const [check, ...others] = await findEarlierChecks(db(), author, { quote: "The United States will send anti-personnel mines to Ukraine, the Pentagon confirmed on Thursday" });
    expect(others).toEqual([]);
    expect(check).toMatchObject({
      id: sent,
      article: { id: article.id, title: "Mines for Ukraine" },
      quote: "The United States will send anti-personnel mines to Ukraine",
      verdict: completeClaim.verdict,
      explanation: completeClaim.explanation,
      sources: [{ url: completeClaim.sources[0].url, title: "Briefing", accessedAt: "2024-11-20", archiveUrl: null }],
      otherFigures: null,
    });
    expect(check!.likeness).toBe(1);
    expect(Date.now() - Date.parse(check!.approvedAt)).toBeLessThan(60_000);
  });

  it("lists the same words approved with the same verdict on other articles once, and a verdict that differs apart", async () => {
    const wire = await addArticle(db(), `The United States will send anti-personnel mines to Ukraine.\nMore follows.`);
    const rerun = await addArticle(db(), `the united states will send anti-personnel mines to Ukraine!\nMore follows.`);
    const approveOn = async (on: { id: string; plainText: string }, exact: string, verdict: string) => {
      const created = await createAnnotation(db(), author, on.id, { selectors: selectorsOf(on.plainText, exact), ...completeClaim, verdict });
      const submitted = await changeStatus(db(), author, created.id, { to: "in_review", version: created.version });
      await changeStatus(db(), editor, created.id, { to: "approved", version: submitted.version });
      return created.id;
    };
    const same = await approveOn(wire, "The United States will send anti-personnel mines to Ukraine", "mostly_true");
    const other = await approveOn(rerun, "the united states will send anti-personnel mines to Ukraine", "false");

    // Equally alike, the most recent approval comes first.
    const checks = await findEarlierChecks(db(), author, { quote: "Officials said the United States will send anti-personnel mines to Ukraine" });
    expect(checks.map((check) => [check.id, check.verdict, check.alsoIn.map((also) => [also.id, also.article.id])])).toEqual([
      [other, "false", []],
      [same, "mostly_true", [[sent, article.id]]],
    ]);
  });

  it("says who made each earlier claim, and lists the same words from two claimants apart", async () => {
    const approveOn = async (text: string, claimant: object | null) => {
      const on = await addArticle(db(), `${text}\nMore follows.`);
      const created = await createAnnotation(db(), author, on.id, { selectors: selectorsOf(on.plainText, text), ...completeClaim, claimant });
      const submitted = await changeStatus(db(), author, created.id, { to: "in_review", version: created.version });
      await changeStatus(db(), editor, created.id, { to: "approved", version: submitted.version });
      return created.id;
    };
    const said = "Crime in the city centre fell by a third last year";
    const mayor = await approveOn(said, { name: "Ana Ortiz", role: "mayor" });
    const mayorAgain = await approveOn(said, { name: "ana ortiz", role: "mayor" });
    const chief = await approveOn(said, { name: "Tom Reyes", role: "police chief" });
    const checks = await findEarlierChecks(db(), author, { quote: said });
    expect(checks.map((check) => [check.id, check.claimant, check.alsoIn.map((also) => also.id)])).toEqual([
      [chief, { name: "Tom Reyes", kind: "person", role: "police chief" }, []],
      [mayorAgain, { name: "ana ortiz", kind: "person", role: "mayor" }, [mayor]],
    ]);
    expect((await findEarlierChecks(db(), author, { quote: "The mines deactivate on their own after 4 to 14 days" }))[0]!.claimant).toBeNull();
  });

  it("says when the earlier claim stated other figures", async () => {
    const [check] = await findEarlierChecks(db(), author, { quote: "These mines deactivate on their own after 4 to 30 days" });
    expect(check).toMatchObject({ id: deactivate, otherFigures: { ours: ["4", "30"], theirs: ["4", "14"] } });
  });

  it("shows only what the desk approved: never a claim in review, nor the claim itself", async () => {
    expect(await checksOf("Officials said the mines would be used only on Ukrainian territory.")).toEqual([]);
    expect(await checksOf("The United States will send anti-personnel mines to Ukraine", sent)).toEqual([]);
    await changeStatus(db(), editor, territory, { to: "approved", version: (await getAnnotation(db(), editor, territory)).version, comment: "" });
    expect(await checksOf("Officials said the mines would be used only on Ukrainian territory.")).toEqual([
      ["the mines would be used only on Ukrainian territory", "mostly_true", "Mines for Ukraine"],
    ]);
  });

  it("leaves out a claim whose text a revision took: an orphan's verdict is not shown as the desk's", async () => {
    const [, ...rest] = MINES.split("\n");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(rest.join("\n")).toJSON() });
    expect((await getAnnotation(db(), author, sent)).orphaned).toBe(true);
    expect(await checksOf("The United States will send anti-personnel mines to Ukraine")).toEqual([]);
  });

  it("leaves out a claim whose words a revision changed until someone checks its placement", async () => {
    const [first, ...rest] = MINES.split("\n");
    const revised = [first!.replace("send anti-personnel mines", "send 2,000 anti-personnel mines"), ...rest].join("\n");
    expect(await checksOf("The United States will send anti-personnel mines to Ukraine")).toHaveLength(1);
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(revised).toJSON() });
    expect((await getAnnotation(db(), author, sent)).placementChecked).toBe(false);
    expect(await checksOf("The United States will send anti-personnel mines to Ukraine")).toEqual([]);
  });

  it("does not offer claims reworded throughout, or that share only their topic", async () => {
    expect(await checksOf("Washington agreed to provide Ukraine with anti-personnel landmines")).toEqual([]);
    expect(await checksOf("Ukraine asked its allies for more air defence systems on Wednesday")).toEqual([]);
    expect(await checksOf("O'Neill said the mines' \\ shipment: 'anti-personnel' & (more) | !less <-> later")).toEqual([]);
    expect(await checksOf("Inflation rose by 3 percent in the capital last year")).toEqual([]);
    expect(await checksOf("the of and to")).toEqual([]);
  });

  it("weighs terms by exact counts on a small desk, and by counts at most ten minutes old on a large one", async () => {
    const approve = (count: number, quote: string) =>
      db().execute(sql`
        insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, verdict, status)
        select ${article.id}, ${author.id}, ${quote}, '', '', 0, 10, 'true', 'approved' from generate_series(1, ${count}::int)`);
    const start = Date.now();
    expect((await approvedTermCounts(db(), start)).claims).toBe(2);
    await approve(1, "Zanzibar exported cloves");
    expect((await approvedTermCounts(db(), start + 1_000)).claimsWith("zanzibar")).toBe(1);

    await approve(2_000, "The harbour handled more ships");
    const counted = await approvedTermCounts(db(), start + 2_000);
    expect(counted.claims).toBe(2_003);
    await approve(1, "Zanzibar grew more cloves");
    expect((await approvedTermCounts(db(), start + 60_000)).claimsWith("zanzibar")).toBe(1);
    // Ten minutes on, the search still weighs with the counts it has, while they are counted anew.
    expect((await approvedTermCounts(db(), start + 2_000 + 10 * 60_000)).claimsWith("zanzibar")).toBe(1);
    await expect.poll(async () => (await approvedTermCounts(db(), start + 2_000 + 10 * 60_000 + 1)).claimsWith("zanzibar")).toBe(2);

    // Small again, the desk is counted exactly on every search (and the next tests start from exact counts).
    await db().execute(sql`delete from annotations where quote <> ${"The mines deactivate on their own after 4 to 14 days"} and status = 'approved'`);
    await approvedTermCounts(db(), start + 60 * 60_000);
    await expect.poll(async () => (await approvedTermCounts(db(), start + 60 * 60_000 + 1)).claims).toBe(1);
    expect((await approvedTermCounts(db(), start + 60 * 60_000 + 2)).claimsWith("zanzibar")).toBe(0);
  });

  it("refuses a missing or overlong quote and an except that is no id, naming the field, and anonymous readers", async () => {
    await expect(findEarlierChecks(db(), author, {})).rejects.toMatchObject({ fields: { quote: "is required" } });
    await expect(findEarlierChecks(db(), author, { quote: "x".repeat(2_001) })).rejects.toThrow(Invalid);
    await expect(findEarlierChecks(db(), author, { quote: "mines", except: "42" })).rejects.toMatchObject({ fields: { except: "must be an annotation id" } });
    await expect(findEarlierChecks(db(), null, { quote: "mines" })).rejects.toThrow(Unauthenticated);
  });
});
