"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "./api-client";

/**
 * A dialog's one submission at a time: `submit` runs the call; an API refusal is said beside the fields it
 * names (`fieldsOf` may name them itself) and otherwise as the dialog's message. On success the dialog is
 * about to close, so it stays busy.
 */
export function useDialogSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(call: () => Promise<void>, fieldsOf: (error: ApiError) => FieldErrors = (error) => error.fields): Promise<void> {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await call();
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
