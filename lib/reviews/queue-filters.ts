import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { annotations } from "@/db/schema";
import { madeBy } from "@/lib/annotations/claimant-sql";
import { onArticleFiledUnder } from "@/lib/articles/topics";
import { startOfDayIn } from "@/lib/day-bounds";
import { newsroomConfig } from "@/lib/newsroom/config";
import type { Verdict } from "@/lib/annotations/verdicts";
import type { Actor } from "@/lib/users/actor";
import { NO_VERDICT, type QueueQuery } from "./queue-input";

/** Every claim the queue lists: discarded orphans have left their article, and the queue with it. */
const listedInQueue = isNull(annotations.discardedAt);

function verdictCondition(verdicts: QueueQuery["verdict"]): SQL | undefined {
  if (!verdicts.length) return undefined;
  const given = verdicts.filter((verdict): verdict is Verdict => verdict !== NO_VERDICT);
  const withoutVerdict = verdicts.includes(NO_VERDICT) ? isNull(annotations.verdict) : undefined;
  return or(given.length ? inArray(annotations.verdict, given) : undefined, withoutVerdict);
}

function placementCondition(placements: QueueQuery["placement"]): SQL | undefined {
  if (!placements.length) return undefined;
  const toCheck = placements.includes("check") ? and(isNull(annotations.orphanedAt), eq(annotations.placementChecked, false)) : undefined;
  const orphaned = placements.includes("orphaned") ? isNotNull(annotations.orphanedAt) : undefined;
  return or(toCheck, orphaned);
}

function assigneeCondition(assignee: QueueQuery["assignee"], actor: Actor): SQL | undefined {
  if (!assignee) return undefined;
  if (assignee === "unassigned") return isNull(annotations.assigneeId);
  return eq(annotations.assigneeId, assignee === "me" ? actor.id : assignee);
}

/**
 * Claims whose words, with the name of who made them, match a search as one types it in a search
 * engine (web search syntax): every word, in any form ("mines" finds "mine"), "a phrase" in quotes,
 * -a word left out, or either. "Doe mines" finds Jane Doe's claims about mines.
 */
const searchCondition = (search: string) => sql`${annotations.searchTerms} @@ websearch_to_tsquery('english', ${search})`;

/**
 * The query's filters as SQL, the status apart: the counts per status are taken under every other
 * filter, so that each status tab says what choosing it would show.
 */
export function queueConditions(query: QueueQuery, actor: Actor): { others: SQL | undefined; status: SQL | undefined } {
  const { timeZone } = newsroomConfig();
  return {
    others: and(
      listedInQueue,
      query.q ? searchCondition(query.q) : undefined,
      verdictCondition(query.verdict),
      placementCondition(query.placement),
      assigneeCondition(query.assignee, actor),
      query.author ? eq(annotations.authorId, query.author === "me" ? actor.id : query.author) : undefined,
      query.article ? eq(annotations.articleId, query.article) : undefined,
      query.claimant ? madeBy(query.claimant) : undefined,
      query.topic ? onArticleFiledUnder(query.topic) : undefined,
      // Days of the newsroom's calendar, whoever opens the link: the page names the zone beside the fields.
      query.from ? gte(annotations.updatedAt, startOfDayIn(query.from, timeZone)) : undefined,
      query.to ? lt(annotations.updatedAt, startOfDayIn(query.to, timeZone, 1)) : undefined,
    ),
    status: query.status.length ? inArray(annotations.status, query.status) : undefined,
  };
}
