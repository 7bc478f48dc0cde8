import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from "@/lib/articles/import/formats";
import type { FieldErrors } from "@/lib/errors";

export type UploadProgress = { phase: "uploading"; percent: number | null } | { phase: "converting" };

export type UploadAnswer<Body> = { status: number; body: Partial<Body> & { error?: string; fields?: FieldErrors } };

/** What the file inputs of imports accept. */
export const IMPORT_ACCEPT = Object.keys(IMPORT_EXTENSIONS).join(",");
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * POSTs `body` to `url` with XMLHttpRequest, which (unlike fetch) reports upload progress:
 * `onProgress` hears the percentage sent, then "converting" while the server works.
 */
export function postUpload<Body>(url: string, body: FormData | string, onProgress: (progress: UploadProgress) => void): Promise<UploadAnswer<Body>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    if (typeof body === "string") request.setRequestHeader("Content-Type", "application/json");
    request.upload.onprogress = (event) =>
      onProgress({ phase: "uploading", percent: event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null });
    request.upload.onload = () => onProgress({ phase: "converting" });
    request.onload = () => {
      let answer: UploadAnswer<Body>["body"] = {};
      try {
        answer = JSON.parse(request.responseText) as UploadAnswer<Body>["body"];
      } catch {
        // A proxy's error page: the status alone tells what happened.
      }
      resolve({ status: request.status, body: answer });
    };
    request.onerror = () => resolve({ status: 0, body: {} });
    request.send(body);
  });
}

/** What to tell the user of a refused upload. */
export function uploadErrorMessage({ status, body }: UploadAnswer<unknown>): string {
  if (body.error) return body.error;
  if (status === 0) return "Could not reach the server. Check your connection and try again; nothing was lost from the form.";
  if (status === 401) return "Your session has ended. Sign in again in another tab, then retry.";
  if (status === 413) return `The import is larger than ${MAX_IMPORT_MB} MB: split the article, or save it as plain text without images.`;
  return `The server answered ${status}. Try again in a moment; if it keeps failing, tell your admin.`;
}

/** The words beside a progress bar. */
export function progressLabel(progress: UploadProgress): string {
  return progress.phase === "converting" ? "Converting…" : `Uploading…${progress.percent === null ? "" : ` ${progress.percent}%`}`;
}
