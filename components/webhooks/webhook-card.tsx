"use client";

import { useState } from "react";
import { formatMomentIn } from "@/lib/time-zone";
import { WEBHOOK_EVENT_LABELS, type WebhookEventType } from "@/lib/webhooks/events";
import type { Webhook, WebhookDelivery } from "@/lib/webhooks/service";
import { callApi } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { Message } from "../message";
import { useTimeZone } from "../time-zone";
import { useApiAction } from "../use-api-action";
import { WebhookForm } from "./webhook-form";


const eventLabel = (type: WebhookEventType) => (type === "ping" ? "Test event" : WEBHOOK_EVENT_LABELS[type]);

/** What became of a delivery, in words: what an admin needs to mend a receiver. */
function outcomeOf(delivery: WebhookDelivery, timeZone: string): string {
  switch (delivery.state) {
    case "pending":
      return "Waiting to be sent";
    case "delivered":
      return `Delivered (HTTP ${delivery.responseStatus})${delivery.attempts > 1 ? ` at attempt ${delivery.attempts}` : ""}`;
    case "retrying":
      return `Failed ${delivery.attempts} ${delivery.attempts === 1 ? "time" : "times"}: ${delivery.lastError} Next attempt ${formatMomentIn(delivery.nextAttemptAt!, timeZone, { seconds: true })}.`;
    case "failed":
      return `Given up after ${delivery.attempts} attempts: ${delivery.lastError}`;
  }
}

type Props = { webhook: Webhook; onChanged(webhook: Webhook): void; onDeleted(id: string): void };

/** One webhook: its settings, its secret, its latest deliveries, and what an admin may do with it. */
export function WebhookCard({ webhook, onChanged, onDeleted }: Props) {
  const { busy, error, run } = useApiAction();
  const timeZone = useTimeZone();
  const { confirm, dialog } = useConfirm();
  const [secretShown, setSecretShown] = useState(false);
  const [editing, setEditing] = useState(false);
  const path = `/api/webhooks/${webhook.id}`;
  const change = (method: string, url: string, body?: unknown) => run(async () => onChanged((await callApi<{ webhook: Webhook }>(method, url, body)).webhook));

  async function remove() {
    const question = { question: "Delete this webhook?", detail: `${webhook.url} gets no more events; deliveries not sent yet are dropped.`, action: "Delete", destructive: true };
    if (await confirm(question)) await run(async () => (await callApi("DELETE", path), onDeleted(webhook.id)));
  }

  async function newSecret() {
    const question = { question: "Replace the secret?", detail: "The old one stops working at once: give the receiver the new one.", action: "Replace the secret" };
    if (await confirm(question)) await change("PATCH", path, { newSecret: true });
  }

  return (
    <article className="webhook-card" aria-label={`Webhook ${webhook.url}`}>
      <header className="webhook-card__head">
        <code className="webhook-card__url">{webhook.url}</code>
        {!webhook.active && <span className="badge">Paused</span>}
      </header>
      {webhook.description && <p className="webhook-card__description">{webhook.description}</p>}
      <p className="muted">
        {webhook.format === "slack" ? "Chat messages" : "Signed JSON"} for: {webhook.events.map(eventLabel).join("; ")}.
      </p>
      {webhook.format === "json" && (
        <p className="webhook-card__secret">
          Secret:{" "}
          {secretShown ? <code>{webhook.secret}</code> : <span className="muted">hidden</span>}{" "}
          <button type="button" className="link-button" onClick={() => setSecretShown(!secretShown)}>
            {secretShown ? "Hide" : "Show"}
          </button>{" "}
          <button type="button" className="link-button" disabled={busy} onClick={() => void newSecret()}>
            New secret
          </button>
        </p>
      )}
      {editing && (
        <WebhookForm
          webhook={webhook}
          onSaved={(saved) => {
            onChanged(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <p className="webhook-card__actions">
        <button type="button" className="secondary" disabled={busy || editing} onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="secondary" disabled={busy || !webhook.active} onClick={() => void change("POST", `${path}/test`)}>
          Send a test event
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void change("PATCH", path, { active: !webhook.active })}>
          {webhook.active ? "Pause" : "Resume"}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
          Delete
        </button>
      </p>
      <Message text={error} />
      <h3 className="section-title">Latest deliveries</h3>
      {webhook.deliveries.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <div className="table-scroller">
          <table className="audit-table webhook-card__deliveries">
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Event</th>
                <th scope="col">Result</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webhook.deliveries.map((delivery) => (
                <tr key={delivery.id} className={`webhook-delivery webhook-delivery--${delivery.state}`}>
                  <td>{formatMomentIn(delivery.createdAt, timeZone, { seconds: true })}</td>
                  <td>{eventLabel(delivery.eventType)}</td>
                  <td>{outcomeOf(delivery, timeZone)}</td>
                  <td>
                    {(delivery.state === "failed" || delivery.state === "delivered") && (
                      <button type="button" className="link-button" disabled={busy} onClick={() => void change("POST", `/api/webhook-deliveries/${delivery.id}/retry`)}>
                        Send again
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </article>
  );
}
