/**
 * The queries the benchmark times: what the review desk asks the queue all day (the target applies
 * to these), then every other sort over the whole queue, and a deep page, for the record.
 */
import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, users } from "@/db/schema";
import type { Actor } from "@/lib/users/actor";

export type Scenario = {
  name: string;
  params: Record<string, string | string[]>;
  /** Whether the target (first page under 50 ms p99 on PostgreSQL) applies. */
  targeted: boolean;
};

export type ScenarioSubjects = { me: Actor; reviewerId: string; authorId: string; articleId: string; claimant: string };

function isoDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** The people and the article the scenarios filter on: the busiest, as the worst case of a filter. */
export async function pickSubjects(db: Database): Promise<ScenarioSubjects> {
  const [busiestAssignee] = await db
    .select({ id: annotations.assigneeId })
    .from(annotations)
    .groupBy(annotations.assigneeId)
    .having(sql`${annotations.assigneeId} is not null`)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  const [busiestAuthor] = await db.select({ id: annotations.authorId }).from(annotations).groupBy(annotations.authorId).orderBy(desc(sql`count(*)`)).limit(1);
  const [busiestArticle] = await db.select({ id: annotations.articleId }).from(annotations).groupBy(annotations.articleId).orderBy(desc(sql`count(*)`)).limit(1);
  const [busiestClaimant] = await db
    .select({ name: annotations.claimantName })
    .from(annotations)
    .groupBy(annotations.claimantName)
    .having(sql`${annotations.claimantName} is not null`)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  const [me] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, busiestAssignee!.id!));
  return { me: me!, reviewerId: busiestAssignee!.id!, authorId: busiestAuthor!.id, articleId: busiestArticle!.id, claimant: busiestClaimant!.name! };
}

export function scenarios({ reviewerId, authorId, articleId, claimant }: ScenarioSubjects): Scenario[] {
  return [
    { name: "status=in_review, newest change first", params: { status: "in_review" }, targeted: true },
    { name: "assignee=one reviewer, due soonest first", params: { assignee: reviewerId, sort: "due" }, targeted: true },
    { name: "My queue (assignee=me), most urgent first", params: { assignee: "me" }, targeted: true },
    { name: "verdict=false + article, newest change first", params: { verdict: "false", article: articleId }, targeted: true },
    { name: "author + last 14 days, newest change first", params: { author: authorId, from: isoDay(14), to: isoDay(0) }, targeted: true },
    { name: "verdict=none (no verdict yet), by article title", params: { verdict: "none", sort: "article" }, targeted: true },
    { name: "status=in_review,changes_requested, due soonest first", params: { status: ["in_review", "changes_requested"], sort: "due" }, targeted: true },
    { name: "no filter, newest change first (counts over all)", params: {}, targeted: true },
    { name: "claimant=the most named, any case, newest change first", params: { claimant: claimant.toUpperCase() }, targeted: true },
    { name: "topic=one of ten (a tenth of the articles), any case, newest change first", params: { topic: "health" }, targeted: true },
    { name: "q=a claim's number (words found in one claim)", params: { q: "Claim 4321" }, targeted: true },
    { name: "q=minister (a word every claim holds)", params: { q: "minister" }, targeted: false },
    { name: "no filter, sort=created", params: { sort: "created" }, targeted: false },
    { name: "no filter, sort=due asc", params: { sort: "due" }, targeted: false },
    { name: "no filter, sort=due desc", params: { sort: "due", dir: "desc" }, targeted: false },
    { name: "no filter, sort=status", params: { sort: "status" }, targeted: false },
    { name: "no filter, sort=article", params: { sort: "article" }, targeted: false },
    { name: "no filter, sort=urgency", params: { sort: "urgency" }, targeted: false },
    { name: "status=approved, page 100 of 25 rows", params: { status: "approved", page: "100" }, targeted: false },
  ];
}
