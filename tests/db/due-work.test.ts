import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { annotations } from "@/db/schema";
import { myDueWork } from "@/lib/annotations/due-work";
import { createAnnotation } from "@/lib/annotations/service";
import { Unauthenticated } from "@/lib/errors";
import { dayIn } from "@/lib/time-zone";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addDesk, addUser, completeClaim, selectorsOf } from "./fixtures";

/** The day `days` from the newsroom's today, in `timeZone`. */
const dayFrom = (days: number, timeZone = "UTC") => dayIn(timeZone, new Date(Date.now() + days * 86_400_000));

describeOnEveryEngine("the claims due by today", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** A claim on `exact`, assigned to `assignee` and due on `dueOn`, its other columns as given. */
  async function assigned(exact: string, assignee: Actor, dueOn: string | null, columns: Partial<typeof annotations.$inferInsert> = {}) {
    const { id } = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
    await db().update(annotations).set({ assigneeId: assignee.id, dueOn, ...columns }).where(eq(annotations.id, id));
    return id;
  }

  it("lists the person's open claims due today or overdue, the earliest due first, and counts those it leaves out", async () => {
    const overdue = await assigned("anti-personnel mines", author, dayFrom(-3));
    const today = await assigned("non-persistent", author, dayFrom(0));
    const alsoOverdue = await assigned("United States", author, dayFrom(-1));
    await assigned("deactivate on their own", author, dayFrom(1));
    await assigned("Officials said the mines", editor, dayFrom(-1));
    await assigned("anti-personnel", author, dayFrom(-5), { status: "approved" });
    await assigned("Ukraine", author, dayFrom(-5), { discardedAt: new Date(), orphanedAt: new Date() });
    await assigned("mines", author, null);

    const due = await myDueWork(db(), author, 2);
    expect(due.today).toBe(dayFrom(0));
    expect(due.total).toBe(3);
    expect(due.claims.map((claim) => claim.id)).toEqual([overdue, alsoOverdue]);
    expect(due.claims[0]).toEqual({ id: overdue, quote: "anti-personnel mines", dueOn: dayFrom(-3), article: { id: article.id, title: "Mines for Ukraine" } });
    expect((await myDueWork(db(), author, 10)).claims.map((claim) => claim.id)).toEqual([overdue, alsoOverdue, today]);
    expect((await myDueWork(db(), await addUser(db(), "reviewer"), 10)).total).toBe(0);
  });

  it("counts by the newsroom's today, in its time zone", async () => {
    // A zone whose date differs from UTC's now: 14 hours ahead from 10:00 UTC, else 11 hours behind.
    const zone = dayFrom(0, "Pacific/Kiritimati") !== dayFrom(0) ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
    const [zoneToday, utcToday] = [dayFrom(0, zone), dayFrom(0)];
    // Due on the later of the two todays: due today where that day has come, not yet where it has not.
    await assigned("non-persistent", author, zoneToday > utcToday ? zoneToday : utcToday);
    vi.stubEnv("NEWSROOM_TIME_ZONE", zone);
    try {
      expect(await myDueWork(db(), author, 10)).toMatchObject({ today: zoneToday, total: zoneToday > utcToday ? 1 : 0 });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await myDueWork(db(), author, 10)).toMatchObject({ today: utcToday, total: zoneToday > utcToday ? 0 : 1 });
  });

  it("is for people signed in", async () => {
    await expect(myDueWork(db(), null, 5)).rejects.toBeInstanceOf(Unauthenticated);
  });
});
