import { beforeEach, expect, it, vi } from "vitest";
import { annotations } from "@/db/schema";
import { claimantColumns, type Claimant } from "@/lib/annotations/claimant";
import type { Verdict } from "@/lib/annotations/verdicts";
import { createArticleFromText } from "@/lib/articles/create";
import { setArticleTopics } from "@/lib/articles/topics";
import { Forbidden, Invalid, Unauthenticated } from "@/lib/errors";
import { listQueue, QUOTE_PREVIEW_LENGTH } from "@/lib/reviews/queue";
import { listQueueChoices } from "@/lib/reviews/queue-choices";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addUser } from "./fixtures";

type ClaimSeed = {
  /** The claim's quote, which the tests read back to check who is listed, and in which order. */
  quote: string;
  article?: string;
  author?: Actor;
  status?: ReviewStatus;
  verdict?: Verdict | null;
  assignee?: Actor | null;
  dueOn?: string | null;
  createdAt?: string;
  updatedAt?: string;
  orphaned?: boolean;
  discarded?: boolean;
  placementChecked?: boolean;
  claimant?: Claimant;
};

const at = (iso: string) => new Date(iso);

describeOnEveryEngine("review queue", (db) => {
  let rita: Actor;
  let ed: Actor;
  let ada: Actor;
  let mines: string;
  let budget: string;

  beforeEach(async () => {
    rita = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    ed = await addUser(db(), "editor", { name: "Ed Editor" });
    ada = await addUser(db(), "admin", { name: "Ada Admin" });
    mines = (await createArticleFromText(db(), { title: "Mines for Ukraine", text: "Mines." })).id;
    budget = (await createArticleFromText(db(), { title: "Budget figures", text: "Budget." })).id;
  });

  /** Stores claims directly, every column chosen: the queue reads them, however they came to be. */
  async function claims(...seeds: ClaimSeed[]): Promise<string[]> {
    const rows = await db()
      .insert(annotations)
      .values(
        seeds.map((seed, index) => ({
          articleId: seed.article ?? mines,
          authorId: (seed.author ?? rita).id,
          quote: seed.quote,
          prefix: "",
          suffix: "",
          startOffset: index,
          endOffset: index + 1,
          status: seed.status ?? "draft",
          verdict: seed.verdict ?? null,
          assigneeId: seed.assignee?.id ?? null,
          dueOn: seed.dueOn ?? null,
          createdAt: at(seed.createdAt ?? "2026-01-01T12:00:00Z"),
          updatedAt: at(seed.updatedAt ?? `2026-01-02T12:00:${String(index).padStart(2, "0")}Z`),
          orphanedAt: seed.orphaned || seed.discarded ? at("2026-01-03T00:00:00Z") : null,
          discardedAt: seed.discarded ? at("2026-01-04T00:00:00Z") : null,
          placementChecked: seed.placementChecked ?? true,
          ...claimantColumns(seed.claimant ?? null),
        })),
      )
      .returning({ id: annotations.id });
    return rows.map((row) => row.id);
  }

  const quotes = async (input: object, actor: Actor = rita) => (await listQueue(db(), actor, input)).rows.map((row) => row.quote);

  it("refuses the anonymous and a disabled account", async () => {
    const disabled = await addUser(db(), "editor", { disabled: true });
    await expect(listQueue(db(), null, {})).rejects.toBeInstanceOf(Unauthenticated);
    await expect(listQueue(db(), disabled, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(listQueueChoices(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("refuses a bad parameter, naming it", async () => {
    await expect(listQueue(db(), rita, { status: ["open"], pageSize: "1000" })).rejects.toMatchObject({
      constructor: Invalid,
      fields: { status: expect.stringContaining('"open"'), pageSize: "must be at most 100" },
    });
  });

  it("finds claims by their words as a search engine would: any form of a word, a phrase, a word left out, or either", async () => {
    const sent = "The United States will send anti-personnel mines to Ukraine";
    const persistent = "The mines are non-persistent";
    const laid = "Russia laid mines across the region";
    const deficit = "The budget deficit grew";
    await claims({ quote: sent, status: "approved" }, { quote: persistent, status: "in_review" }, { quote: laid }, { quote: deficit, article: budget });
    const found = async (q: string) => (await listQueue(db(), rita, { q })).rows.map((row) => row.quote).sort();
    expect(await found("mine")).toEqual([laid, sent, persistent].sort());
    expect(await found('"anti-personnel mines"')).toEqual([sent]);
    expect(await found("mines -Russia")).toEqual([sent, persistent].sort());
    expect(await found("Russia or deficit")).toEqual([laid, deficit].sort());
    expect(await found("the of")).toEqual([]);

    const approved = await listQueue(db(), rita, { q: "mines", status: "approved" });
    expect(approved.rows.map((row) => row.quote)).toEqual([sent]);
    expect(approved.total).toBe(1);
    expect(approved.countsByStatus).toMatchObject({ draft: 1, in_review: 1, approved: 1, rejected: 0 });
  });

  it("lists claims across articles with their article, people, due date and placement", async () => {
    const [id] = await claims(
      { quote: "orphaned", article: budget, author: ed, assignee: rita, status: "in_review", verdict: "false", dueOn: "2026-02-01", orphaned: true },
      { quote: "doubtful", placementChecked: false },
    );
    const page = await listQueue(db(), ada, {});
    expect(page.rows).toHaveLength(2);
    expect(page.rows.find((row) => row.quote === "orphaned")).toEqual({
      id,
      quote: "orphaned",
      status: "in_review",
      verdict: "false",
      article: { id: budget, title: "Budget figures" },
      claimant: null,
      author: { id: ed.id, name: "Ed Editor" },
      assignee: { id: rita.id, name: "Rita Reviewer" },
      dueOn: "2026-02-01",
      createdAt: "2026-01-01T12:00:00.000Z",
      updatedAt: "2026-01-02T12:00:00.000Z",
      orphaned: true,
      needsPlacement: false,
    });
    expect(page.rows.find((row) => row.quote === "doubtful")).toMatchObject({ assignee: null, dueOn: null, orphaned: false, needsPlacement: true });
  });

  it("never lists nor counts discarded claims", async () => {
    await claims({ quote: "kept", status: "in_review" }, { quote: "discarded", status: "in_review", discarded: true });
    const page = await listQueue(db(), rita, {});
    expect(page.rows.map((row) => row.quote)).toEqual(["kept"]);
    expect(page.total).toBe(1);
    expect(page.countsByStatus.in_review).toBe(1);
  });

  it("cuts a long quote to a preview", async () => {
    await claims({ quote: "word ".repeat(200) });
    const [row] = (await listQueue(db(), rita, {})).rows;
    expect(row!.quote).toHaveLength(QUOTE_PREVIEW_LENGTH);
    expect(row!.quote.endsWith("…")).toBe(true);
  });

  it("filters by one status or several, counting every status under the other filters", async () => {
    await claims(
      { quote: "draft", status: "draft", verdict: "false" },
      { quote: "in review", status: "in_review", verdict: "false" },
      { quote: "approved", status: "approved", verdict: "false" },
      { quote: "approved, true", status: "approved", verdict: "true" },
    );
    const inReview = await listQueue(db(), rita, { status: "in_review", verdict: ["false"] });
    expect(inReview.rows.map((row) => row.quote)).toEqual(["in review"]);
    expect(inReview.total).toBe(1);
    expect(inReview.countsByStatus).toEqual({ draft: 1, in_review: 1, changes_requested: 0, approved: 1, rejected: 0 });
    const several = await listQueue(db(), rita, { status: ["draft", "approved"] });
    expect(several.rows.map((row) => row.quote).sort()).toEqual(["approved", "approved, true", "draft"]);
    expect(several.total).toBe(3);
    expect(several.countsByStatus.in_review).toBe(1);
  });

  it("filters by verdict, with 'none' for claims without one yet", async () => {
    await claims({ quote: "false", verdict: "false" }, { quote: "true", verdict: "true" }, { quote: "none", verdict: null });
    expect(await quotes({ verdict: ["false"] })).toEqual(["false"]);
    expect(await quotes({ verdict: ["none"] })).toEqual(["none"]);
    expect((await quotes({ verdict: ["none", "true"] })).sort()).toEqual(["none", "true"]);
  });

  it("filters by placement: claims to check, orphans, or both, discarded ones never", async () => {
    await claims({ quote: "settled" }, { quote: "to check", placementChecked: false }, { quote: "orphaned", orphaned: true }, { quote: "discarded", discarded: true });
    expect(await quotes({ placement: ["check"] })).toEqual(["to check"]);
    expect(await quotes({ placement: "orphaned" })).toEqual(["orphaned"]);
    expect((await quotes({ placement: ["check", "orphaned"] })).sort()).toEqual(["orphaned", "to check"]);
    await expect(listQueue(db(), rita, { placement: ["lost"] })).rejects.toMatchObject({ fields: { placement: expect.stringContaining('"lost"') } });
  });

  it("filters by assignee: a person, me, or nobody", async () => {
    await claims({ quote: "Rita's", assignee: rita }, { quote: "Ed's", assignee: ed }, { quote: "nobody's", assignee: null });
    expect(await quotes({ assignee: ed.id })).toEqual(["Ed's"]);
    expect(await quotes({ assignee: "me" }, rita)).toEqual(["Rita's"]);
    expect(await quotes({ assignee: "me" }, ed)).toEqual(["Ed's"]);
    expect(await quotes({ assignee: "unassigned" })).toEqual(["nobody's"]);
  });

  it("filters by author, by article, and by both", async () => {
    await claims(
      { quote: "Rita on mines", author: rita, article: mines },
      { quote: "Ed on mines", author: ed, article: mines },
      { quote: "Ed on budget", author: ed, article: budget },
    );
    expect(await quotes({ author: "me" }, rita)).toEqual(["Rita on mines"]);
    expect((await quotes({ author: ed.id })).sort()).toEqual(["Ed on budget", "Ed on mines"]);
    expect(await quotes({ article: budget })).toEqual(["Ed on budget"]);
    expect(await quotes({ author: ed.id, article: mines })).toEqual(["Ed on mines"]);
  });

  it("filters by a topic its article is filed under, in any case, and offers the desk's topics", async () => {
    await setArticleTopics(db(), ed, budget, { topics: ["Economy", "Taxes"] });
    await setArticleTopics(db(), ed, mines, { topics: ["Defence"] });
    await claims({ quote: "On mines", article: mines }, { quote: "On the budget", article: budget, status: "in_review" }, { quote: "Also the budget", article: budget });
    expect((await quotes({ topic: "economy" })).sort()).toEqual(["Also the budget", "On the budget"]);
    expect(await quotes({ topic: "ECONOMY", status: "in_review" })).toEqual(["On the budget"]);
    expect(await quotes({ topic: "Defence", q: "budget" })).toEqual([]);
    expect(await quotes({ topic: "Weather" })).toEqual([]);
    // The status tabs count under the topic.
    expect((await listQueue(db(), rita, { topic: "Taxes" })).countsByStatus).toMatchObject({ draft: 1, in_review: 1 });
    expect((await listQueueChoices(db(), rita)).topics).toEqual(["Defence", "Economy", "Taxes"]);
    await expect(listQueue(db(), rita, { topic: "x".repeat(41) })).rejects.toThrow(/topic: must be at most 40 characters/);
  });

  it("filters by who made the claim, the whole name in any case, lists who made each, and finds them by a word of their name", async () => {
    const mayor: Claimant = { name: "Jane Doe", kind: "person", role: "mayor of Springfield" };
    await claims(
      { quote: "Crime fell by half", claimant: mayor },
      { quote: "Taxes never rose", claimant: { name: "jane doe", kind: "person", role: null } },
      { quote: "Jane Doe said so", claimant: { name: "Jane Doe-Smith", kind: "person", role: null } },
      { quote: "The council agreed", claimant: { name: "City Council", kind: "organization", role: null } },
      { quote: "Nobody named" },
      { quote: "Gone from the article", claimant: mayor, discarded: true },
    );
    expect((await quotes({ claimant: "JANE DOE" })).sort()).toEqual(["Crime fell by half", "Taxes never rose"]);
    expect(await quotes({ claimant: "  Jane Doe  ", q: "crime" })).toEqual(["Crime fell by half"]);
    expect(await quotes({ claimant: "Jane" })).toEqual([]);

    const rows = (await listQueue(db(), rita, { claimant: "city council" })).rows;
    expect(rows.map((row) => row.claimant)).toEqual([{ name: "City Council", kind: "organization", role: null }]);
    expect((await listQueue(db(), rita, { q: "crime" })).rows[0]!.claimant).toEqual(mayor);
    expect((await listQueue(db(), rita, { q: "nobody" })).rows[0]!.claimant).toBeNull();
    // The word search reads who made the claim too: a word of the name, in any form, with the quote's words or alone.
    expect((await quotes({ q: "doe" })).sort()).toEqual(["Crime fell by half", "Jane Doe said so", "Taxes never rose"]);
    expect(await quotes({ q: "Doe crime" })).toEqual(["Crime fell by half"]);
    expect(await quotes({ q: "councils" })).toEqual(["The council agreed"]);
    expect((await quotes({ q: "doe -said" })).sort()).toEqual(["Crime fell by half", "Taxes never rose"]);
    await expect(listQueue(db(), rita, { claimant: "x".repeat(201) })).rejects.toMatchObject({ fields: { claimant: "must be at most 200 characters" } });
  });

  it("filters by the day of the last change, both days included, in UTC unless the newsroom has a time zone", async () => {
    await claims(
      { quote: "the evening before", updatedAt: "2026-01-09T23:59:59Z" },
      { quote: "first moment", updatedAt: "2026-01-10T00:00:00Z" },
      { quote: "last moment", updatedAt: "2026-01-12T23:59:59.999Z" },
      { quote: "the morning after", updatedAt: "2026-01-13T00:00:00Z" },
    );
    expect(await quotes({ from: "2026-01-10", to: "2026-01-12" })).toEqual(["last moment", "first moment"]);
    expect(await quotes({ from: "2026-01-13" })).toEqual(["the morning after"]);
    expect(await quotes({ to: "2026-01-09" })).toEqual(["the evening before"]);
    expect(await quotes({ from: "2026-01-10", to: "2026-01-10" })).toEqual(["first moment"]);
  });

  it("reads the days in the newsroom's time zone when it has one, a day of summer time change included", async () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "America/New_York");
    try {
      await claims(
        // 19:30 in New York on 9 January: the 10th in UTC, the 9th in the newsroom.
        { quote: "evening of the 9th", updatedAt: "2026-01-10T00:30:00Z" },
        { quote: "morning of the 10th", updatedAt: "2026-01-10T05:00:00Z" },
        // The clocks go forward on 8 March: the day ends at 04:00 UTC, not 05:00.
        { quote: "late on 8 March", updatedAt: "2026-03-09T03:59:00Z" },
        { quote: "just after midnight, 9 March", updatedAt: "2026-03-09T04:00:00Z" },
      );
      expect(await quotes({ from: "2026-01-10", to: "2026-01-10" })).toEqual(["morning of the 10th"]);
      expect(await quotes({ to: "2026-01-09" })).toEqual(["evening of the 9th"]);
      expect(await quotes({ from: "2026-03-08", to: "2026-03-08" })).toEqual(["late on 8 March"]);
      expect(await quotes({ from: "2026-03-09" })).toEqual(["just after midnight, 9 March"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("sorts by last change and by creation, either way, ties broken by id", async () => {
    const ids = await claims(
      { quote: "old", createdAt: "2026-01-03T00:00:00Z", updatedAt: "2026-01-05T00:00:00Z" },
      { quote: "new", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-06T00:00:00Z" },
      { quote: "tie a", createdAt: "2026-01-02T00:00:00Z", updatedAt: "2026-01-04T00:00:00Z" },
      { quote: "tie b", createdAt: "2026-01-02T00:00:00Z", updatedAt: "2026-01-04T00:00:00Z" },
    );
    const [tieFirst, tieSecond] = ids[2]! < ids[3]! ? ["tie a", "tie b"] : ["tie b", "tie a"];
    expect(await quotes({})).toEqual(["new", "old", tieSecond, tieFirst]);
    expect(await quotes({ sort: "updated", dir: "asc" })).toEqual([tieFirst, tieSecond, "old", "new"]);
    expect(await quotes({ sort: "created" })).toEqual(["old", tieSecond, tieFirst, "new"]);
    expect(await quotes({ sort: "created", dir: "asc" })).toEqual(["new", tieFirst, tieSecond, "old"]);
  });

  it("sorts by due date with undated claims last, whichever the direction", async () => {
    await claims(
      { quote: "undated", dueOn: null },
      { quote: "March", dueOn: "2026-03-01" },
      { quote: "January", dueOn: "2026-01-15" },
      { quote: "February", dueOn: "2026-02-01" },
    );
    expect(await quotes({ sort: "due" })).toEqual(["January", "February", "March", "undated"]);
    expect(await quotes({ sort: "due", dir: "desc" })).toEqual(["March", "February", "January", "undated"]);
  });

  it("sorts by status in workflow order, then by last change", async () => {
    await claims(
      { quote: "rejected", status: "rejected" },
      { quote: "draft, older", status: "draft", updatedAt: "2026-01-01T00:00:00Z" },
      { quote: "draft, newer", status: "draft", updatedAt: "2026-01-05T00:00:00Z" },
      { quote: "in review", status: "in_review" },
      { quote: "approved", status: "approved" },
      { quote: "changes requested", status: "changes_requested" },
    );
    const workflow = ["draft, older", "draft, newer", "in review", "changes requested", "approved", "rejected"];
    expect(await quotes({ sort: "status" })).toEqual(workflow);
    expect(await quotes({ sort: "status", dir: "desc" })).toEqual([...workflow].reverse());
  });

  it("sorts by article title, then by last change", async () => {
    await claims(
      { quote: "mines, older", article: mines, updatedAt: "2026-01-01T00:00:00Z" },
      { quote: "budget", article: budget },
      { quote: "mines, newer", article: mines, updatedAt: "2026-01-05T00:00:00Z" },
    );
    expect(await quotes({ sort: "article" })).toEqual(["budget", "mines, older", "mines, newer"]);
    expect(await quotes({ sort: "article", dir: "desc" })).toEqual(["mines, newer", "mines, older", "budget"]);
  });

  it("pages through the claims, with the total and the number of pages", async () => {
    await claims(...Array.from({ length: 7 }, (_, n) => ({ quote: `claim ${n}`, updatedAt: `2026-01-0${n + 1}T00:00:00Z` })));
    const first = await listQueue(db(), rita, { pageSize: "3" });
    expect(first.rows.map((row) => row.quote)).toEqual(["claim 6", "claim 5", "claim 4"]);
    expect(first).toMatchObject({ total: 7, pageCount: 3, query: { page: 1, pageSize: 3 } });
    expect(await quotes({ pageSize: "3", page: "2" })).toEqual(["claim 3", "claim 2", "claim 1"]);
    expect(await quotes({ pageSize: "3", page: "3" })).toEqual(["claim 0"]);
    const past = await listQueue(db(), rita, { pageSize: "3", page: "4" });
    expect(past).toMatchObject({ rows: [], total: 7, pageCount: 3 });
  });

  it("answers an empty queue as page 1 of 1", async () => {
    expect(await listQueue(db(), rita, {})).toMatchObject({ rows: [], total: 0, pageCount: 1, countsByStatus: { draft: 0, approved: 0 } });
  });

  it("shows My queue most urgent first: open work by due date, undated after, closed last", async () => {
    const mine = { assignee: rita };
    await claims(
      { ...mine, quote: "approved, long overdue", status: "approved", dueOn: "2025-12-01" },
      { ...mine, quote: "draft, due in March", status: "draft", dueOn: "2026-03-01" },
      { ...mine, quote: "in review, undated", status: "in_review" },
      { ...mine, quote: "draft, overdue", status: "draft", dueOn: "2026-01-01" },
      { ...mine, quote: "changes requested, due in March", status: "changes_requested", dueOn: "2026-03-01" },
      { ...mine, quote: "in review, due in March, older", status: "in_review", dueOn: "2026-03-01", updatedAt: "2026-01-01T00:00:00Z" },
      { ...mine, quote: "in review, due in March, newer", status: "in_review", dueOn: "2026-03-01", updatedAt: "2026-01-09T00:00:00Z" },
      { ...mine, quote: "draft, undated", status: "draft" },
      { ...mine, quote: "rejected, undated", status: "rejected" },
      { ...mine, quote: "approved, undated", status: "approved" },
      { assignee: ed, quote: "Ed's, overdue", status: "in_review", dueOn: "2025-01-01" },
    );
    const page = await listQueue(db(), rita, { assignee: "me" });
    expect(page.query).toMatchObject({ sort: "urgency", dir: "asc" });
    expect(page.rows.map((row) => row.quote)).toEqual([
      "draft, overdue",
      "in review, due in March, older",
      "in review, due in March, newer",
      "changes requested, due in March",
      "draft, due in March",
      "in review, undated",
      "draft, undated",
      "approved, long overdue",
      "approved, undated",
      "rejected, undated",
    ]);
  });

  it("offers everyone as filter choices, disabled people marked, and the title of the article filtered by", async () => {
    await addUser(db(), "reviewer", { name: "Zoe Gone", disabled: true });
    const choices = await listQueueChoices(db(), rita);
    expect(choices.people.map((person) => [person.name, person.disabled])).toEqual([
      ["Ada Admin", false],
      ["Ed Editor", false],
      ["Rita Reviewer", false],
      ["Zoe Gone", true],
    ]);
    expect(choices.article).toBeNull();
    expect((await listQueueChoices(db(), rita, budget)).article).toEqual({ id: budget, title: "Budget figures" });
    // An address naming no article (deleted since, or mistyped) filters by nothing that has a title to show.
    expect((await listQueueChoices(db(), rita, "00000000-0000-4000-8000-000000000000")).article).toBeNull();
    expect((await listQueueChoices(db(), rita, "not-an-id")).article).toBeNull();
  });

  it("offers the claimants named on claims, each name once whatever its case, the most often named first", async () => {
    const named = (name: string): Claimant => ({ name, kind: "person", role: null });
    await claims(
      { quote: "One", claimant: named("Zed Zulu") },
      { quote: "Two", claimant: named("zed zulu") },
      { quote: "Three", claimant: named("Amy Able") },
      { quote: "Four", claimant: named("Bob Baker") },
      { quote: "Five" },
      { quote: "Six", claimant: named("Gone Away"), discarded: true },
    );
    const { claimants } = await listQueueChoices(db(), rita);
    expect(claimants.map((name) => name.toLowerCase())).toEqual(["zed zulu", "amy able", "bob baker"]);
  });
});
