"use client";

import { useId, useState } from "react";
import { MAX_SUMMARY_LENGTH } from "@/lib/publishing/summary-length";
import { callApi } from "../api-client";
import { Message } from "../message";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useApiAction } from "../use-api-action";

/**
 * The fact-check's summary for readers ("In short", under the public page's title, in the index, the feed
 * and shared links), for editors to write, change or remove.
 */
export function PublicSummary({ articleId, initial }: { articleId: string; initial: string | null }) {
  const id = useId();
  const [summary, setSummary] = useState(initial);
  const [draft, setDraft] = useState<string | null>(null);
  const { busy, error, run } = useApiAction();

  async function save() {
    const saved = await run(async () => setSummary((await callApi<{ summary: string | null }>("PUT", `/api/articles/${articleId}/summary`, { summary: draft })).summary));
    if (saved) setDraft(null);
  }

  return (
    <section className="public-summary" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Summary for readers</h2>
      {draft === null ? (
        <>
          {summary ? <p className="public-summary__text">{summary}</p> : <p className="muted">None: the public page opens with its claims.</p>}
          <button type="button" className="secondary" onClick={() => setDraft(summary ?? "")}>
            {summary ? "Edit the summary" : "Write a summary"}
          </button>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-text`}>In short, what the fact-check found (under the title of the public page; empty to remove)</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            maxLength={MAX_SUMMARY_LENGTH}
            value={draft}
            aria-describedby={`${id}-count`}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
          />
          <p id={`${id}-count`} className="muted public-summary__count">
            {draft.length.toLocaleString("en")} of {MAX_SUMMARY_LENGTH.toLocaleString("en")} characters
          </p>
          <Message text={error} />
          <SubmitOrCancel label="Save summary" disabled={busy} onCancel={() => setDraft(null)} />
        </form>
      )}
    </section>
  );
}
