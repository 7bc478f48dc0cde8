"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { SECOND_STEP_REQUIRED } from "@/lib/auth/second-step-required";
import { Message } from "./message";

type Props = {
  callbackUrl: string;
  initialError: string | null;
  /** The single sign-on provider, when one is configured. */
  sso: { providerId: string; name: string } | null;
};

export function SignInForm({ callbackUrl, initialError, sso }: Props) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState<"password" | "sso" | null>(null);
  // The password was right and the account has two-step sign-in: the form asks for a code too.
  const [secondStep, setSecondStep] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy("password");
    setError(null);
    const result = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      code: String(data.get("code") ?? ""),
      redirect: false,
    });
    setBusy(null);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
    } else if (result?.error === SECOND_STEP_REQUIRED) {
      setSecondStep(true);
    } else {
      setError(
        result?.error === "CredentialsSignin"
          ? "That email and password do not match an active account."
          : result?.error || "Sign-in failed: the server could not be reached. Try again in a moment.",
      );
    }
  }

  async function signInWithProvider(provider: { providerId: string; name: string }) {
    setBusy("sso");
    setError(null);
    try {
      // Leaves the page for the provider; a refusal comes back to this page with ?error=.
      await signIn(provider.providerId, { callbackUrl });
    } catch {
      setBusy(null);
      setError(`Could not start signing in through ${provider.name}: the server could not be reached. Try again in a moment.`);
    }
  }

  return (
    <>
      <Message text={error} />
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus readOnly={secondStep} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required readOnly={secondStep} />
        {secondStep && (
          <>
            <label htmlFor="code">Code from your authenticator app</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus aria-describedby="code-hint" spellCheck={false} />
            <p id="code-hint" className="muted">
              Two-step sign-in is on for this account. Lost your phone? Type one of your recovery codes instead.
            </p>
            <button type="button" className="link-button sign-in__other-account" onClick={() => setSecondStep(false)}>
              Use another account
            </button>
          </>
        )}
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === "password" ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="sign-in__forgot">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      {sso && (
        <div className="sso-sign-in">
          <p className="sso-sign-in__or" aria-hidden="true">
            or
          </p>
          <button type="button" className="secondary" disabled={busy !== null} onClick={() => void signInWithProvider(sso)}>
            {busy === "sso" ? `Going to ${sso.name}…` : `Sign in with ${sso.name}`}
          </button>
        </div>
      )}
    </>
  );
}
