import { and, asc, eq, isNotNull } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { annotations, readerMessages, reviewEvents } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { Forbidden, Invalid, Unauthenticated } from "@/lib/errors";
import { setArticleTopics } from "@/lib/articles/topics";
import { publishArticle } from "@/lib/publishing/service";
import { receiveReaderMessage } from "@/lib/reader-messages/receive";
import { changeStatus } from "@/lib/reviews/service";
import { deskStatistics } from "@/lib/statistics/desk";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addDesk, completeClaim, selectorsOf } from "./fixtures";

const HOUR = 3_600_000;

describeOnEveryEngine("the desk's statistics", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };
  const now = new Date();

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** A claim on `exact` taken through `steps`: the author submits it, the editor decides and reopens. */
  async function claim(exact: string, steps: string[], input: object = {}) {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim, ...input });
    let { version, status } = created;
    for (const to of steps) {
      const submits = to === "in_review" && (status === "draft" || status === "changes_requested");
      ({ version, status } = await changeStatus(db(), submits ? author : editor, created.id, { to, version, comment: "A reason." }));
    }
    return created.id;
  }

  /** Dates the claim's status changes (its creation left aside), oldest first, that many hours before now. */
  async function dateEvents(annotationId: string, hoursAgo: number[]) {
    const events = await db()
      .select({ id: reviewEvents.id })
      .from(reviewEvents)
      .where(and(eq(reviewEvents.annotationId, annotationId), isNotNull(reviewEvents.fromStatus)))
      .orderBy(asc(reviewEvents.createdAt));
    expect(events).toHaveLength(hoursAgo.length);
    for (const [index, event] of events.entries()) {
      await db().update(reviewEvents).set({ createdAt: new Date(now.getTime() - hoursAgo[index]! * HOUR) }).where(eq(reviewEvents.id, event.id));
    }
  }

  /** The desk of the example: five claims in every stage, on dates known to the hour. */
  async function busyDesk() {
    const approved = await claim("United States", ["in_review", "approved"]);
    await dateEvents(approved, [10, 8]);
    const rejected = await claim("anti-personnel mines", ["in_review", "changes_requested", "in_review", "rejected"]);
    await dateEvents(rejected, [20, 19, 5, 1]);
    const waiting = await claim("non-persistent", ["in_review"]);
    await dateEvents(waiting, [6]);
    const reopened = await claim("deactivate on their own", ["in_review", "approved", "in_review"]);
    await dateEvents(reopened, [30, 27, 2]);
    const overdue = await claim("Officials said the mines", []);
    await db().update(annotations).set({ assigneeId: author.id, dueOn: new Date(now.getTime() - 24 * HOUR).toISOString().slice(0, 10) }).where(eq(annotations.id, overdue));
    await publishArticle(db(), editor, article.id);
    return { approved, rejected, waiting, reopened, overdue };
  }

  it("counts the period's submissions and decisions, the claims it approved by verdict, and what waits now", async () => {
    await busyDesk();
    const figures = await deskStatistics(db(), editor, { days: "7" }, now);
    expect(figures.days).toBe(7);
    expect(Date.parse(figures.since)).toBe(now.getTime() - 7 * 24 * HOUR);
    expect(figures.flow).toEqual({ submitted: 5, approved: 2, changesRequested: 1, rejected: 1, reopened: 1 });
    // The reopened claim was approved in the period but is in review again: only the one still approved counts.
    expect(figures.approvedByVerdict).toEqual([{ verdict: "mostly_true", count: 1 }]);
    expect(figures.published).toBe(1);
    expect(figures.waiting).toEqual({ inReview: 2, oldestInReviewSince: new Date(now.getTime() - 6 * HOUR).toISOString(), changesRequested: 0, overdue: 1 });
  });

  it("times each decision from the submission it answered: the median and the slowest tenth", async () => {
    await busyDesk();
    // Decisions waited 2 h (approved), 1 h and 4 h (the changes asked, then the rejection) and 3 h (approved before its reopening).
    const { decisionTimes } = await deskStatistics(db(), editor, {}, now);
    expect(decisionTimes.decisions).toBe(4);
    expect(decisionTimes.medianHours).toBeCloseTo(2.5, 6);
    expect(decisionTimes.slowestTenthHours).toBeCloseTo(3.7, 6);
  });

  it("says who submitted, had approved and decided what, the busiest first", async () => {
    await busyDesk();
    const { people } = await deskStatistics(db(), editor, {}, now);
    expect(people).toEqual([
      { id: author.id, name: "Rita Reviewer", submitted: 5, approved: 2, decided: 0 },
      { id: editor.id, name: "Eddie Editor", submitted: 0, approved: 0, decided: 4 },
    ]);
  });

  it("lists who made the claims approved in the period and still approved, any case together, the most approved first", async () => {
    const by = (name: string, verdict: string) => ({ claimant: { name, kind: "person" }, verdict });
    await claim("United States", ["in_review", "approved"], by("Ana Ortiz", "false"));
    await claim("anti-personnel mines", ["in_review", "approved"], by("ana ortiz", "mostly_true"));
    await claim("non-persistent", ["in_review", "approved"], by("Tom Reyes", "mostly_true"));
    await claim("deactivate on their own", ["in_review", "approved", "in_review"], by("Reopened Person", "true"));
    await claim("Officials said the mines", ["in_review", "approved"]);
    const older = await claim("Ukrainian territory", ["in_review", "approved"], by("Old Claimant", "false"));
    await dateEvents(older, [24 * 10, 24 * 10 - 1]);

    const { claimants } = await deskStatistics(db(), editor, { days: "7" }, now);
    expect(claimants.map((each) => ({ ...each, name: each.name.toLowerCase() }))).toEqual([
      { name: "ana ortiz", approved: 2, verdicts: [{ verdict: "mostly_true", count: 1 }, { verdict: "false", count: 1 }] },
      { name: "tom reyes", approved: 1, verdicts: [{ verdict: "mostly_true", count: 1 }] },
    ]);
    // One spelling for the claimant, whichever of their claims' groups it comes from.
    expect(["Ana Ortiz", "ana ortiz"]).toContain(claimants[0]!.name);
    expect((await deskStatistics(db(), editor, { days: "30" }, now)).claimants.map((each) => each.name)).toContain("Old Claimant");
  });

  it("counts the claims approved in the period under each topic of their article, the most approved first", async () => {
    await setArticleTopics(db(), editor, article.id, { topics: ["Ukraine", "Defence"] });
    await claim("United States", ["in_review", "approved"], { verdict: "false" });
    await claim("anti-personnel mines", ["in_review", "approved"]);
    await claim("deactivate on their own", ["in_review", "approved", "in_review"]);
    const older = await claim("Ukrainian territory", ["in_review", "approved"]);
    await dateEvents(older, [24 * 10, 24 * 10 - 1]);
    const both = [{ verdict: "mostly_true", count: 1 }, { verdict: "false", count: 1 }];
    expect((await deskStatistics(db(), editor, { days: "7" }, now)).topics).toEqual([
      { name: "Defence", approved: 2, verdicts: both },
      { name: "Ukraine", approved: 2, verdicts: both },
    ]);
    expect((await deskStatistics(db(), editor, { days: "30" }, now)).topics.map((topic) => topic.approved)).toEqual([3, 3]);
  });

  it("leaves out what happened before the period", async () => {
    const { approved } = await busyDesk();
    await dateEvents(approved, [24 * 10, 24 * 10 - 2]);
    const week = await deskStatistics(db(), editor, { days: "7" }, now);
    expect(week.flow).toMatchObject({ submitted: 4, approved: 1 });
    expect(week.approvedByVerdict).toEqual([]);
    expect(week.decisionTimes.decisions).toBe(3);
    const month = await deskStatistics(db(), editor, { days: "30" }, now);
    expect(month.flow).toMatchObject({ submitted: 5, approved: 2 });
    expect(month.approvedByVerdict).toEqual([{ verdict: "mostly_true", count: 1 }]);
  });

  it("is empty on a quiet desk: no decision, no time", async () => {
    const figures = await deskStatistics(db(), editor, { days: "90" }, now);
    expect(figures).toMatchObject({
      flow: { submitted: 0, approved: 0, changesRequested: 0, rejected: 0, reopened: 0 },
      approvedByVerdict: [],
      decisionTimes: { decisions: 0, medianHours: null, slowestTenthHours: null },
      published: 0,
      waiting: { inReview: 0, oldestInReviewSince: null, changesRequested: 0, overdue: 0 },
      people: [],
      claimants: [],
      topics: [],
      readers: { received: 0, handled: 0, medianHoursToHandle: null, waiting: 0, oldestWaitingSince: null },
    });
  });

  it("counts readers' messages received and handled in the period, how fast they were handled, and those waiting", async () => {
    await publishArticle(db(), editor, article.id);
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
    for (const [sender, hours] of [["a", 24 * 10], ["b", 30], ["c", 6], ["d", 2]] as const) {
      await receiveReaderMessage(db(), "mines-for-ukraine", { message: `From ${sender}.` }, sender, hoursAgo(hours));
    }
    const messages = await db().select({ id: readerMessages.id, body: readerMessages.body }).from(readerMessages);
    const handled = (body: string, hours: number) =>
      db().update(readerMessages).set({ handledAt: hoursAgo(hours), handledBy: editor.id }).where(eq(readerMessages.id, messages.find((m) => m.body === body)!.id));
    await handled("From a.", 24 * 9);
    await handled("From b.", 26);
    await handled("From c.", 4);

    const week = await deskStatistics(db(), editor, { days: "7" }, now);
    expect(week.readers).toMatchObject({ received: 3, handled: 2, waiting: 1, oldestWaitingSince: hoursAgo(2).toISOString() });
    // Four hours for b's, two for c's.
    expect(week.readers.medianHoursToHandle).toBeCloseTo(3, 5);
    expect((await deskStatistics(db(), editor, { days: "30" }, now)).readers).toMatchObject({ received: 4, handled: 3 });
  });

  it("counts a claim overdue once its due day has ended in the newsroom's time zone", async () => {
    const due = await claim("Officials said the mines", []);
    await db().update(annotations).set({ assigneeId: author.id, dueOn: "2026-12-02" }).where(eq(annotations.id, due));
    // 03:30 UTC on 3 December: the 2nd has ended in UTC, not yet in New York.
    const lateEveningInNewYork = new Date("2026-12-03T03:30:00Z");
    expect((await deskStatistics(db(), editor, {}, lateEveningInNewYork)).waiting.overdue).toBe(1);
    vi.stubEnv("NEWSROOM_TIME_ZONE", "America/New_York");
    try {
      expect((await deskStatistics(db(), editor, {}, lateEveningInNewYork)).waiting.overdue).toBe(0);
      expect((await deskStatistics(db(), editor, {}, new Date("2026-12-03T05:00:00Z"))).waiting.overdue).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("is for editors and admins, over a week, a month or a quarter", async () => {
    await expect(deskStatistics(db(), author, {}, now)).rejects.toBeInstanceOf(Forbidden);
    await expect(deskStatistics(db(), null, {}, now)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(deskStatistics(db(), { ...editor, disabled: true }, {}, now)).rejects.toBeInstanceOf(Forbidden);
    await expect(deskStatistics(db(), editor, { days: "5" }, now)).rejects.toMatchObject({ name: "Invalid", fields: { days: "must be one of 7, 30, 90" } });
    await expect(deskStatistics(db(), editor, { period: "7" }, now)).rejects.toBeInstanceOf(Invalid);
  });
});
