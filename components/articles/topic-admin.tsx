"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { DeskTopic } from "@/lib/articles/topic-admin";
import { MAX_TOPIC_LENGTH } from "@/lib/articles/topic-limits";
import { callApi } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { LabelledField } from "../labelled-field";
import { Message } from "../message";
import { ModalDialog } from "../modal-dialog";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useApiAction } from "../use-api-action";
import { useDialogSubmit } from "../use-dialog-submit";

const articles = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "article" : "articles"}`;

/** An editor's **Rename…** and **Remove…** of one of the desk's topics, in its row of the topics page. */
export function TopicActions({ topic }: { topic: DeskTopic }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const { confirm, dialog } = useConfirm();
  const { busy, error, run } = useApiAction();

  async function remove() {
    const published =
      topic.published === 0 ? "" : topic.published === 1 ? " One of them is published: its public page no longer lists it." : ` ${topic.published.toLocaleString("en")} of them are published: their public pages no longer list it.`;
    const yes = await confirm({
      question: `Remove “${topic.name}” from ${articles(topic.articles)}?`,
      detail: `The articles stay; only the topic goes.${published} Each change is in the audit trail.`,
      action: "Remove topic",
      destructive: true,
    });
    if (yes && (await run(() => callApi("DELETE", `/api/topics?name=${encodeURIComponent(topic.name)}`)))) router.refresh();
  }

  return (
    <>
      <button type="button" className="link-button" disabled={busy} aria-label={`Rename ${topic.name}…`} onClick={() => setRenaming(true)}>
        Rename…
      </button>{" "}
      <button type="button" className="link-button link-button--danger" disabled={busy} aria-label={`Remove ${topic.name}…`} onClick={() => void remove()}>
        Remove…
      </button>
      <Message text={error} />
      {dialog}
      {renaming && <RenameDialog topic={topic} onClose={() => setRenaming(false)} />}
    </>
  );
}

function RenameDialog({ topic, onClose }: { topic: DeskTopic; onClose(): void }) {
  const id = useId();
  const router = useRouter();
  const { errors, setErrors, message, busy, submit } = useDialogSubmit();

  async function save(form: HTMLFormElement) {
    const to = String(new FormData(form).get("to") ?? "");
    await submit(async () => {
      await callApi("PATCH", "/api/topics", { from: topic.name, to });
      router.refresh();
      onClose();
    });
  }

  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>Rename “{topic.name}”</h2>
      <p id={`${id}-detail`}>
        The {articles(topic.articles)} filed under it take the new name. A topic the desk has already by that name takes these articles too: the
        two become one.
      </p>
      <form
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
      >
        <LabelledField id={`${id}-to`} name="to" label="New name" errorLabel="The new name" errors={errors} defaultValue={topic.name} maxLength={MAX_TOPIC_LENGTH} required data-autofocus="" />
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Renaming…" : "Rename topic"} disabled={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
