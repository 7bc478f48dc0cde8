"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ApiError, callApi } from "@/components/api-client";
import { FieldError } from "@/components/field-error";
import { Message } from "@/components/message";
import { NewPasswordFields, repeatMismatch } from "@/components/new-password-fields";
import { SECOND_STEP_REQUIRED } from "@/lib/auth/second-step-required";
import type { FieldErrors } from "@/lib/errors";

const LABELS = { currentPassword: "Current password" } as const;

/**
 * Changes the signed-in person's password. The server signs the account out everywhere, this browser
 * included; the form then signs in here again with the new password, so that only the others are out.
 */
export function PasswordForm({ email, minLength }: { email: string; minLength: number }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function change(form: HTMLFormElement) {
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const mismatch = repeatMismatch(data);
    if (mismatch) {
      setErrors(mismatch);
      setMessage(null);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await callApi("POST", "/api/account/password", { currentPassword, newPassword });
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fields);
      // A field's problem is said beside the field; the message says the rest.
      setMessage(Object.keys(error.fields).length ? null : { text: error.message, error: true });
      return;
    }
    form.reset();
    const again = await signIn("credentials", { email, password: newPassword, redirect: false });
    if (!again?.ok || again.error) {
      // With two-step sign-in, signing in again needs a code: the sign-in page asks for it.
      router.push(`/signin?callbackUrl=${encodeURIComponent("/account")}${again?.error === SECOND_STEP_REQUIRED ? "&error=PasswordChanged" : ""}`);
      return;
    }
    setBusy(false);
    setMessage({ text: "Password changed. Every other session of your account was signed out: sign in there with the new password.", error: false });
  }

  const describedBy = (field: keyof typeof LABELS) => (errors[field] ? `${field}-error` : undefined);

  return (
    <form
      className="stack-form"
      onInput={() => setErrors({})}
      onSubmit={(event) => {
        event.preventDefault();
        void change(event.currentTarget);
      }}
    >
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label htmlFor="currentPassword">{LABELS.currentPassword}</label>
      <input
        id="currentPassword"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={Boolean(errors.currentPassword)}
        aria-describedby={describedBy("currentPassword")}
      />
      <FieldError errors={errors} field="currentPassword" id="currentPassword-error" label={LABELS.currentPassword} />
      <NewPasswordFields minLength={minLength} errors={errors} />
      <Message text={message?.text} error={message?.error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
