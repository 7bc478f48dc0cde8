"use client";

import { signOut } from "next-auth/react";
import { callApi } from "@/components/api-client";
import { useConfirm } from "@/components/confirm-dialog";
import { Message } from "@/components/message";
import { useApiAction } from "@/components/use-api-action";

/** Ends every session of the signed-in person's account, on every device, this one included. */
export function SignOutEverywhere() {
  const { confirm, dialog } = useConfirm();
  const { busy, error, run } = useApiAction();

  async function signOutEverywhere() {
    const yes = await confirm({
      question: "Sign out everywhere?",
      detail:
        "Every session of your account ends, on every computer and phone, this one included. Live pages stop updating. Work not yet saved stays in each browser until you sign in there again.",
      action: "Sign out everywhere",
      destructive: true,
    });
    if (!yes) return;
    if (await run(() => callApi("DELETE", "/api/account/sessions"))) await signOut({ callbackUrl: "/signin" });
  }

  return (
    <>
      <Message text={error} />
      <button type="button" className="danger" disabled={busy} onClick={() => void signOutEverywhere()}>
        {busy ? "Signing out…" : "Sign out everywhere"}
      </button>
      {dialog}
    </>
  );
}
