"use client";

import { useEffect } from "react";
import { markReadAndRecount } from "./inbox-link";

/**
 * Marks read what the reader's inbox holds of the claim they have open (`claimId`, null while none is),
 * so that the header's count drops at once: when they open it, and again whenever what they see of it
 * changes (`seen`, which changes with its discussion and its review), since what a colleague did to a
 * claim on the reader's screen reached them there. Only while the page is in view: a claim open in a
 * tab behind others is marked once the reader comes back to it. A failure is left alone: the items
 * stay new in the inbox, which is what the person will see.
 */
export function useMarkClaimRead(claimId: string | null, seen: string | undefined): void {
  useEffect(() => {
    if (!claimId) return;
    const mark = () => markReadAndRecount("/api/inbox/read", { annotationId: claimId });
    if (document.visibilityState === "visible") {
      mark();
      return;
    }
    const markOnceVisible = () => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", markOnceVisible);
      mark();
    };
    document.addEventListener("visibilitychange", markOnceVisible);
    return () => document.removeEventListener("visibilitychange", markOnceVisible);
  }, [claimId, seen]);
}
