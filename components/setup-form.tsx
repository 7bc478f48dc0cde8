"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { ApiError, callApi } from "./api-client";
import { Message } from "./message";

export function SetupForm({ passwordMinLength }: { passwordMinLength: number }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const admin = { email: String(data.get("email")), name: String(data.get("name")), password: String(data.get("password")) };
    if (admin.password !== String(data.get("confirm"))) {
      setErrors({ confirm: "does not match the password" });
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await callApi("POST", "/api/setup", admin);
      await signIn("credentials", { email: admin.email, password: admin.password, redirect: false });
      router.push("/admin/users");
      router.refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fields);
      setMessage(error.message);
      setBusy(false);
    }
  }

  const error = (field: string) =>
    errors[field] && (
      <p className="field-error" id={`${field}-error`} role="alert">
        {field === "confirm" ? "Confirmation" : field[0]!.toUpperCase() + field.slice(1)} {errors[field]}
      </p>
    );

  return (
    <form
      className="stack-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label htmlFor="name">Your name</label>
      <input id="name" name="name" autoComplete="name" required maxLength={100} aria-describedby={errors.name && "name-error"} />
      {error("name")}
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={errors.email && "email-error"} />
      {error("email")}
      <label htmlFor="password">Password (at least {passwordMinLength} characters)</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordMinLength}
        aria-describedby={errors.password && "password-error"}
      />
      {error("password")}
      <label htmlFor="confirm">Confirm password</label>
      <input id="confirm" name="confirm" type="password" autoComplete="new-password" required aria-describedby={errors.confirm && "confirm-error"} />
      {error("confirm")}
      <Message text={message} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Creating…" : "Create admin account"}
      </button>
    </form>
  );
}
