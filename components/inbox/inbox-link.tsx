"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "../api-client";
import { HeaderCount } from "../header-count";

/** The event the inbox page sends once it has marked the inbox read, with what is still unread. */
export const INBOX_SEEN_EVENT = "inbox:seen";

/** How often an open page asks for the count again, while the reader can see it. */
const POLL_MS = 60_000;

/**
 * The header's way to the inbox, with how many items (comments, decisions on their claims) are new. The root layout is not drawn again
 * when the app moves between pages, so the count is asked for again at each move; also when the
 * reader comes back to the tab, and every minute while they look at it, so a mention reaches a
 * reader who stays on one page. It is set at once when the inbox page marks the inbox read.
 */
export function InboxLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  const first = useRef(true);
  // Bumped by each count asked for and by the inbox being marked read: an answer to an older
  // question (a count taken before the inbox was marked read) is dropped.
  const generation = useRef(0);

  // A failed count keeps the last one.
  const refresh = useCallback(() => {
    const asked = ++generation.current;
    callApi<{ unread: number }>("GET", "/api/inbox/unread")
      .then((answer) => asked === generation.current && setUnread(answer.unread))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    // The server counted for the first page.
    if (first.current) {
      first.current = false;
      return;
    }
    refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const whenVisible = () => document.visibilityState === "visible" && refresh();
    const timer = window.setInterval(whenVisible, POLL_MS);
    document.addEventListener("visibilitychange", whenVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", whenVisible);
    };
  }, [refresh]);

  useEffect(() => {
    const seen = (event: Event) => {
      generation.current++;
      setUnread((event as CustomEvent<number>).detail);
    };
    window.addEventListener(INBOX_SEEN_EVENT, seen);
    return () => window.removeEventListener(INBOX_SEEN_EVENT, seen);
  }, []);

  return (
    <Link href="/inbox">
      Inbox
      <HeaderCount count={unread} />
    </Link>
  );
}
