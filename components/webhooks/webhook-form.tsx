"use client";

import { useId, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookFormat } from "@/lib/webhooks/events";
import type { Webhook } from "@/lib/webhooks/service";
import { ApiError, callApi } from "../api-client";
import { FieldError } from "../field-error";
import { LabelledField } from "../labelled-field";
import { Message } from "../message";
import { SubmitOrCancel } from "../submit-or-cancel";

type Props =
  /** A new webhook, added with POST; the form empties its address and description after. */
  | { webhook?: undefined; onSaved(webhook: Webhook): void; onCancel?: undefined }
  /** An existing webhook's settings, changed with PATCH (its secret stays). */
  | { webhook: Webhook; onSaved(webhook: Webhook): void; onCancel(): void };

/** A webhook's address, what it is for, its format and the events it receives: for a new one, or to change one. */
export function WebhookForm({ webhook, onSaved, onCancel }: Props) {
  const id = useId();
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [description, setDescription] = useState(webhook?.description ?? "");
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? "json");
  const [events, setEvents] = useState<string[]>(webhook?.events ?? ["fact_check.published", "fact_check.changed", "fact_check.unpublished"]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const body = { url, description, format, events };
      const saved = webhook
        ? await callApi<{ webhook: Webhook }>("PATCH", `/api/webhooks/${webhook.id}`, body)
        : await callApi<{ webhook: Webhook }>("POST", "/api/webhooks", body);
      onSaved(saved.webhook);
      if (!webhook) {
        setUrl("");
        setDescription("");
      }
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const fields = Object.fromEntries(Object.entries(caught.fields).map(([field, message]) => [field.split(".")[0]!, message]));
      setErrors(fields);
      setError(Object.keys(fields).length ? null : caught.message);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (name: string, on: boolean) => setEvents((current) => (on ? [...current, name] : current.filter((each) => each !== name)));

  return (
    <form className="webhook-form" noValidate onSubmit={save} aria-label={webhook ? `Change the webhook ${webhook.url}` : "Add a webhook"}>
      <LabelledField
        id={`${id}-url`}
        name="url"
        label="Address (URL)"
        errorLabel="The address"
        errors={errors}
        type="url"
        placeholder="https://cms.example.org/hooks/fact-checks"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        required
      />
      <LabelledField
        id={`${id}-description`}
        name="description"
        label="What it is for (optional)"
        errorLabel="The description"
        errors={errors}
        placeholder="Our CMS, the #fact-checks channel…"
        value={description}
        maxLength={200}
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset className="webhook-form__choices">
        <legend>Format</legend>
        <label>
          <input type="radio" name={`${id}-format`} checked={format === "json"} onChange={() => setFormat("json")} />
          <span>JSON, signed with a secret (for a CMS or your own tools)</span>
        </label>
        <label>
          <input type="radio" name={`${id}-format`} checked={format === "slack"} onChange={() => setFormat("slack")} />
          <span>A chat message (a Slack or Mattermost incoming webhook)</span>
        </label>
      </fieldset>
      <fieldset className="webhook-form__choices" aria-describedby={errors.events ? `${id}-events-error` : undefined}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((name) => (
          <label key={name}>
            <input type="checkbox" checked={events.includes(name)} onChange={(event) => toggle(name, event.target.checked)} />
            <span>
              {WEBHOOK_EVENT_LABELS[name]} <code className="muted">{name}</code>
            </span>
          </label>
        ))}
        <FieldError errors={errors} field="events" id={`${id}-events-error`} label="The webhook" />
      </fieldset>
      <Message text={error} />
      {webhook ? (
        <SubmitOrCancel label="Save changes" disabled={busy} onCancel={onCancel} />
      ) : (
        <button type="submit" className="primary" disabled={busy}>
          Add webhook
        </button>
      )}
    </form>
  );
}
