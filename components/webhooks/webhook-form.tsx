"use client";

import { useId, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookFormat } from "@/lib/webhooks/events";
import type { Webhook } from "@/lib/webhooks/service";
import { ApiError, callApi } from "../api-client";
import { FieldError } from "../field-error";
import { LabelledField } from "../labelled-field";
import { Message } from "../message";

/** Adds a webhook: its address, what it is for, its format and the events it receives. */
export function WebhookForm({ onAdded }: { onAdded(webhook: Webhook): void }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [format, setFormat] = useState<WebhookFormat>("json");
  const [events, setEvents] = useState<string[]>(["fact_check.published", "fact_check.changed", "fact_check.unpublished"]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const { webhook } = await callApi<{ webhook: Webhook }>("POST", "/api/webhooks", { url, description, format, events });
      onAdded(webhook);
      setUrl("");
      setDescription("");
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
    <form className="webhook-form" noValidate onSubmit={add} aria-label="Add a webhook">
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
          <input type="radio" name="format" checked={format === "json"} onChange={() => setFormat("json")} />
          <span>JSON, signed with a secret (for a CMS or your own tools)</span>
        </label>
        <label>
          <input type="radio" name="format" checked={format === "slack"} onChange={() => setFormat("slack")} />
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
      <button type="submit" className="primary" disabled={busy}>
        Add webhook
      </button>
    </form>
  );
}
