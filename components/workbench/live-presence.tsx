"use client";

import type { Person } from "./live-events";
import type { LiveStatus } from "./use-live-article";

type Props = { status: LiveStatus; present: Person[]; selfId: string };

/** Where signing in again comes back to: this page. */
const signInReturn = () => `${window.location.pathname}${window.location.search}`;

/** Who else has the article open, and whether live updates are flowing. */
export function LivePresence({ status, present, selfId }: Props) {
  const others = present.filter((person) => person.id !== selfId);
  return (
    <div className="live-presence">
      <p className="live-presence__people" aria-live="polite">
        {others.length ? `Also here: ${others.map((person) => person.name).join(", ")}` : ""}
      </p>
      <p className="live-presence__status muted" role="status">
        {status === "reconnecting" && "Reconnecting… changes made meanwhile will appear when the connection is back."}
        {status === "refused" && (
          <>
            Live updates stopped: your session ended (a password changed or reset, Sign out everywhere, or a disabled account). What you have not
            saved stays in this browser. <a href={`/signin?callbackUrl=${encodeURIComponent(signInReturn())}`}>Sign in again</a>
          </>
        )}
      </p>
    </div>
  );
}
