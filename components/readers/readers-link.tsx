"use client";

import Link from "next/link";
import { callApi } from "../api-client";
import { HeaderCount } from "../header-count";
import { usePolledCount } from "../use-polled-count";

/** The event the list of readers' messages sends when a message was handled, made new again or deleted here. */
export const READER_MESSAGES_CHANGED_EVENT = "readers:changed";

const askNew = () => callApi<{ new: number }>("GET", "/api/reader-messages/count").then((answer) => answer.new);

/**
 * The header's way to readers' messages (editors), with how many wait, kept current as `usePolledCount`
 * says; kept in sight on a phone while some wait.
 */
export function ReadersLink({ initialNew }: { initialNew: number }) {
  const waiting = usePolledCount(initialNew, askNew, READER_MESSAGES_CHANGED_EVENT);
  return (
    <Link href="/readers" className={waiting > 0 ? "site-header__pinned" : undefined}>
      From readers
      <HeaderCount count={waiting} />
    </Link>
  );
}
