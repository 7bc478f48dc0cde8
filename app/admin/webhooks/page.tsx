import type { Metadata } from "next";
import { RefusedPage } from "@/components/refused-page";
import { WebhookAdmin } from "@/components/webhooks/webhook-admin";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayManageWebhooks } from "@/lib/policies/webhook";
import { listWebhooks } from "@/lib/webhooks/service";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

/** Webhooks (admins): tell a CMS or a chat channel what happens on the desk, and follow what was delivered. */
export default async function WebhooksPage() {
  const actor = await requirePageActor("/admin/webhooks");
  const decision = mayManageWebhooks(actor);
  if (!decision.allowed) return <RefusedPage title="Webhooks" reason={decision.reason} />;
  const webhooks = await listWebhooks(await getDb(), actor);
  return (
    <div className="page">
      <h1>Webhooks</h1>
      <p>
        A webhook posts what happens on the desk to another system within seconds: your CMS when a fact-check is published, corrected or taken
        down, or a chat channel when a claim waits for review. A receiver that fails is tried again for about two days.
      </p>
      <p className="muted">
        JSON webhooks are signed: the header <code>Webhook-Signature: t=&lt;time&gt;,v1=&lt;signature&gt;</code> holds the HMAC-SHA256, keyed with
        the webhook&apos;s secret, of the time, a dot and the body. <code>Webhook-Id</code> is the event&apos;s id, the same on every retry. The
        README describes the events.
      </p>
      <WebhookAdmin initial={webhooks} />
    </div>
  );
}
