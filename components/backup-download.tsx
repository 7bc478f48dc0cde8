"use client";

import { useState } from "react";
import { Message } from "./message";

/** The file name a download answer gives, from its Content-Disposition. */
const fileNameOf = (response: Response) => /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "factcheck-desk-backup.tar.gz";

/** Makes a backup of the whole desk now and saves it, saying while it is being made and what went wrong. */
export function BackupDownload() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function downloadNow() {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch("/api/admin/backup", { credentials: "same-origin" });
      if (!response.ok) {
        const answer = (await response.json().catch(() => ({}))) as { error?: string };
        setMessage({ text: answer.error ?? `The server answered ${response.status}. Try again in a moment; if it keeps failing, read the server's log.`, error: true });
        return;
      }
      const file = await response.blob();
      const name = fileNameOf(response);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
      setMessage({ text: `Saved ${name} (${(file.size / 1_048_576).toFixed(1)} MB). Keep it where only admins can reach it.`, error: false });
    } catch {
      setMessage({ text: "Could not reach the server. Check your connection and try again.", error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="primary" disabled={busy} onClick={() => void downloadNow()}>
        {busy ? "Making the backup…" : "Download a backup now"}
      </button>
      <Message text={message?.text} error={message?.error} />
    </>
  );
}
