"use client";

import Link from "next/link";
import { useState, useSyncExternalStore } from "react";
import { callApi } from "@/components/api-client";
import { Message } from "@/components/message";
import { NewPasswordFields, repeatMismatch } from "@/components/new-password-fields";
import { useDialogSubmit } from "@/components/use-dialog-submit";

/**
 * The token of the link that opened the page: in its fragment (`#token=…`), which no server sees. Read
 * once, then taken out of the address bar and the history: the page works from memory from there on.
 */
let openedWith: string | null = null;
function tokenOfLocation(): string {
  if (openedWith === null) {
    openedWith = new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
    window.history.replaceState(null, "", window.location.pathname);
  }
  return openedWith;
}
const noSubscription = () => () => {};

/** Sets a new password through the link emailed to someone who forgot theirs; then they sign in with it. */
export function ResetPasswordForm({ minLength }: { minLength: number }) {
  // Null while rendered on the server, which never sees the fragment.
  const token = useSyncExternalStore(noSubscription, tokenOfLocation, () => null);
  const { errors, setErrors, message, busy, submit } = useDialogSubmit({ closes: false });
  const [done, setDone] = useState(false);

  async function reset(form: HTMLFormElement) {
    const data = new FormData(form);
    const mismatch = repeatMismatch(data);
    if (mismatch) {
      setErrors(mismatch);
      return;
    }
    await submit(async () => {
      await callApi("POST", "/api/password-reset/confirm", { token, newPassword: String(data.get("newPassword") ?? "") });
      setDone(true);
    });
  }

  if (token === null) return null;
  if (done) {
    return (
      <p className="notice" role="status">
        Your new password is set, and every session of your account has ended. <Link href="/signin">Sign in</Link> with it.
      </p>
    );
  }
  if (token === "" || errors.token) {
    return (
      <p className="form-message" role="alert">
        {errors.token ? `The link ${errors.token}.` : "This page opens from the link in the email we sent you: open that link, or ask for a new one."}{" "}
        <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    );
  }
  return (
    <form
      className="stack-form"
      onInput={() => setErrors({})}
      onSubmit={(event) => {
        event.preventDefault();
        void reset(event.currentTarget);
      }}
    >
      <NewPasswordFields minLength={minLength} errors={errors} autoFocus />
      <Message text={message} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Setting…" : "Set new password"}
      </button>
    </form>
  );
}
