import type { Metadata } from "next";
import Link from "next/link";
import { InboxLink } from "@/components/inbox/inbox-link";
import { ReadersLink } from "@/components/readers/readers-link";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteNav } from "@/components/site-nav";
import { TimeZoneProvider } from "@/components/time-zone";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { countUnread } from "@/lib/comments/inbox";
import { newsroomConfig } from "@/lib/newsroom/config";
import { countNewReaderMessages } from "@/lib/reader-messages/desk";
import { timeZoneLabel } from "@/lib/time-zone";
import { ROLE_LABELS } from "@/lib/users/roles";
import "./globals.css";

// Every page depends on who is signed in.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Fact-check desk", template: "%s · Fact-check desk" },
  description: "Annotate the claims in news articles with verdicts and sources, and review them before publication.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  const db = actor && !actor.disabled ? await getDb() : null;
  const { timeZone } = newsroomConfig();
  const zoneLabel = timeZoneLabel(timeZone);
  const [unread, fromReaders] = db ? await Promise.all([countUnread(db, actor), countNewReaderMessages(db, actor)]) : [0, 0];
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-header__brand">
            Fact-check desk
          </Link>
          {actor && !actor.disabled && (
            <SiteNav>
              <Link href="/">Articles</Link>
              <Link href="/queue">Review queue</Link>
              <Link href="/queue?assignee=me">My queue</Link>
              <InboxLink initialUnread={unread} />
              {actor.role !== "reviewer" && <ReadersLink initialNew={fromReaders} />}
              {actor.role !== "reviewer" && <Link href="/statistics">Statistics</Link>}
              {actor.role === "admin" && <Link href="/admin/users">Users</Link>}
              {actor.role === "admin" && <Link href="/admin/audit">Audit trail</Link>}
              {actor.role === "admin" && <Link href="/admin/backups">Backups</Link>}
              {actor.role === "admin" && <Link href="/admin/webhooks">Webhooks</Link>}
              <Link href="/account" className="site-header__user" aria-label={`Your account: ${actor.name} (${ROLE_LABELS[actor.role]})`}>
                {actor.name} <span className="muted">({ROLE_LABELS[actor.role]})</span>
              </Link>
              <SignOutButton />
            </SiteNav>
          )}
        </header>
        <main id="main">
          <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>
        </main>
        {actor && !actor.disabled && (
          <footer className="site-footer muted">
            Dates and times are {zoneLabel}
            {zoneLabel !== timeZone && ` (${timeZone})`}.
          </footer>
        )}
      </body>
    </html>
  );
}
