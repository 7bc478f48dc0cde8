"use client";

import { useEffect, useState } from "react";
import type { ReaderMessage } from "@/lib/reader-messages/desk";
import { mayHandleReaderMessages } from "@/lib/policies/reader-message";
import type { Actor } from "@/lib/users/actor";
import { shortened } from "@/lib/shortened";
import { callApi } from "../api-client";
import { DeskTime } from "../time-zone";

/** The newest messages a card shows; the rest are a click away on From readers. */
const SHOWN = 3;

/**
 * What readers wrote about this claim from its public page, for editors (who read and answer them): the
 * newest few, new or handled, with a link to all of the article's. Nothing when none wrote, or for reviewers.
 */
export function ClaimReaderMessages({ annotationId, articleId, actor }: { annotationId: string; articleId: string; actor: Actor }) {
  const editor = mayHandleReaderMessages(actor).allowed;
  const [answer, setAnswer] = useState<{ messages: ReaderMessage[]; counts: { new: number; handled: number } } | null>(null);
  useEffect(() => {
    if (!editor) return;
    let current = true;
    callApi<{ messages: ReaderMessage[]; counts: { new: number; handled: number } }>("GET", `/api/reader-messages?claim=${annotationId}&state=all`).then(
      (list) => current && setAnswer(list),
      // Only a pointer to the messages: without it, the card is as it was.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [annotationId, editor]);
  if (!answer || answer.messages.length === 0) return null;
  const total = answer.counts.new + answer.counts.handled;
  return (
    <section className="claim-reader-messages" aria-label="Readers' messages about this claim">
      <h3 className="section-title">
        From readers: {total} {total === 1 ? "message" : "messages"}
        {answer.counts.new > 0 && <>, {answer.counts.new} new</>}
      </h3>
      <ul>
        {answer.messages.slice(0, SHOWN).map((message) => (
          <li key={message.id}>
            <span className="muted">
              <DeskTime at={message.receivedAt} /> · {message.handled ? `handled by ${message.handled.by}` : "new"}
            </span>
            <p>{shortened(message.body, 280)}</p>
          </li>
        ))}
      </ul>
      <a href={`/readers?article=${articleId}${answer.counts.new > 0 ? "" : "&state=all"}`}>Read and answer on From readers</a>
    </section>
  );
}
