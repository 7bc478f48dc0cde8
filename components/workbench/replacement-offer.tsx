"use client";

import { useEffect, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import type { Replacement } from "@/lib/revisions/orphan-replacement";
import { annotationApi } from "./annotation-api";

/**
 * What the revisions put in place of each orphan's text, by annotation id, asked once for the
 * article's orphans and again when the revision or the orphans change. Empty until it has come.
 */
export function useOrphanReplacements(articleId: string, revision: number, orphans: AnnotationRecord[]): Record<string, Replacement> {
  const key = `${articleId}@${revision}:${orphans.map((orphan) => orphan.id).join()}`;
  const [answer, setAnswer] = useState<{ key: string; replacements: Record<string, Replacement> } | null>(null);
  const hasOrphans = orphans.length > 0;
  useEffect(() => {
    if (!hasOrphans) return;
    let current = true;
    annotationApi.orphanReplacements(articleId).then(
      (replacements) => current && setAnswer({ key, replacements }),
      // Only an offer: without it, the orphan is re-attached by selecting its text.
      () => current && setAnswer({ key, replacements: {} }),
    );
    return () => {
      current = false;
    };
  }, [articleId, key, hasOrphans]);
  return answer?.key === key ? answer.replacements : {};
}

type Props = { orphan: AnnotationRecord; replacement: Replacement; onReattach(orphan: AnnotationRecord, selectors: Replacement["selectors"]): void };

/**
 * Under an orphan, the text a revision wrote in place of its own (a sentence reworded beyond what
 * re-anchoring keeps), for a person to read and, if it is the same claim, re-attach it to in one step.
 */
export function ReplacementOffer({ orphan, replacement, onReattach }: Props) {
  return (
    <div className="replacement-offer">
      <p>
        In its place the article now says: <q>{replacement.text}</q>
      </p>
      <button type="button" className="secondary" onClick={() => onReattach(orphan, replacement.selectors)}>
        Re-attach to this text
      </button>
    </div>
  );
}
