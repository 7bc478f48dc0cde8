"use client";

import { useId, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { ApiError, callApi } from "./api-client";
import { LabelledField } from "./labelled-field";
import { Message } from "./message";
import { ModalDialog } from "./modal-dialog";
import { SubmitOrCancel } from "./submit-or-cancel";

type Props = {
  user: { id: string; name: string; hasPassword: boolean };
  minLength: number;
  onDone(): void;
  onClose(): void;
};

/**
 * An admin gives a colleague a new password (forgotten, or their account taken over) or a first one
 * (an account that signs in only through single sign-on). The server ends the colleague's sessions.
 */
export function SetPasswordDialog({ user, minLength, onDone, onClose }: Props) {
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("repeat") ?? "")) return setErrors({ repeat: "differs from the password: type it again" });
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await callApi("PATCH", `/api/users/${user.id}`, { password });
      onDone();
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fields);
      // A field's problem is said beside the field; the message says the rest.
      setMessage(Object.keys(error.fields).length ? null : error.message);
    }
  }

  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>{user.hasPassword ? `Reset ${user.name}'s password` : `Give ${user.name} a password`}</h2>
      <p id={`${id}-detail`}>
        {user.hasPassword ? `${user.name}'s password stops working, and every session of their account ends.` : `${user.name} may then sign in with it too.`} Give them
        the new password in person or by phone; they can change it under Your account.
      </p>
      <form
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
      >
        <LabelledField
          id={`${id}-password`}
          name="password"
          label={`New password (at least ${minLength} characters)`}
          errorLabel="The password"
          errors={errors}
          type="password"
          autoComplete="new-password"
          data-autofocus=""
        />
        <LabelledField id={`${id}-repeat`} name="repeat" label="Repeat it" errorLabel="The repeated password" errors={errors} type="password" autoComplete="new-password" />
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Saving…" : "Set password"} disabled={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
