"use client";

import { useEffect, useId, useRef, useState } from "react";
import { EMBED_HEIGHT, EMBED_HEIGHT_MESSAGE, embedCode, embedUrl, EMBED_WIDTH, type EmbedTarget } from "@/lib/publishing/embed";
import { copyToClipboard } from "../clipboard";
import { ModalDialog } from "../modal-dialog";
import "./embed-dialog.css";

/** The embed code to copy, and the embed itself as readers of the other page will see it. */
export function EmbedDialog({ appUrl, target, title, onClose }: { appUrl: string; target: EmbedTarget; title: string; onClose(): void }) {
  const id = useId();
  const code = embedCode(appUrl, target, title);
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
        Paste this code into the HTML of another page (your story in the CMS, a partner&rsquo;s site). The embed shows what the public page
        shows {target.claimId ? "of this claim now" : "now"}: a rating corrected here is corrected there, and a rating withdrawn for another review
        is shown as withdrawn. CMSs that read oEmbed take the {target.claimId ? "claim\u2019s" : "page\u2019s"} link instead.
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
      <iframe ref={frame} className="embed-dialog__preview" src={embedUrl(appUrl, target)} title="Preview of the embedded fact-check" width={EMBED_WIDTH} height={EMBED_HEIGHT} />
    </ModalDialog>
  );
}
