"use client";

import { useRouter } from "next/navigation";
import { callApi } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";
import { DeskTime } from "../time-zone";

type Props = { articleId: string; title: string; deletable: boolean };

/**
 * **Archive** beside the article's details, for editors, and **Delete** for an article imported by mistake
 * (never published, no claim). Each asks first.
 */
export function ArchiveControls({ articleId, title, deletable }: Props) {
  const router = useRouter();
  const { confirm, dialog } = useConfirm();
  const { busy, error, run } = useApiAction();

  async function archive() {
    const yes = await confirm({
      question: `Archive “${title}”?`,
      detail: "It leaves the list of articles for its Archived view, where anyone on the desk can open it and an editor can restore it. Its claims stay in the review queue, and its public page, if published, stays up.",
      action: "Archive",
    });
    if (yes && (await run(() => callApi("POST", `/api/articles/${articleId}/archive`)))) router.refresh();
  }

  async function remove() {
    const yes = await confirm({
      question: `Delete “${title}”?`,
      detail: "It was never published and has no claims, so nothing of the desk's work goes with it. Its text and revisions are deleted for good; the audit trail keeps a line of it.",
      action: "Delete article",
      destructive: true,
    });
    if (yes && (await run(() => callApi("DELETE", `/api/articles/${articleId}`)))) {
      router.push("/");
      router.refresh();
    }
  }

  return (
    <>
      <button type="button" className="link-button" disabled={busy} onClick={() => void archive()}>
        Archive
      </button>
      {deletable && (
        <>
          {" · "}
          <button type="button" className="link-button link-button--danger" disabled={busy} onClick={() => void remove()}>
            Delete
          </button>
        </>
      )}
      {error && (
        <span className="field-error" role="alert">
          {" "}
          {error}
        </span>
      )}
      {dialog}
    </>
  );
}

/** Above an archived article: since when, by whom, and, for editors, **Restore**. */
export function ArchivedNotice({ articleId, archived, canRestore }: { articleId: string; archived: { at: string; by: string | null }; canRestore: boolean }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  return (
    <div className="notice archived-notice" role="status">
      <p>
        Archived <DeskTime at={archived.at} />
        {archived.by && ` by ${archived.by}`}: this article is off the list of articles. Its claims and its public page are as they were.
      </p>
      {canRestore && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void run(() => callApi("DELETE", `/api/articles/${articleId}/archive`)).then((done) => done && router.refresh())}>
          {busy ? "Restoring…" : "Restore to the list"}
        </button>
      )}
      <Message text={error} />
    </div>
  );
}
