"use client";

import { useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { claimPageUrl, embedTitle } from "@/lib/publishing/embed";
import { copyToClipboard } from "../clipboard";
import { EmbedDialog } from "./embed-dialog";
import { usePublication } from "./publication-context";

/**
 * For a claim readers can see (approved and placed, on a published article): its fact-check's address on
 * the public page and the code that embeds it in another page, to copy. Nothing for any other claim.
 */
export function ClaimOnPublicPage({ annotation }: { annotation: AnnotationRecord }) {
  const { publication, appUrl } = usePublication();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [embedding, setEmbedding] = useState(false);
  const slug = publication.publishedAt ? publication.slug : null;
  if (!slug || annotation.status !== "approved" || !annotation.placementChecked || annotation.orphaned) return null;
  const claim = { slug, claimId: annotation.id };
  const address = claimPageUrl(appUrl, claim);

  async function copyAddress() {
    setCopied(await copyToClipboard(address));
  }

  return (
    <section className="claim-public" aria-label="On the public page">
      <h3 className="section-title">On the public page</h3>
      <p className="claim-public__actions">
        <a href={address} target="_blank" rel="noopener">
          Open its fact-check
        </a>
        <button type="button" className="secondary" onClick={() => void copyAddress()}>
          {copied ? "Copied" : "Copy link"}
        </button>
        {copied === false && <span role="alert">The browser did not let the page copy: open the fact-check and copy its address.</span>}
        <button type="button" className="secondary" onClick={() => setEmbedding(true)}>
          Embed…
        </button>
      </p>
      {embedding && <EmbedDialog appUrl={appUrl} target={claim} title={embedTitle(annotation.quote)} onClose={() => setEmbedding(false)} />}
    </section>
  );
}
