"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from "@/lib/articles/import/formats";
import type { FieldErrors } from "@/lib/errors";

type Progress = { phase: "uploading"; percent: number | null } | { phase: "converting" };

type Answer = { status: number; body: { article?: { id: string }; error?: string; fields?: FieldErrors } };

const ACCEPT = Object.keys(IMPORT_EXTENSIONS).join(",");
const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * Sends `body` to POST /api/articles with XMLHttpRequest, which (unlike fetch) reports upload progress:
 * `onProgress` hears the percentage sent, then "converting" while the server works.
 */
function postImport(body: FormData | string, onProgress: (progress: Progress) => void): Promise<Answer> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/articles");
    if (typeof body === "string") request.setRequestHeader("Content-Type", "application/json");
    request.upload.onprogress = (event) =>
      onProgress({ phase: "uploading", percent: event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null });
    request.upload.onload = () => onProgress({ phase: "converting" });
    request.onload = () => {
      let answer: Answer["body"] = {};
      try {
        answer = JSON.parse(request.responseText) as Answer["body"];
      } catch {
        // A proxy's error page: the status alone tells what happened.
      }
      resolve({ status: request.status, body: answer });
    };
    request.onerror = () => resolve({ status: 0, body: {} });
    request.send(body);
  });
}

function messageOf({ status, body }: Answer): string {
  if (body.error) return body.error;
  if (status === 0) return "Could not reach the server. Check your connection and try again; nothing was lost from the form.";
  if (status === 401) return "Your session has ended. Sign in again in another tab, then retry.";
  if (status === 413) return `The import is larger than ${MAX_MB} MB.`;
  return `The server answered ${status}.`;
}

/** The form of a new article: its details, and its text pasted (plain or Markdown) or uploaded as a file. */
export function ImportForm() {
  const router = useRouter();
  const [source, setSource] = useState<"paste" | "file">("paste");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  function refuse(text: string, fields: FieldErrors = {}) {
    setProgress(null);
    setMessage(text);
    setErrors(fields);
  }

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const details = Object.fromEntries(["title", "byline", "originalUrl", "publishedOn"].map((name) => [name, String(data.get(name) ?? "")]));
    let body: FormData | string;
    if (source === "file") {
      const file = data.get("file");
      if (!(file instanceof File) || file.name === "") return refuse("Choose a file to import.", { file: "is required" });
      if (file.size > MAX_IMPORT_BYTES) return refuse(`The file “${file.name}” is larger than ${MAX_MB} MB.`, { file: `must be at most ${MAX_MB} MB` });
      if (file.size === 0) return refuse(`The file “${file.name}” is empty.`, { file: "is empty" });
      body = new FormData();
      for (const [name, value] of Object.entries(details)) body.append(name, value);
      body.append("file", file);
    } else {
      body = JSON.stringify({ ...details, format: data.get("format"), content: data.get("content") });
    }
    setErrors({});
    setMessage(null);
    setProgress({ phase: "uploading", percent: null });
    const answer = await postImport(body, setProgress);
    if (answer.status === 201 && answer.body.article) {
      router.push(`/articles/${answer.body.article.id}`);
      return;
    }
    refuse(messageOf(answer), answer.body.fields);
  }

  const described = (field: string) => (errors[field] ? `import-${field}-error` : undefined);
  const fieldError = (field: string) =>
    errors[field] && (
      <p className="field-error" id={`import-${field}-error`} role="alert">
        {errors[field]}
      </p>
    );
  const busy = progress !== null;

  return (
    <form
      className="stack-form"
      aria-label="Import an article"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label htmlFor="import-title">Title (optional: the first heading or line is used otherwise)</label>
      <input id="import-title" name="title" maxLength={300} aria-describedby={described("title")} aria-invalid={!!errors.title} />
      {fieldError("title")}
      <label htmlFor="import-byline">Byline</label>
      <input id="import-byline" name="byline" maxLength={300} aria-describedby={described("byline")} aria-invalid={!!errors.byline} />
      {fieldError("byline")}
      <label htmlFor="import-original-url">Original URL</label>
      <input id="import-original-url" name="originalUrl" type="url" placeholder="https://" aria-describedby={described("originalUrl")} aria-invalid={!!errors.originalUrl} />
      {fieldError("originalUrl")}
      <label htmlFor="import-published-on">Published on</label>
      <input id="import-published-on" name="publishedOn" type="date" aria-describedby={described("publishedOn")} aria-invalid={!!errors.publishedOn} />
      {fieldError("publishedOn")}

      <fieldset className="sources">
        <legend>Text of the article</legend>
        <label className="filter">
          <input type="radio" name="source" value="paste" checked={source === "paste"} onChange={() => setSource("paste")} style={{ width: "auto" }} />
          Paste text
        </label>
        <label className="filter">
          <input type="radio" name="source" value="file" checked={source === "file"} onChange={() => setSource("file")} style={{ width: "auto" }} />
          Upload a file
        </label>
        {source === "paste" ? (
          <>
            <label htmlFor="import-format">Format</label>
            <select id="import-format" name="format" defaultValue="text">
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
            </select>
            <label htmlFor="import-content">Text</label>
            <textarea id="import-content" name="content" rows={14} required aria-describedby={described("content")} aria-invalid={!!errors.content} />
            {fieldError("content")}
          </>
        ) : (
          <>
            <label htmlFor="import-file">File (.txt, .md or .html, at most {MAX_MB} MB)</label>
            <input id="import-file" name="file" type="file" accept={ACCEPT} required aria-describedby={described("file")} aria-invalid={!!errors.file} />
            {fieldError("file")}
          </>
        )}
      </fieldset>

      {message && (
        <p className="form-message" role="alert">
          {message}
        </p>
      )}
      {progress && (
        <div className="notice" role="status">
          <label htmlFor="import-progress">
            {progress.phase === "converting" ? "Converting…" : `Uploading…${progress.percent === null ? "" : ` ${progress.percent}%`}`}
          </label>
          <progress id="import-progress" max={100} value={progress.phase === "uploading" ? (progress.percent ?? undefined) : undefined} />
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Importing…" : "Import article"}
      </button>
    </form>
  );
}
