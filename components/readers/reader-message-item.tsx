"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import { useConfirm } from "@/components/confirm-dialog";
import { useTimeZone } from "@/components/time-zone";
import { useApiAction } from "@/components/use-api-action";
import { READER_MESSAGES_CHANGED_EVENT } from "./readers-link";
import type { ReaderMessage } from "@/lib/reader-messages/desk";
import { MAX_HANDLED_NOTE_LENGTH } from "@/lib/reader-messages/input";
import { shortened } from "@/lib/shortened";
import { formatDayIn, formatMomentIn } from "@/lib/time-zone";
import { isSafeHttpUrl } from "@/lib/urls";


/**
 * A mail to the reader, its subject naming the article and its body quoting their message (the start of it:
 * mail programs cut long mailto: links), for the editor to write above.
 */
function replyLink(message: ReaderMessage, email: string, timeZone: string): string {
  const quoted = shortened(message.body, 500).replace(/^/gm, "> ");
  const about = message.article ? `about “${message.article.title}”` : "to suggest a claim to check";
  const body = `\n\nOn ${formatMomentIn(message.receivedAt, timeZone)} you wrote ${about}:\n${quoted}\n`;
  const subject = message.article ? `Your message about “${message.article.title}”` : "Your suggestion of a claim to check";
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** One reader's message on the desk: what it is about, what it says, how to answer, and marking it handled (with what was done) or new again. */
export function ReaderMessageItem({ message }: { message: ReaderMessage }) {
  const router = useRouter();
  const timeZone = useTimeZone();
  const when = (iso: string) => formatMomentIn(iso, timeZone);
  const { busy, error, run } = useApiAction();
  const { confirm, dialog } = useConfirm();
  const [note, setNote] = useState("");
  const noteId = `handled-note-${message.id}`;

  /** The list is drawn again, and the header's count asked again. */
  const changed = () => {
    router.refresh();
    window.dispatchEvent(new Event(READER_MESSAGES_CHANGED_EVENT));
  };

  const mark = async (handled: boolean) => {
    const body = handled ? { handled, note } : { handled };
    if (await run(() => callApi("PATCH", `/api/reader-messages/${message.id}`, body))) changed();
  };

  const remove = async () => {
    const yes = await confirm({
      question: "Delete this reader's message?",
      detail: "For spam, or when the reader asks for their message to be erased: its words and the reader's email are deleted for good. The audit trail keeps only that it was deleted.",
      action: "Delete message",
      destructive: true,
    });
    if (yes && (await run(() => callApi("DELETE", `/api/reader-messages/${message.id}`)))) changed();
  };

  return (
    <li className={`reader-messages__item${message.handled ? " reader-messages__item--handled" : ""}`} aria-labelledby={`reader-message-${message.id}`}>
      <p className="reader-messages__meta muted" id={`reader-message-${message.id}`}>
        <time dateTime={message.receivedAt}>{when(message.receivedAt)}</time> ·{" "}
        {message.article ? (
          <>
            on <Link href={`/articles/${message.article.id}`}>{message.article.title}</Link>
            {message.article.slug && (
              <>
                {" "}
                (<a href={`/p/${message.article.slug}`}>public page</a>)
              </>
            )}
          </>
        ) : (
          "a tip, from the index of fact-checks"
        )}
      </p>
      <p className="reader-messages__about">
        <About message={message} />
      </p>
      <blockquote className="reader-messages__body">{message.body}</blockquote>
      <p className="reader-messages__contact">
        {message.contactEmail ? (
          <>
            Reply to <a href={replyLink(message, message.contactEmail, timeZone)}>{message.contactEmail}</a>
            {message.emailKeptUntil && <span className="muted"> · kept until {formatDayIn(message.emailKeptUntil, timeZone)}, then erased</span>}
          </>
        ) : (
          <span className="muted">{message.emailErased ? "The reader's email, if they gave one, has been erased since the message was handled." : "The reader gave no email."}</span>
        )}
      </p>
      {message.handled ? (
        <div className="reader-messages__handled">
          <p>
            Handled by {message.handled.by}, <time dateTime={message.handled.at}>{when(message.handled.at)}</time>
            {message.handled.note && <>: {message.handled.note}</>}
          </p>
          <div className="reader-messages__actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => mark(false)}>
              Mark as new again
            </button>
            <DeleteButton busy={busy} onClick={remove} />
          </div>
        </div>
      ) : (
        <div className="reader-messages__handle">
          <label htmlFor={noteId}>What you did (optional, for colleagues)</label>
          <textarea id={noteId} rows={2} maxLength={MAX_HANDLED_NOTE_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} placeholder="Answered by email; corrected the claim" />
          <div className="reader-messages__actions">
            <button type="button" disabled={busy} onClick={() => mark(true)}>
              Mark handled
            </button>
            <DeleteButton busy={busy} onClick={remove} />
          </div>
        </div>
      )}
      {error && (
        <p className="form-message" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </li>
  );
}

/** What the message is about: a claim (a link to it while it is on the desk), the whole fact-check, or, for a tip, a claim to check and where the reader saw it. */
function About({ message }: { message: ReaderMessage }) {
  if (!message.article) {
    return (
      <>
        A claim to check
        {message.link && isSafeHttpUrl(message.link) && (
          <>
            , seen at{" "}
            <a href={message.link} rel="nofollow noopener noreferrer" target="_blank">
              {shortened(message.link, 90)}
            </a>
          </>
        )}
      </>
    );
  }
  if (!message.claim) return <>About the whole fact-check</>;
  return (
    <>
      About the claim <q>{message.claim.quote}</q>{" "}
      {message.claim.id ? (
        <Link href={`/articles/${message.article.id}?annotation=${message.claim.id}`}>Open the claim</Link>
      ) : (
        <span className="muted">(no longer on the desk)</span>
      )}
    </>
  );
}

function DeleteButton({ busy, onClick }: { busy: boolean; onClick(): void }) {
  return (
    <button type="button" className="link-button link-button--danger" disabled={busy} onClick={onClick}>
      Delete
    </button>
  );
}
