import type { Metadata } from "next";
import Link from "next/link";
import { MarkInboxSeen } from "@/components/inbox/mark-seen";
import { Pagination } from "@/components/pagination";
import { DeskTime } from "@/components/time-zone";
import { getDb } from "@/db/client";
import { myDueWork, type DueWork } from "@/lib/annotations/due-work";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listInbox, type ClaimInboxItem, type InboxPage, type OriginalInboxItem } from "@/lib/comments/inbox";
import { inboxEntries, type InboxEntry } from "@/lib/comments/inbox-entries";
import { inboxActionOf, inboxDueLineOf, originalChangeOf } from "@/lib/comments/inbox-wording";
import { formatDueDate } from "@/lib/dates";
import { Invalid } from "@/lib/errors";
import { deskMail } from "@/lib/notifications/desk-mail";
import { delayInWords } from "@/lib/notifications/mail-settings";
import { shortened } from "@/lib/shortened";
import { isSafeHttpUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inboxHref = (page: number) => (page > 1 ? `/inbox?page=${page}` : "/inbox");
const claimHref = (item: ClaimInboxItem) => `/articles/${item.article.id}?annotation=${item.claim.id}`;
/** A thread's first comment is both a comment item (a mention) and its resolution's: the kind tells them apart. */
const entryKey = (entry: InboxEntry) => {
  const first = entry.kind === "group" ? entry.items[0] : entry.item;
  return `${first.kind}:${first.id}`;
};

/** The most claims due the inbox lists above its items; My queue holds them all. */
const DUE_LISTED = 5;

const claimsDue = (n: number) => `${n} ${n === 1 ? "claim" : "claims"}`;

/** The claims assigned to the reader that are due by today, overdue ones first: what to do before anything new. */
function DueByToday({ due }: { due: DueWork }) {
  const overdue = due.claims.filter((claim) => claim.dueOn < due.today).length;
  return (
    <section className="notice inbox-due" aria-labelledby="inbox-due-heading">
      <h2 id="inbox-due-heading">
        Due by today: {claimsDue(due.total)} assigned to you{overdue > 0 && due.total === due.claims.length && `, ${overdue} overdue`}
      </h2>
      <ul>
        {due.claims.map((claim) => (
          <li key={claim.id}>
            <Link href={`/articles/${claim.article.id}?annotation=${claim.id}`}>“{shortened(claim.quote, 120)}”</Link> in {claim.article.title} ·{" "}
            {claim.dueOn < due.today ? <strong>overdue since {formatDueDate(claim.dueOn)}</strong> : "due today"}
          </li>
        ))}
      </ul>
      {due.total > due.claims.length && (
        <p>
          <Link href="/queue?assignee=me">{`And ${due.total - due.claims.length} more in My queue`}</Link>
        </p>
      )}
    </section>
  );
}

/** The original of an article the reader works on changed: the article shows it, and what to do. */
function OriginalEntry({ item }: { item: OriginalInboxItem }) {
  return (
    <li className={item.unread ? "inbox-item inbox-item--unread" : "inbox-item"}>
      <p className="inbox-item__what">
        {item.unread && <span className="inbox-item__new">New</span>}
        <strong>The original</strong> of{" "}
        <em>
          <Link href={`/articles/${item.article.id}`}>{item.article.title}</Link>
        </em>{" "}
        has changed at{" "}
        {isSafeHttpUrl(item.original.url) ? (
          <a href={item.original.url} target="_blank" rel="noopener noreferrer nofollow">
            its web address
          </a>
        ) : (
          "its web address"
        )}
        :
      </p>
      <p className="inbox-item__detail">{originalChangeOf(item)}.</p>
      <p className="muted inbox-item__when"><DeskTime at={item.createdAt} /></p>
    </li>
  );
}

function Entry({ entry }: { entry: InboxEntry }) {
  if (entry.kind === "original") return <OriginalEntry item={entry.item} />;
  const items: readonly ClaimInboxItem[] = entry.kind === "group" ? entry.items : [entry.item];
  const first = entry.kind === "group" ? entry.items[0] : entry.item;
  const unread = items.some((item) => item.unread);
  return (
    <li className={unread ? "inbox-item inbox-item--unread" : "inbox-item"}>
      <p className="inbox-item__what">
        {unread && <span className="inbox-item__new">New</span>}
        <strong>{first.author.name}</strong> {inboxActionOf(first, items.length)}{" "}
        {entry.kind === "item" ? (
          <>
            <Link href={claimHref(first)}>“{first.claim.quote}”</Link> in <em>{first.article.title}</em>
          </>
        ) : (
          <>
            in <em>{first.article.title}</em>:
          </>
        )}
      </p>
      {inboxDueLineOf(first) && <p className="inbox-item__due">{inboxDueLineOf(first)}</p>}
      {first.excerpt && <blockquote className="inbox-item__excerpt">{first.excerpt}</blockquote>}
      {entry.kind === "group" && (
        <ul className="inbox-item__claims">
          {entry.items.map((item) => (
            <li key={item.id}>
              <Link href={claimHref(item)}>“{item.claim.quote}”</Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted inbox-item__when"><DeskTime at={first.createdAt} /></p>
    </li>
  );
}

/** What is for the signed-in person (comments for them, what others did to their claims), newest first; opening it marks it read. */
export default async function InboxPageView({ searchParams }: Props) {
  const page = [(await searchParams).page].flat()[0];
  const actor = await requirePageActor(page ? `/inbox?page=${encodeURIComponent(page)}` : "/inbox");
  const renderedAt = new Date().toISOString();
  const mail = deskMail()?.settings;
  const db = await getDb();
  let inbox: InboxPage;
  try {
    inbox = await listInbox(db, actor, page ? { page } : {});
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return (
      <div className="page">
        <h1>Inbox</h1>
        <p role="alert">
          There is no such page of your inbox: {error.fields.page ?? error.message}. <Link href="/inbox">Open your inbox</Link>
        </p>
      </div>
    );
  }
  const due = await myDueWork(db, actor, DUE_LISTED);
  return (
    <div className="page">
      <h1>Inbox</h1>
      <p className="muted">
        Mentions, replies in your threads and those threads resolved; on your claims, what others decided and the revisions that
        took their text; the claims given to you or taken off you; the originals of the articles you work on, changed at their web
        address. Newest first. Opening a claim or an article, from here or anywhere, marks what is here of it read.
        {mail && (
          <>
            {" "}
            What you have not seen here within {delayInWords(mail.delaySeconds)} can be emailed to you:{" "}
            <Link href="/account#notifications">Email notifications</Link>.
          </>
        )}
      </p>
      <MarkInboxSeen until={renderedAt} />
      {due.total > 0 && <DueByToday due={due} />}
      {inbox.items.length > 0 ? (
        <ol className="inbox-list" aria-label={`Inbox, ${inbox.unread} new`}>
          {inboxEntries(inbox.items).map((entry) => (
            <Entry key={entryKey(entry)} entry={entry} />
          ))}
        </ol>
      ) : inbox.total > 0 ? (
        <p role="status">
          There is no page {inbox.page}: your inbox fills {inbox.pageCount} {inbox.pageCount === 1 ? "page" : "pages"}.{" "}
          <Link href={inboxHref(inbox.pageCount)}>Go to the last page</Link>
        </p>
      ) : (
        <p className="empty-state">
          Nothing yet. When a colleague mentions you with @, replies in or resolves a thread you are in, or reviews a claim of yours, it appears here.
        </p>
      )}
      <Pagination page={inbox.page} pageCount={inbox.pageCount} href={inboxHref} />
    </div>
  );
}
