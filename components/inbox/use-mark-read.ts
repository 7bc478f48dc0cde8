"use client";

import { useEffect } from "react";
import { markReadAndRecount } from "./inbox-link";

/** What shows a person is at the page: they move, click, type, scroll or touch. */
const PRESENCE_EVENTS = ["pointermove", "pointerdown", "keydown", "wheel", "touchstart"] as const;
/**
 * How recently they must have done so for what arrives on their open claim to count as seen: well
 * within the two minutes after which the inbox emails what was not seen.
 */
const PRESENT_WITHIN_MS = 60_000;

let lastPresentAt = Date.now();
let following = false;

/** Starts noting when the person was last at the page, once per page. */
function followPresence(): void {
  if (following) return;
  following = true;
  lastPresentAt = Date.now();
  for (const type of PRESENCE_EVENTS) window.addEventListener(type, () => (lastPresentAt = Date.now()), { capture: true, passive: true });
}

const present = () => document.visibilityState === "visible" && Date.now() - lastPresentAt < PRESENT_WITHIN_MS;

/**
 * Posts `opened` to mark what the inbox holds of it read, now if the person is at the page, else once
 * they are back (with the tab visible); answers how to stop waiting.
 */
function markWhenPresent(opened: { annotationId: string } | { articleId: string }): (() => void) | undefined {
  followPresence();
  const mark = () => markReadAndRecount("/api/inbox/read", opened);
  if (present()) {
    mark();
    return;
  }
  const markOnceBack = () => {
    if (document.visibilityState !== "visible") return;
    stopWaiting();
    mark();
  };
  const stopWaiting = () => {
    for (const type of PRESENCE_EVENTS) window.removeEventListener(type, markOnceBack, { capture: true });
  };
  for (const type of PRESENCE_EVENTS) window.addEventListener(type, markOnceBack, { capture: true, passive: true });
  return stopWaiting;
}

/**
 * Marks read what the reader's inbox holds of the claim they have open (`claimId`, null while none is),
 * so that the header's count drops at once: when they open it, and again whenever what they see of it
 * changes (`seen`, which changes with its discussion and its review), since what a colleague did to a
 * claim on the reader's screen reached them there. Only while they are at the page: with the tab behind
 * others, or no move of theirs for a minute (gone for a coffee, the claim left open), it stays new, and
 * is emailed, until they are back. A failure is left alone: the items stay new in the inbox, which is
 * what the person will see.
 */
export function useMarkClaimRead(claimId: string | null, seen: string | undefined): void {
  useEffect(() => {
    if (!claimId) return;
    return markWhenPresent({ annotationId: claimId });
  }, [claimId, seen]);
}

/**
 * Marks read what the reader's inbox holds of the article they opened (its original changed: the
 * article says so above its text), as `useMarkClaimRead` does for a claim: once, as the page opens,
 * or once they are back at it.
 */
export function useMarkArticleRead(articleId: string): void {
  useEffect(() => markWhenPresent({ articleId }), [articleId]);
}
