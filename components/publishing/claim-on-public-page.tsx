"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { claimPageUrl, EMBED_HEIGHT, EMBED_HEIGHT_MESSAGE, embedCode, embedTitle, embedUrl, EMBED_WIDTH } from "@/lib/publishing/embed";
import { ModalDialog } from "../modal-dialog";
import "./claim-on-public-page.css";
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
      {embedding && <EmbedDialog code={embedCode(appUrl, claim, embedTitle(annotation.quote))} preview={embedUrl(appUrl, claim)} onClose={() => setEmbedding(false)} />}
    </section>
  );
}

/** The embed code to copy, and the embed itself as readers of the other page will see it. */
function EmbedDialog({ code, preview, onClose }: { code: string; preview: string; onClose(): void }) {
  const id = useId();
  const [copiedCode, setCopied] = useState<boolean | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  // The preview sizes itself as the embed code's script does on another page.
  useEffect(() => {
    const resize = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (event.source !== frame.current?.contentWindow || typeof data !== "object" || data === null) return;
      const { type, height } = data as { type?: unknown; height?: unknown };
      if (type === EMBED_HEIGHT_MESSAGE && typeof height === "number") frame.current!.height = String(Math.ceil(height));
    };
    window.addEventListener("message", resize);
    return () => window.removeEventListener("message", resize);
  }, []);
  async function copy() {
    setCopied(await copyToClipboard(code));
  }
  return (
    <ModalDialog className="embed-dialog" labelledBy={`${id}-title`} describedBy={`${id}-about`} onClose={onClose}>
      <h2 id={`${id}-title`}>Embed this fact-check</h2>
      <p id={`${id}-about`} className="muted">
        Paste this code into the HTML of another page (your story in the CMS, a partner&rsquo;s site). The embed shows what the
        public page shows of this claim now: a rating corrected here is corrected there, and a rating withdrawn for another review
        is shown as withdrawn. CMSs that read oEmbed take the claim&rsquo;s link instead.
      </p>
      <label htmlFor={`${id}-code`}>Embed code</label>
      <textarea id={`${id}-code`} className="embed-dialog__code" readOnly rows={5} value={code} data-autofocus="" onFocus={(event) => event.currentTarget.select()} />
      <p className="embed-dialog__buttons">
        <button type="button" className="primary" onClick={() => void copy()}>
          {copiedCode ? "Copied" : "Copy code"}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </p>
      {copiedCode === false && (
        <p className="form-message" role="alert">
          The browser did not let the page copy: select the code (click in it) and press Ctrl+C (⌘+C on a Mac).
        </p>
      )}
      <h3 className="section-title">Preview</h3>
      <iframe ref={frame} className="embed-dialog__preview" src={preview} title="Preview of the embedded fact-check" width={EMBED_WIDTH} height={EMBED_HEIGHT} />
    </ModalDialog>
  );
}

/** Puts `text` on the clipboard; false when the browser refuses (an address without https, a permission denied). */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
