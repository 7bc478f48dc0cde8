"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ArticleDetails } from "@/lib/articles/details";
import { MAX_TITLE_LENGTH } from "@/lib/articles/import/title";
import { callApi } from "../api-client";
import { LabelledField } from "../labelled-field";
import { Message } from "../message";
import { ModalDialog } from "../modal-dialog";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useDialogSubmit } from "../use-dialog-submit";

/**
 * **Edit details** beside the article's byline, for editors: its title, byline, the original's address and
 * the day it was published, corrected in a dialog. The page shows them anew once saved.
 */
export function EditDetails({ articleId, details }: { articleId: string; details: ArticleDetails }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button article-page__edit-details" onClick={() => setOpen(true)}>
        Edit details
      </button>
      {open && <DetailsDialog articleId={articleId} details={details} onClose={() => setOpen(false)} />}
    </>
  );
}

function DetailsDialog({ articleId, details, onClose }: { articleId: string; details: ArticleDetails; onClose(): void }) {
  const id = useId();
  const router = useRouter();
  const { errors, setErrors, message, busy, submit } = useDialogSubmit();

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const change = Object.fromEntries(["title", "byline", "originalUrl", "publishedOn"].map((name) => [name, String(data.get(name) ?? "")]));
    await submit(async () => {
      await callApi("PATCH", `/api/articles/${articleId}`, change);
      router.refresh();
      onClose();
    });
  }

  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>Article details</h2>
      <p id={`${id}-detail`}>A published fact-check shows the new details at once; its public address stays the same.</p>
      <form
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
      >
        <LabelledField id={`${id}-title-field`} name="title" label="Title" errorLabel="The title" errors={errors} defaultValue={details.title} maxLength={MAX_TITLE_LENGTH} required data-autofocus="" />
        <LabelledField id={`${id}-byline`} name="byline" label="Byline" errorLabel="The byline" errors={errors} defaultValue={details.byline ?? ""} maxLength={300} />
        <LabelledField
          id={`${id}-original-url`}
          name="originalUrl"
          label="Original URL"
          errorLabel="The original URL"
          errors={errors}
          type="url"
          placeholder="https://"
          defaultValue={details.originalUrl ?? ""}
        />
        <LabelledField id={`${id}-published-on`} name="publishedOn" label="Published on" errorLabel="The day published" errors={errors} type="date" defaultValue={details.publishedOn ?? ""} />
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Saving…" : "Save details"} disabled={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
