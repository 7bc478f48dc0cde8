"use client";

import { useId, useState } from "react";
import type { ImportReport } from "@/lib/interop/w3c/import";
import { callApi } from "../api-client";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";

const MAX_MB = 5;

/** Imports a W3C annotation file (from Hypothesis or another tool) as drafts, and says what became of each annotation. */
export function AnnotationImport({ articleId }: { articleId: string }) {
  const id = useId();
  const { busy, error, setError, run } = useApiAction();
  const [report, setReport] = useState<ImportReport | null>(null);

  async function upload(file: File) {
    setError(null);
    setReport(null);
    if (file.size > MAX_MB * 1024 * 1024) return setError(`The file “${file.name}” is larger than ${MAX_MB} MB.`);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setError(`The file “${file.name}” is not valid JSON: nothing was imported.`);
    }
    await run(async () => setReport((await callApi<{ imported: ImportReport }>("POST", `/api/articles/${articleId}/annotations/import`, document)).imported));
  }

  return (
    <div className="annotation-import">
      <label htmlFor={`${id}-file`}>Import annotations (W3C JSON-LD, e.g. from Hypothesis; at most {MAX_MB} MB)</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
      />
      {busy && <p role="status">Importing…</p>}
      {report && (
        <div role="status" className="annotation-import__report">
          <p>
            Placed {report.placed} as drafts
            {report.checkPlacement > 0 && <>, {report.checkPlacement} of them to check (marked “Check placement”)</>}
            {report.unplaced.length > 0 && <>; {report.unplaced.length} could not be placed</>}.{" "}
            {report.placed > 0 && (
              <button type="button" className="link-button" onClick={() => window.location.reload()}>
                Show them
              </button>
            )}
          </p>
          {report.unplaced.length > 0 && (
            <ul>
              {report.unplaced.map((item) => (
                <li key={item.index}>
                  #{item.index + 1} “{item.quote}”: {item.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Message text={error} />
    </div>
  );
}
