"use client";

import { useState } from "react";
import { factCheckEmbedTitle } from "@/lib/publishing/embed";
import { publishQuestion, type PublicationReadiness } from "@/lib/publishing/readiness";
import type { Publication } from "@/lib/publishing/service";
import { callApi } from "../api-client";
import { copyToClipboard } from "../clipboard";
import { useConfirm } from "../confirm-dialog";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";
import { EmbedDialog } from "./embed-dialog";
import { usePublication } from "./publication-context";

type Props = { articleId: string; title: string; canPublish: boolean };

/** Whether the fact-check is public, its address to copy, and (for editors) Publish and Unpublish. */
export function PublishControl({ articleId, title, canPublish }: Props) {
  const { publication, setPublication, appUrl } = usePublication();
  const { busy, error, run } = useApiAction();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [embedding, setEmbedding] = useState(false);
  const { confirm, dialog } = useConfirm();
  const publicUrl = publication.slug ? `${appUrl}/p/${publication.slug}` : null;

  const path = `/api/articles/${articleId}/publication`;

  async function unpublish() {
    const question = { question: "Unpublish this fact-check?", detail: "Its public page answers “not found” until you publish again.", action: "Unpublish", destructive: true };
    if (!(await confirm(question))) return;
    await run(async () => setPublication((await callApi<{ publication: Publication }>("DELETE", path)).publication));
  }

  /** Publishes, asking first when the page would have no checked claim, or claims still wait for a review or a check. */
  async function publish() {
    await run(async () => {
      const { readiness } = await callApi<{ readiness: PublicationReadiness }>("GET", path);
      const question = publishQuestion(readiness);
      if (question && !(await confirm(question))) return;
      setPublication((await callApi<{ publication: Publication }>("POST", path)).publication);
    });
  }

  async function copy() {
    if (publicUrl) setCopied(await copyToClipboard(publicUrl));
  }

  return (
    <div className="publish-control">
      {publication.publishedAt && publicUrl ? (
        <p className="publish-control__status">
          <span className="badge badge--published">Published</span>{" "}
          <a href={publicUrl} target="_blank" rel="noopener">
            {publicUrl}
          </a>{" "}
          <button type="button" className="secondary" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy link"}
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setEmbedding(true)}>
            Embed…
          </button>
          {copied === false && <span role="alert"> The browser did not let the page copy: copy the address from the link.</span>}
        </p>
      ) : (
        <p className="publish-control__status">
          <span className="badge">Not published</span> Only approved claims appear on the public page.
        </p>
      )}
      {canPublish &&
        (publication.publishedAt ? (
          <button type="button" className="danger" disabled={busy} onClick={() => void unpublish()}>
            Unpublish
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void publish()}>
            Publish
          </button>
        ))}
      <Message text={error} />
      {dialog}
      {embedding && publication.slug && (
        <EmbedDialog appUrl={appUrl} target={{ slug: publication.slug }} title={factCheckEmbedTitle(title)} onClose={() => setEmbedding(false)} />
      )}
    </div>
  );
}
