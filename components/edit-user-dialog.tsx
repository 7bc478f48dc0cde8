"use client";

import { useId } from "react";
import type { Actor } from "@/lib/users/actor";
import { callApi } from "./api-client";
import { LabelledField } from "./labelled-field";
import { Message } from "./message";
import { ModalDialog } from "./modal-dialog";
import { SubmitOrCancel } from "./submit-or-cancel";
import { useDialogSubmit } from "./use-dialog-submit";

type Props = {
  user: { id: string; name: string; email: string };
  onDone(user: Actor): void;
  onClose(): void;
};

/**
 * An admin corrects a colleague's name or email (a new address, a name changed): the email is the one
 * they sign in with from then on. Only what changed is sent.
 */
export function EditUserDialog({ user, onDone, onClose }: Props) {
  const id = useId();
  const { errors, setErrors, message, busy, submit } = useDialogSubmit();

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const email = String(data.get("email") ?? "");
    const change = {
      ...(name.trim() !== user.name && { name }),
      ...(email.trim().toLowerCase() !== user.email.toLowerCase() && { email }),
    };
    if (Object.keys(change).length === 0) return onClose();
    await submit(
      async () => onDone((await callApi<{ user: Actor }>("PATCH", `/api/users/${user.id}`, change)).user),
      // An email another account has is a conflict, said beside the field it is about.
      (error) => (error.status === 409 && "email" in change ? { email: "belongs to another account already" } : error.fields),
    );
  }

  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>Edit {user.name}</h2>
      <p id={`${id}-detail`}>{user.name} signs in with the new email from now on, and stays signed in where they are. Tell them.</p>
      <form
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
      >
        <LabelledField id={`${id}-name`} name="name" label="Name" errorLabel="The name" errors={errors} defaultValue={user.name} maxLength={100} data-autofocus="" />
        <LabelledField id={`${id}-email`} name="email" label="Email" errorLabel="The email" errors={errors} type="email" defaultValue={user.email} autoComplete="off" />
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Saving…" : "Save"} disabled={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
