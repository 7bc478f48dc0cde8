"use client";

import { useState } from "react";
import { callApi } from "@/components/api-client";
import { FieldError } from "@/components/field-error";
import { Message } from "@/components/message";
import { useDialogSubmit } from "@/components/use-dialog-submit";

/** Asks for a link to set a new password, sent to the account's email; says the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { errors, setErrors, message, busy, submit } = useDialogSubmit({ closes: false });
  const [sent, setSent] = useState<string | null>(null);

  async function send(form: HTMLFormElement) {
    setSent(null);
    await submit(async () => {
      const answer = await callApi<{ message: string }>("POST", "/api/password-reset", { email: String(new FormData(form).get("email") ?? "") });
      setSent(`${answer.message} Check your spam folder if it does not arrive within a few minutes.`);
    });
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
      <Message text={message} />
      <Message text={sent} error={false} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Sending…" : "Email me a link"}
      </button>
    </form>
  );
}
