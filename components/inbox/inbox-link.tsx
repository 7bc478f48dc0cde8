"use client";

import Link from "next/link";
import { callApi } from "../api-client";
import { HeaderCount } from "../header-count";
import { usePolledCount } from "../use-polled-count";

/** The event the inbox page sends once it has marked the inbox read, with what is still unread. */
export const INBOX_SEEN_EVENT = "inbox:seen";

/**
 * Posts `body` to one of the inbox's routes that mark items read, and sets the header's count to the
 * `unread` it answers. A failure is left alone: the items stay new, which is what the person will see.
 */
export function markReadAndRecount(path: "/api/inbox/seen" | "/api/inbox/read", body: Record<string, string>): void {
  callApi<{ unread: number }>("POST", path, body)
    .then((answer) => window.dispatchEvent(new CustomEvent(INBOX_SEEN_EVENT, { detail: answer.unread })))
    .catch(() => undefined);
}

const askUnread = () => callApi<{ unread: number }>("GET", "/api/inbox/unread").then((answer) => answer.unread);

/**
 * The header's way to the inbox, with how many items (comments, decisions on their claims) are new, kept
 * current as `usePolledCount` says, so that a mention reaches a reader who stays on one page; set at once
 * when the inbox page marks the inbox read.
 */
export function InboxLink({ initialUnread }: { initialUnread: number }) {
  const unread = usePolledCount(initialUnread, askUnread, INBOX_SEEN_EVENT);
  return (
    <Link href="/inbox" className="site-header__pinned">
      Inbox
      <HeaderCount count={unread} />
    </Link>
  );
}
