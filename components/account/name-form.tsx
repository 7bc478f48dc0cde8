"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import { Message } from "@/components/message";
import { useApiAction } from "@/components/use-api-action";
import type { Account } from "@/lib/users/account";

/** Renames the signed-in person: the name their colleagues see on claims, comments and mentions. */
export function NameForm({ initialName }: { initialName: string }) {
  const [name, setName] = useState(initialName);
  const [saved, setSaved] = useState(initialName);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useApiAction();
  const router = useRouter();

  async function save() {
    setNotice(null);
    const done = await run(async () => {
      const { account } = await callApi<{ account: Account }>("PATCH", "/api/account", { name });
      setName(account.name);
      setSaved(account.name);
    });
    if (!done) return;
    setNotice("Name saved: your colleagues see it on your claims and comments.");
    // The header shows the name too.
    router.refresh();
  }

  return (
    <form
      className="stack-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor="account-name">Name</label>
      <input id="account-name" name="name" autoComplete="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
      <Message text={error} />
      <Message text={notice} error={false} />
      <button type="submit" className="primary" disabled={busy || name.trim() === saved}>
        {busy ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}
