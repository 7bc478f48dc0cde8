"use client";

import { useEffect, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import type { Replacement } from "@/lib/revisions/orphan-replacement";
import { annotationApi } from "./annotation-api";

type Props = {
  orphan: AnnotationRecord;
  /** The article's revision: asked again when it changes. */
  revision: number;
  onReattach(orphan: AnnotationRecord, selectors: Replacement["selectors"]): void;
};

/**
 * Under an orphan, the text a revision wrote in place of its own (a sentence reworded beyond what
 * re-anchoring keeps), for a person to read and, if it is the same claim, re-attach it to in one
 * step. Nothing when nothing took its place.
 */
export function ReplacementOffer({ orphan, revision, onReattach }: Props) {
  const [replacement, setReplacement] = useState<{ for: string; value: Replacement | null } | null>(null);
  const key = `${orphan.id}@${revision}`;
  useEffect(() => {
    let current = true;
    annotationApi.replacement(orphan.id).then(
      (value) => current && setReplacement({ for: key, value }),
      () => current && setReplacement({ for: key, value: null }),
    );
    return () => {
      current = false;
    };
  }, [orphan.id, key]);
  const offered = replacement?.for === key ? replacement.value : null;
  if (!offered) return null;
  return (
    <div className="replacement-offer">
      <p>
        In its place the article now says: <q>{offered.text}</q>
      </p>
      <button type="button" className="secondary" onClick={() => onReattach(orphan, offered.selectors)}>
        Re-attach to this text
      </button>
    </div>
  );
}
