import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { ReaderMessageItem } from "@/components/readers/reader-message-item";
import "@/components/readers/reader-messages.css";
import { RefusedPage } from "@/components/refused-page";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { Invalid, NotFound } from "@/lib/errors";
import { searchParamsOf } from "@/lib/http/search-params";
import { mayHandleReaderMessages } from "@/lib/policies/reader-message";
import { listReaderMessages, type ReaderMessageQuery } from "@/lib/reader-messages/desk";

export const metadata: Metadata = { title: "From readers" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TAB_LABELS: Record<ReaderMessageQuery["state"], string> = { new: "New", handled: "Handled", all: "All" };

/** Readers' messages from the public pages (editors and admins): what they think the desk got wrong, to answer and correct. */
export default async function ReaderMessagesPage({ searchParams }: Props) {
  const actor = await requirePageActor("/readers");
  const decision = mayHandleReaderMessages(actor);
  if (!decision.allowed) return <RefusedPage title="From readers" reason={decision.reason} />;
  const query = Object.fromEntries(searchParamsOf(await searchParams));
  let list: Awaited<ReturnType<typeof listReaderMessages>>;
  try {
    list = await listReaderMessages(await getDb(), actor, query);
  } catch (error) {
    if (!(error instanceof Invalid || error instanceof NotFound)) throw error;
    return (
      <div className="page">
        <h1>From readers</h1>
        <p role="alert">
          This address asks for messages the page cannot show ({error instanceof Invalid ? Object.entries(error.fields).map(([field, problem]) => `${field} ${problem}`).join("; ") : error.message}).{" "}
          <Link href="/readers">Show the new messages</Link>
        </p>
      </div>
    );
  }
  const { state, q: search } = list.query;
  const tips = list.query.kind === "tips";
  const href = (changes: { state?: string; article?: string; kind?: string; q?: string; page?: number }) => {
    const params = new URLSearchParams();
    const merged = { state: state === "new" ? undefined : state, article: list.article?.id, kind: tips ? "tips" : undefined, q: search || undefined, ...changes };
    for (const [name, value] of Object.entries(merged)) if (value !== undefined && !(name === "page" && value === 1)) params.set(name, String(value));
    const address = params.toString();
    return address ? `/readers?${address}` : "/readers";
  };
  const counts = { ...list.counts, all: list.counts.new + list.counts.handled };
  return (
    <div className="page reader-messages-page">
      <h1>From readers</h1>
      <p className="muted">
        What readers of the public pages think the desk got wrong, and the claims they would like checked (<Link href={href({ kind: "tips", article: undefined, page: 1 })}>tips</Link>).
        Check each, correct what needs correcting (the page tells readers), answer those who gave an email, and mark it handled.
      </p>
      {tips && (
        <p className="notice">
          Tips only: claims readers would like checked. <Link href={href({ kind: undefined, page: 1 })}>Every message</Link>
        </p>
      )}
      {list.article && (
        <p className="notice">
          Messages about <Link href={`/articles/${list.article.id}`}>{list.article.title}</Link> only. <Link href={href({ article: undefined })}>Messages about every article</Link>
        </p>
      )}
      <form className="reader-messages-search" method="get" action="/readers" role="search">
        {state !== "new" && <input type="hidden" name="state" value={state} />}
        {list.article && <input type="hidden" name="article" value={list.article.id} />}
        {tips && <input type="hidden" name="kind" value="tips" />}
        <label htmlFor="reader-messages-q">Find messages</label>
        <input id="reader-messages-q" name="q" type="search" defaultValue={search} placeholder="Words of the message or the claim, an email" />
        <button type="submit" className="secondary">
          Find
        </button>
        {search && <Link href={href({ q: undefined, page: 1 })}>Show every message</Link>}
      </form>
      <nav aria-label="Messages" className="status-tabs">
        <ul>
          {(["new", "handled", "all"] as const).map((tab) => (
            <li key={tab}>
              <Link className="status-tab" href={href({ state: tab === "new" ? undefined : tab, page: 1 })} aria-current={tab === state ? "page" : undefined}>
                {TAB_LABELS[tab]} <span className="status-tab__count">{counts[tab].toLocaleString("en")}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.messages.length === 0 ? (
        <p className="muted">
          {search ? `No message here holds “${search}”.` : state === "new" ? "No message waits: every reader's message has been handled." : "No messages here."}
        </p>
      ) : (
        <ol className="reader-messages">
          {list.messages.map((message) => (
            <ReaderMessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
      <Pagination page={list.page} pageCount={list.pages} href={(page) => href({ page })} />
    </div>
  );
}
