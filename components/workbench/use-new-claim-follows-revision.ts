"use client";

import { useEffect } from "react";
import { followRevision } from "@/lib/annotations/follow-revision";
import { callApi } from "../api-client";
import type { OpenForm } from "./use-unsaved-form";

type SetForm = (next: (current: OpenForm | null) => OpenForm | null) => void;

/**
 * Keeps the selection of a new claim, not saved yet, on its text when the article gets a newer
 * revision while the form is open (saved on this page, imported, or saved by someone else; or
 * while the form waited in this browser's storage): the selection is re-anchored from the revision
 * it was made on, as saved claims are. The form then says whether the revision edited the selected
 * words or removed them (`revised`); what the fact-checker typed stays in it either way.
 */
export function useNewClaimFollowsRevision(articleId: string, form: OpenForm | null, setForm: SetForm, article: { revision: number; plainText: string }) {
  const stale = form?.mode === "create" && form.revision !== undefined && form.revision < article.revision && form.revised?.outcome !== "removed" ? form : null;
  const madeOn = stale?.revision;
  const [start, end] = [stale?.selectors[1].start, stale?.selectors[1].end];

  useEffect(() => {
    if (!stale || madeOn === undefined) return;
    let cancelled = false;
    const sameSelection = (open: OpenForm | null): open is Extract<OpenForm, { mode: "create" }> =>
      open?.mode === "create" && open.revision === madeOn && open.selectors[1].start === start && open.selectors[1].end === end;
    callApi<{ revision: { plainText: string } }>("GET", `/api/articles/${articleId}/revisions/${madeOn}`).then(
      ({ revision: { plainText: oldText } }) => {
        if (cancelled) return;
        const followed = followRevision(oldText, article.plainText, stale.selectors);
        setForm((open) => {
          if (!sameSelection(open)) return open;
          if (followed.outcome === "removed") return { ...open, revised: { revision: article.revision, outcome: "removed" } };
          const revised = followed.outcome === "changed" ? { revision: article.revision, outcome: "changed" as const } : open.revised;
          return { ...open, selectors: followed.selectors, revision: article.revision, revised };
        });
      },
      // Left as it is: saving it would then be refused with a message saying the quote no longer matches.
      () => {},
    );
    return () => {
      cancelled = true;
    };
    // `stale` is read only when the selection, its revision or the article's revision changes: typing in the form must not fetch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, madeOn, start, end, article.revision, article.plainText, setForm]);
}
