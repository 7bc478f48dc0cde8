"use client";

import { useEffect } from "react";
import { markReadAndRecount } from "./inbox-link";

/**
 * Marks the inbox read up to `until`, the moment the page was made, once the page is on screen: the
 * items stay marked new on this page, and the header's count shows what came since. A failure is
 * left alone: the items stay unread, which is what the person will see.
 */
export function MarkInboxSeen({ until }: { until: string }) {
  useEffect(() => {
    markReadAndRecount("/api/inbox/seen", { until });
  }, [until]);
  return null;
}
