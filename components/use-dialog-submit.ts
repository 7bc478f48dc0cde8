"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "./api-client";

/**
 * A dialog's one submission at a time: `submit` runs the call; an API refusal is said beside the fields it
 * names (`fieldsOf` may name them itself) and otherwise as the dialog's message. On success a dialog is
 * about to close, so it stays busy; a form that stays (`{ closes: false }`) is ready again.
 */
export function useDialogSubmit({ closes = true }: { closes?: boolean } = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(call: () => Promise<void>, fieldsOf: (error: ApiError) => FieldErrors = (error) => error.fields): Promise<void> {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await call();
      if (!closes) setBusy(false);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) throw error;
      const fields = fieldsOf(error);
      setErrors(fields);
      setMessage(Object.keys(fields).length ? null : error.message);
    }
  }

  return { errors, setErrors, message, busy, submit };
}
