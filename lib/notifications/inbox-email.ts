import type { ClaimInboxItem, InboxItem, OriginalInboxItem } from "@/lib/comments/inbox";
import { inboxEntries } from "@/lib/comments/inbox-entries";
import { inboxActionOf, inboxDueLineOf, originalChangeOf } from "@/lib/comments/inbox-wording";
import { formatDueDate } from "@/lib/dates";
import { shortened } from "@/lib/shortened";
import { timeZoneLabel } from "@/lib/time-zone";
import type { DueWork } from "@/lib/annotations/due-work";

/** An email as the desk sends it: plain text only, so that nothing anyone typed is ever rendered as HTML. */
export type Email = { to: { name: string; address: string }; subject: string; text: string };

/** How much of a claim's quote a subject line shows, and the email's text. */
const SUBJECT_QUOTE_LENGTH = 60;
const QUOTE_LENGTH = 200;

const claimUrl = (appUrl: string, item: ClaimInboxItem) => `${appUrl}/articles/${item.article.id}?annotation=${item.claim.id}`;

/** `text` on one line: what people typed may hold line breaks, which a subject line must not. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** A claim's quote on one line, shortened to `length`. */
const quoteOf = (item: ClaimInboxItem, length = QUOTE_LENGTH) => shortened(oneLine(item.claim.quote), length);

/** A comment's or a decision's words, quoted as mail quotes them. */
const quoted = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");

const claimsDue = (n: number) => `${n} ${n === 1 ? "claim" : "claims"} due`;

function subjectOf(items: readonly InboxItem[], total: number, newsroom: string, daily: boolean, due: DueWork | null): string {
  const [first] = items;
  if (daily) return oneLine(`Your day at ${newsroom}: ${[due?.total ? claimsDue(due.total) : "", total ? `${total} new in your inbox` : ""].filter(Boolean).join(", ")}`);
  if (total !== 1 || !first) return oneLine(`${total} new in your inbox at ${newsroom}`);
  if (first.kind === "original") return oneLine(`The original of “${shortened(oneLine(first.article.title), SUBJECT_QUOTE_LENGTH)}” has changed`);
  return oneLine(`${first.author.name} ${inboxActionOf(first)} “${quoteOf(first, SUBJECT_QUOTE_LENGTH)}”`);
}

/** A changed original, as an email tells it: what differs, the article on the desk, and the original. */
function originalLines(item: OriginalInboxItem, appUrl: string): string {
  return [
    `The original of “${oneLine(item.article.title)}” has changed at its web address: ${originalChangeOf(item)}.`,
    `The article: ${appUrl}/articles/${item.article.id}`,
    `The original: ${item.original.url}`,
  ].join("\n");
}

/** The claims due, as a daily email lists them first: each with its article, its day and a link to it. */
function dueLines(due: DueWork, appUrl: string): string {
  const lines = due.claims.map(
    (claim) =>
      `- “${shortened(oneLine(claim.quote), QUOTE_LENGTH)}” in ${oneLine(claim.article.title)}, ${claim.dueOn < due.today ? `overdue since ${formatDueDate(claim.dueOn)}` : "due today"}: ${appUrl}/articles/${claim.article.id}?annotation=${claim.id}`,
  );
  if (due.total > due.claims.length) lines.push(`- and ${due.total - due.claims.length} more in My queue: ${appUrl}/queue?assignee=me`);
  return [`Assigned to you and due by today (${claimsDue(due.total)}):`, ...lines].join("\n");
}

/** Where an email is from and, for someone who wants one a day, when it goes (HH:MM in the newsroom's time zone). */
export type EmailSender = { appUrl: string; newsroom: string; daily: { at: string; timeZone: string } | null };

/**
 * The email telling `person` of what landed in their inbox: `items`, the newest of `total`, each with
 * a link to its claim (several of one act on an article's claims told once, as the inbox groups
 * them), and where to turn these emails off or change how often they come. A daily email lists first
 * the claims `due` by the day, when there are any.
 */
export function inboxEmail(person: { name: string; email: string }, items: readonly InboxItem[], total: number, desk: EmailSender, due: DueWork | null = null): Email {
  const paragraphs = [`Hello ${oneLine(person.name)},`];
  if (due?.total) paragraphs.push(dueLines(due, desk.appUrl));
  if (desk.daily) paragraphs.push(total ? `New in your inbox at ${desk.newsroom} since your last daily email:` : `Nothing new in your inbox at ${desk.newsroom} since your last daily email.`);
  else paragraphs.push(`New in your inbox at ${desk.newsroom}:`);
  for (const entry of inboxEntries(items)) {
    if (entry.kind === "original") {
      paragraphs.push(originalLines(entry.item, desk.appUrl));
      continue;
    }
    const first = entry.kind === "group" ? entry.items[0] : entry.item;
    const lines =
      entry.kind === "item"
        ? [`${first.author.name} ${inboxActionOf(first)} “${quoteOf(first)}” in ${oneLine(first.article.title)}:`, claimUrl(desk.appUrl, first)]
        : [
            `${first.author.name} ${inboxActionOf(first, entry.items.length)} in ${oneLine(first.article.title)}:`,
            ...entry.items.map((item) => `- “${quoteOf(item)}”: ${claimUrl(desk.appUrl, item)}`),
          ];
    if (first.excerpt) lines.splice(1, 0, quoted(first.excerpt));
    const due = inboxDueLineOf(first);
    if (due) lines.splice(1, 0, due);
    paragraphs.push(lines.join("\n"));
  }
  if (total > items.length) paragraphs.push(`And ${total - items.length} more in your inbox.`);
  paragraphs.push(`Your inbox: ${desk.appUrl}/inbox`);
  paragraphs.push(
    desk.daily
      ? `You get this email once a day, at ${desk.daily.at} ${timeZoneLabel(desk.daily.timeZone)}, because you asked for what lands in your inbox in one daily email. ` +
          `To have it as it comes, or to stop these emails, change it on your account page: ${desk.appUrl}/account#notifications`
      : `You get this email because what lands in your inbox is emailed to you when you have not seen it in the desk. ` +
          `To stop these emails, or to have them once a day, change it on your account page: ${desk.appUrl}/account#notifications`,
  );
  return { to: { name: oneLine(person.name), address: person.email }, subject: subjectOf(items, total, desk.newsroom, desk.daily !== null, due), text: `${paragraphs.join("\n\n")}\n` };
}
