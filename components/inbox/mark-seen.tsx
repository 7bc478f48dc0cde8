"use client";

import { useEffect } from "react";
import { callApi } from "../api-client";

/**
 * Marks the inbox read up to `until`, the moment the page was made, once the page is on screen; the
 * items stay marked new on this page, and the count in the header clears from the next one. A
 * failure is left alone: the items stay unread, which is what the person will see.
 */
export function MarkInboxSeen({ until }: { until: string }) {
  useEffect(() => {
    void callApi("POST", "/api/inbox/seen", { until }).catch(() => undefined);
  }, [until]);
  return null;
}
