"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/formats";
import type { WebPagePreview } from "@/lib/articles/import/web-page/service";
import type { FieldErrors } from "@/lib/errors";
import { IMPORT_ACCEPT, MAX_IMPORT_MB, postUpload, progressLabel, uploadErrorMessage, type UploadProgress } from "./upload";
import { Message } from "./message";
import { WebPageFetch } from "./web-page-fetch";

const DETAILS = ["title", "byline", "originalUrl", "publishedOn"] as const;

type Details = Record<(typeof DETAILS)[number], string>;

const NO_DETAILS: Details = { title: "", byline: "", originalUrl: "", publishedOn: "" };

/**
 * The form of a new article: its details, and its text pasted (plain or Markdown), uploaded as a file,
 * or fetched from its web address (whose details fill the fields left empty, or filled by the last fetch).
 */
export function ImportForm() {
  const router = useRouter();
  const [source, setSource] = useState<"paste" | "file" | "web">("paste");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [details, setDetails] = useState<Details>(NO_DETAILS);
  const [page, setPage] = useState<WebPagePreview | null>(null);
  /** The details the last fetch filled in: a later fetch replaces them, never what the person typed. */
  const fetchedDetails = useRef<Details>(NO_DETAILS);

  function fetched(found: WebPagePreview | null) {
    setPage(found);
    if (!found) return;
    const next = Object.fromEntries(DETAILS.map((name) => [name, found[name] ?? ""])) as Details;
    setDetails((current) => Object.fromEntries(DETAILS.map((name) => [name, current[name] === "" || current[name] === fetchedDetails.current[name] ? next[name] : current[name]])) as Details);
    fetchedDetails.current = next;
  }

  function refuse(text: string, fields: FieldErrors = {}) {
    setProgress(null);
    setMessage(text);
    setErrors(fields);
  }

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    let body: FormData | string;
    if (source === "web") {
      if (!page) return refuse("Fetch the article from its web address first, and check what was found.");
      body = JSON.stringify({ ...details, format: page.format, content: page.content });
    } else if (source === "file") {
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
  const detail = (name: keyof Details) => ({
    name,
    value: details[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDetails((current) => ({ ...current, [name]: value }));
    },
    "aria-describedby": described(name),
    "aria-invalid": !!errors[name],
  });

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
      <input id="import-title" maxLength={300} {...detail("title")} />
      {fieldError("title")}
      <label htmlFor="import-byline">Byline</label>
      <input id="import-byline" maxLength={300} {...detail("byline")} />
      {fieldError("byline")}
      <label htmlFor="import-original-url">Original URL</label>
      <input id="import-original-url" type="url" placeholder="https://" {...detail("originalUrl")} />
      {fieldError("originalUrl")}
      <label htmlFor="import-published-on">Published on</label>
      <input id="import-published-on" type="date" {...detail("publishedOn")} />
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
        <label className="filter">
          <input type="radio" name="source" value="web" checked={source === "web"} onChange={() => setSource("web")} style={{ width: "auto" }} />
          Fetch from its web address
        </label>
        {source === "web" ? (
          <WebPageFetch id="import-web" page={page} onPage={fetched} />
        ) : source === "paste" ? (
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
