"use client";

import { useState } from "react";
import { ApiError, callApi } from "@/components/api-client";
import { FieldError } from "@/components/field-error";
import { Message } from "@/components/message";
import type { FieldErrors } from "@/lib/errors";

/** Asks for a link to set a new password, sent to the account's email; says the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(form: HTMLFormElement) {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const { message: sent } = await callApi<{ message: string }>("POST", "/api/password-reset", { email: String(new FormData(form).get("email") ?? "") });
      setMessage({ text: `${sent} Check your spam folder if it does not arrive within a few minutes.`, error: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fields);
      setMessage(Object.keys(error.fields).length ? null : { text: error.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="stack-form"
      onInput={() => setErrors({})}
      onSubmit={(event) => {
        event.preventDefault();
        void send(event.currentTarget);
      }}
    >
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "email-error" : undefined} />
      <FieldError errors={errors} field="email" id="email-error" label="Email" />
      {message && <Message text={message.text} error={message.error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Sending…" : "Email me a link"}
      </button>
    </form>
  );
}
