"use client";

import { useEffect, useState } from "react";
import type { Webhook } from "@/lib/webhooks/service";
import { callApi } from "../api-client";
import { WebhookCard } from "./webhook-card";
import { WebhookForm } from "./webhook-form";
import "./webhooks.css";

/** While a delivery waits for its first attempt, how often the page looks again: it is posted within seconds. */
const FOLLOW_MS = 2_000;

/** The webhooks page's list: add one, and follow each one's deliveries. */
export function WebhookAdmin({ initial }: { initial: Webhook[] }) {
  const [webhooks, setWebhooks] = useState(initial);
  const waiting = webhooks.some((webhook) => webhook.deliveries.some((delivery) => delivery.state === "pending"));

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(async () => {
      try {
        setWebhooks((await callApi<{ webhooks: Webhook[] }>("GET", "/api/webhooks")).webhooks);
      } catch {
        // The next change on the page, or a reload, shows the outcome.
      }
    }, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [waiting, webhooks]);

  const replace = (changed: Webhook) => setWebhooks((current) => current.map((each) => (each.id === changed.id ? changed : each)));
  return (
    <>
      <h2 className="admin-section">Add a webhook</h2>
      <WebhookForm onSaved={(webhook) => setWebhooks((current) => [webhook, ...current])} />
      <h2 className="admin-section">Webhooks</h2>
      {webhooks.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <div className="webhook-list">
          {webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} onChanged={replace} onDeleted={(id) => setWebhooks((current) => current.filter((each) => each.id !== id))} />
          ))}
        </div>
      )}
    </>
  );
}
