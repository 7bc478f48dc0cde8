"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
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

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy("password");
    setError(null);
    const result = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    });
    setBusy(null);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
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
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === "password" ? "Signing in…" : "Sign in"}
        </button>
      </form>
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
