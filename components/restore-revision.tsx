"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { savedMessage } from "@/lib/revisions/saved-message";
import type { RevisionSaved } from "@/lib/revisions/service";
import { ApiError, callApi } from "./api-client";
import { useConfirm } from "./confirm-dialog";
import { Message } from "./message";

type Props = { articleId: string; revision: number; currentRevision: number };

/**
 * Restores an older revision's text as the next revision, after asking: the claims move with the
 * text and orphans whose words come back return to them. Nothing is lost, as every revision stays.
 */
export function RestoreRevision({ articleId, revision, currentRevision }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const { confirm, dialog } = useConfirm();

  async function restore() {
    const restoring = {
      question: `Restore the text of revision ${revision}?`,
      detail: `It becomes revision ${currentRevision + 1}, and the claims move with it. Every revision stays in the history.`,
      action: `Restore as revision ${currentRevision + 1}`,
    };
    if (!(await confirm(restoring))) return;
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await callApi<RevisionSaved>("POST", `/api/articles/${articleId}/revisions/${revision}/restore`, { baseRevision: currentRevision });
      setOutcome({ text: savedMessage(saved, "Restored as"), error: false });
      router.refresh();
    } catch (error) {
      setOutcome({ text: error instanceof ApiError ? error.message : "The revision could not be restored. Reload the page and try again.", error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="restore-revision">
      {revision !== currentRevision && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void restore()}>
          {busy ? "Restoring…" : `Restore revision ${revision}`}
        </button>
      )}
      <Message text={outcome?.text} error={outcome?.error} />
      {outcome && !outcome.error && <Link href={`/articles/${articleId}`}>Open the article</Link>}
      {dialog}
    </div>
  );
}
