import type { FieldErrors } from "@/lib/errors";

/** An error answer of the JSON API: its status, message and, for 400, the failing fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls the app's JSON API from the browser; throws `ApiError` for an error answer or a lost connection. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "Could not reach the server. Check your connection and try again; nothing was lost from the form.");
  }
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { error?: string; fields?: FieldErrors } & T;
  if (!response.ok) {
    const message =
      answer.error ??
      (response.status === 401 ? "Your session has ended. Sign in again in another tab, then retry." : `The server answered ${response.status}. Try again in a moment; if it keeps failing, tell your admin.`);
    throw new ApiError(response.status, message, answer.fields);
  }
  return answer;
}
