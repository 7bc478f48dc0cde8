import { ARTICLE_DETAIL_FIELDS, ARTICLE_DETAIL_LABELS } from "@/lib/articles/detail-fields";
import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import { REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/reviews/statuses";
import { formatDueDate } from "@/lib/dates";
import { quoteChange } from "@/lib/revisions/quote-change";
import type { AuditEntryRecord } from "./queries";

type Values = Record<string, unknown> | null;

const asValues = (value: unknown): Values => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
const statusLabel = (status: unknown) => REVIEW_STATUS_LABELS[status as ReviewStatus] ?? String(status);
const verdictLabel = (verdict: unknown) => (verdict ? (VERDICT_LABELS[verdict as Verdict] ?? String(verdict)) : "no verdict");
const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Who made the claim, as an entry names them: "who made it from Jane Doe to John Roe, senator". */
function claimantChange(before: unknown, after: unknown): string {
  const line = (claimant: unknown) => {
    const named = asValues(claimant);
    if (!named || typeof named.name !== "string") return "nobody named";
    return typeof named.role === "string" ? `${named.name}, ${named.role}` : named.name;
  };
  if (line(before) === line(after)) return `whether ${line(after)} is a person or an organization`;
  return `who made it from ${line(before)} to ${line(after)}`;
}

/** The fields an "updated" entry changed, named for people. */
function changedContent(before: Values, after: Values): string {
  const parts: string[] = [];
  if (after && "verdict" in after) parts.push(`verdict from ${verdictLabel(before?.verdict)} to ${verdictLabel(after.verdict)}`);
  if (after && "claimant" in after) parts.push(claimantChange(before?.claimant, after.claimant));
  if (after && "explanation" in after) parts.push("the explanation");
  if (after && "quote" in after) parts.push("the quoted text");
  return parts.length ? `changed ${parts.join(" and ")}` : "changed the claim";
}

/** An editor's note to readers on the public page's correction or update of the claim. */
function correctionNote(before: Values, after: Values): string {
  if (!after?.correctionNote) return "removed the note to readers on its public correction";
  return `${before?.correctionNote ? "changed" : "wrote"} the note to readers on its public correction: “${String(after.correctionNote)}”`;
}

/** A revision carried the claim along: where its words changed, how (“…was 7 to 2.” → “…was 8 to 1.”). */
function reanchored(before: Values, after: Values): string {
  const toCheck = after?.placementChecked === false ? " (to check)" : "";
  const change = typeof before?.quote === "string" && typeof after?.quote === "string" ? quoteChange(before.quote, after.quote) : null;
  if (!change) return `moved with the text in revision ${String(after?.revision)}${toCheck}`;
  return `saved revision ${String(after?.revision)}, which changed its words: “${change.before}” → “${change.after}”${toCheck}`;
}

/** What an admin changed of a webhook: its settings by name, and whether its secret was replaced. */
function webhookChanges(before: Values, after: Values): string {
  const changed = Object.keys(after ?? {}).filter((key) => key !== "secret" && JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
  if (after?.active === false && before?.active === true) changed.splice(changed.indexOf("active"), 1, "paused it");
  if (after?.active === true && before?.active === false) changed.splice(changed.indexOf("active"), 1, "resumed it");
  if (after?.secret === "replaced") changed.push("a new secret");
  return changed.join(", ") || "nothing";
}

/** An editor changed the article's details: which, and the title's words before and after. */
function changedDetails(before: Values, after: Values): string {
  const fields = ARTICLE_DETAIL_FIELDS.filter((field) => after && field in after);
  const named = fields.map((field) => (field === "title" ? `title from “${String(before?.title ?? "")}” to “${String(after?.title ?? "")}”` : ARTICLE_DETAIL_LABELS[field]));
  return `changed the article's ${named.join(", ")}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assignment(entry: AuditEntryRecord): string {
  const after = asValues(entry.after);
  const assignee = asValues(after?.assignee ?? null) as { id?: string; name?: string } | null;
  const dueOn = typeof after?.dueOn === "string" ? after.dueOn : null;
  const due = dueOn ? `, due ${ISO_DATE.test(dueOn) ? formatDueDate(dueOn) : dueOn}` : "";
  if (!assignee) return `removed the assignment${due}`;
  if (assignee.id === entry.actor?.id) return `took the claim${due}`;
  return `assigned it to ${assignee.name ?? "someone"}${due}`;
}

/**
 * One line saying what an audit entry records, without its author ("changed verdict from True to
 * False"): the card's history and the audit page put the person and the time beside it.
 */
export function describeEntry(entry: AuditEntryRecord): string {
  const before = asValues(entry.before);
  const after = asValues(entry.after);
  switch (`${entry.subject}.${entry.action}`) {
    case "annotation.created":
      return "created the claim";
    case "annotation.updated":
      return after && "correctionNote" in after ? correctionNote(before, after) : changedContent(before, after);
    case "annotation.deleted":
      return "deleted the claim";
    case "annotation.status_changed":
      return `moved it from ${statusLabel(before?.status)} to ${statusLabel(after?.status)}${after?.verdict ? `, rated ${verdictLabel(after.verdict)}` : ""}`;
    case "annotation.assigned":
      return assignment(entry);
    case "annotation.orphaned":
      return `lost its text in revision ${String(after?.revision)} (orphaned)`;
    case "annotation.reanchored":
      return reanchored(before, after);
    case "annotation.reattached":
      return after?.byRevision ? `saved revision ${String(after.revision)}, which brought its text back${after.placementChecked === false ? " (to check)" : ""}` : "re-attached it to the text";
    case "annotation.discarded":
      return "discarded it";
    case "annotation.placement_confirmed":
      return "confirmed its placement";
    case "source.created":
      return `added ${plural(count(entry.after), "source")}`;
    case "source.updated":
      if (count(entry.before) === 0) return `added ${plural(count(entry.after), "source")}`;
      if (count(entry.after) === 0) return "removed every source";
      return `changed the sources (${count(entry.before)} → ${count(entry.after)})`;
    case "comment.created":
      return after?.parentId ? "replied in the discussion" : "commented";
    case "comment.updated":
      return "edited a comment";
    case "comment.deleted":
      return "deleted a comment";
    case "comment.resolved":
      return "resolved a thread of the discussion";
    case "comment.reopened":
      return after?.byReply ? "reopened a resolved thread by replying in it" : "reopened a resolved thread of the discussion";
    case "article.created":
      return `added the article “${String(after?.title ?? "")}”`;
    case "article.revised":
      return `saved revision ${String(after?.revision)} of the article`;
    case "article.updated":
      if (after && "publicSummary" in after) return after.publicSummary ? `${before?.publicSummary ? "changed" : "wrote"} the summary readers see: “${String(after.publicSummary)}”` : "removed the summary readers see";
      if (after && "archived" in after) return after.archived ? "archived the article" : "restored the article from the archive";
      if (after && "originalChangeDismissed" in after) return "dismissed a change of the article's original (nothing in it for the fact-check)";
      if (after && "topics" in after) return topicsChange(after.topics);
      return after && ARTICLE_DETAIL_FIELDS.some((field) => field in after) ? changedDetails(before, after) : "changed the article";
    case "article.deleted":
      return `deleted the article “${String(before?.title ?? "")}”, imported by mistake`;
    case "article.published":
      return `published the article at /p/${String(after?.slug ?? "")}`;
    case "article.unpublished":
      return "unpublished the article";
    case "article.imported":
      return `imported ${plural(Number(after?.annotations ?? 0), "claim")} from a W3C annotation file`;
    case "user.created":
      return `added the user ${String(after?.name ?? "")} (${String(after?.role ?? "")})`;
    case "user.signed_in_first_time":
      return `signed up through single sign-on as ${String(after?.name ?? "")}`;
    case "user.backed_up":
      return `downloaded a backup of the whole desk (${String(after?.file ?? "")})`;
    case "user.signed_out_everywhere":
      return "signed out everywhere: every session of the account ended";
    case "user.updated":
      if (after?.twoStep) return `turned two-step sign-in ${String(after.twoStep)}`;
      if (after?.recoveryCodes) return "replaced the recovery codes of two-step sign-in";
      if (after?.passwordReset) return "set a new password through a link emailed to them";
      if (after?.recoveryCodeUsed) return `signed in with a recovery code (${String(after.recoveryCodesLeft)} left)`;
      if (after && "selfRegistration" in after) {
        return after.selfRegistration ? "let people create their own reviewer account through single sign-on" : "stopped self-registration through single sign-on";
      }
      if (after && "twoStepRequired" in after) return after.twoStepRequired ? "required two-step sign-in of editors and admins" : "stopped requiring two-step sign-in";
      return `changed the user's ${Object.keys(after ?? {}).join(", ") || "account"}`;
    case "webhook.created":
      return `added the webhook ${String(after?.url ?? "")}, for ${Array.isArray(after?.events) ? after.events.join(", ") : "no events"}`;
    case "webhook.updated":
      return `changed the webhook ${String(after?.url ?? "")}: ${webhookChanges(before, after)}`;
    case "webhook.deleted":
      return `deleted the webhook ${String(before?.url ?? "")}`;
    case "reader_message.updated":
      if (!after?.handled) return "marked a reader's message new again";
      return `marked a reader's message handled${after.note ? `: ${String(after.note)}` : ""}`;
    case "reader_message.deleted": {
      const received = `received ${String(before?.receivedAt ?? "").slice(0, 10)}`;
      return before?.tip ? `deleted a reader's tip, ${received}` : `deleted a reader's message about “${String(before?.articleTitle ?? "")}”, ${received}`;
    }
    default:
      return `${entry.action.replace(/_/g, " ")} (${entry.subject})`;
  }
}

/** A change of an article's topics, as the audit trail says it. */
function topicsChange(topics: unknown): string {
  const names = Array.isArray(topics) ? topics.map(String) : [];
  return names.length === 0 ? "filed the article under no topic" : `filed the article under ${names.map((name) => `“${name}”`).join(", ")}`;
}
