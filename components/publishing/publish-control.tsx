"use client";

import { useState } from "react";
import type { Publication } from "@/lib/publishing/service";
import { callApi } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";

type Props = { articleId: string; initial: Publication; canPublish: boolean; appUrl: string };

/** Whether the fact-check is public, its address to copy, and (for editors) Publish and Unpublish. */
export function PublishControl({ articleId, initial, canPublish, appUrl }: Props) {
  const [publication, setPublication] = useState(initial);
  const { busy, error, run } = useApiAction();
  const [copied, setCopied] = useState(false);
  const { confirm, dialog } = useConfirm();
  const publicUrl = publication.slug ? `${appUrl}/p/${publication.slug}` : null;

  async function change(method: "POST" | "DELETE") {
    const unpublish = { question: "Unpublish this fact-check?", detail: "Its public page answers “not found” until you publish again.", action: "Unpublish", destructive: true };
    if (method === "DELETE" && !(await confirm(unpublish))) return;
    await run(async () => setPublication((await callApi<{ publication: Publication }>(method, `/api/articles/${articleId}/publication`)).publication));
  }

  async function copy() {
    if (!publicUrl) return;
    await navigator.clipboard.writeText(publicUrl);
    setCopied(true);
  }

  return (
    <div className="publish-control">
      {publication.publishedAt && publicUrl ? (
        <p className="publish-control__status">
          <span className="badge badge--published">Published</span>{" "}
          <a href={publicUrl} target="_blank" rel="noopener">
            {publicUrl}
          </a>{" "}
          <button type="button" className="secondary" onClick={copy}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </p>
      ) : (
        <p className="publish-control__status">
          <span className="badge">Not published</span> Only approved claims appear on the public page.
        </p>
      )}
      {canPublish &&
        (publication.publishedAt ? (
          <button type="button" className="danger" disabled={busy} onClick={() => change("DELETE")}>
            Unpublish
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => change("POST")}>
            Publish
          </button>
        ))}
      <Message text={error} />
      {dialog}
    </div>
  );
}
