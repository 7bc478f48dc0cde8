"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/formats";
import type { FieldErrors } from "@/lib/errors";
import { IMPORT_ACCEPT, MAX_IMPORT_MB, postUpload, progressLabel, uploadErrorMessage, type UploadProgress } from "./upload";
import { Message } from "./message";

/** The form of a new article: its details, and its text pasted (plain or Markdown) or uploaded as a file. */
export function ImportForm() {
  const router = useRouter();
  const [source, setSource] = useState<"paste" | "file">("paste");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
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
      if (file.size > MAX_IMPORT_BYTES) return refuse(`The file “${file.name}” is larger than ${MAX_IMPORT_MB} MB.`, { file: `must be at most ${MAX_IMPORT_MB} MB` });
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
    const answer = await postUpload<{ article: { id: string } }>("/api/articles", body, setProgress);
    if (answer.status === 201 && answer.body.article) {
      router.push(`/articles/${answer.body.article.id}`);
      return;
    }
    refuse(uploadErrorMessage(answer), answer.body.fields);
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
            <label htmlFor="import-file">File (.txt, .md or .html, at most {MAX_IMPORT_MB} MB)</label>
            <input id="import-file" name="file" type="file" accept={IMPORT_ACCEPT} required aria-describedby={described("file")} aria-invalid={!!errors.file} />
            {fieldError("file")}
          </>
        )}
      </fieldset>

      <Message text={message} />
      {progress && (
        <div className="notice" role="status">
          <label htmlFor="import-progress">
            {progressLabel(progress)}
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
