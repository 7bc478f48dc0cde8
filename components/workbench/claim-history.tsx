"use client";

import { useEffect, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { describeEntry } from "@/lib/audit/describe";
import type { AuditEntryRecord } from "@/lib/audit/queries";
import { ApiError } from "../api-client";
import { deskApi } from "./desk-api";
import { DeskTime } from "../time-zone";

/** Everything that happened to the claim, from the audit trail; reloaded whenever the claim changes. */
export function ClaimHistory({ annotation }: { annotation: AnnotationRecord }) {
  const [entries, setEntries] = useState<AuditEntryRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    deskApi.history(annotation.id).then(
      (found) => current && setEntries(found),
      (caught: unknown) => current && setError(caught instanceof ApiError ? caught.message : "The history could not be loaded."),
    );
    return () => {
      current = false;
    };
  }, [annotation.id, annotation.updatedAt, annotation.version, annotation.discussionStamp]);

  if (error) return <p className="form-message">{error}</p>;
  if (!entries) return <p className="muted">Loading history…</p>;
  return (
    <ol className="history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <span>
            {entry.actor?.name ?? "The application"} {describeEntry(entry)}
          </span>{" "}
          <span className="muted">
            <DeskTime at={entry.at} />
          </span>
          {entry.action === "status_changed" && typeof (entry.after as { comment?: unknown })?.comment === "string" && (
            <blockquote>{(entry.after as { comment: string }).comment}</blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
