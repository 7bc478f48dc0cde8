"use client";

import { useId } from "react";
import { callApi } from "./api-client";
import { LabelledField } from "./labelled-field";
import { Message } from "./message";
import { ModalDialog } from "./modal-dialog";
import { SubmitOrCancel } from "./submit-or-cancel";
import { useDialogSubmit } from "./use-dialog-submit";

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
  const { errors, setErrors, message, busy, submit } = useDialogSubmit();

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    if (password !== String(data.get("repeat") ?? "")) return setErrors({ repeat: "differs from the password: type it again" });
    await submit(async () => {
      await callApi("PATCH", `/api/users/${user.id}`, { password });
      onDone();
    });
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
