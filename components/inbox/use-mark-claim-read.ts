"use client";

import { useEffect } from "react";
import { markReadAndRecount } from "./inbox-link";

/**
 * Marks read what the reader's inbox holds of the claim they open (`claimId`, null while none is), so
 * that the header's count drops at once; each time another claim is opened. A failure is left alone:
 * the items stay new in the inbox, which is what the person will see.
 */
export function useMarkClaimRead(claimId: string | null): void {
  useEffect(() => {
    if (!claimId) return;
    markReadAndRecount("/api/inbox/read", { annotationId: claimId });
  }, [claimId]);
}
