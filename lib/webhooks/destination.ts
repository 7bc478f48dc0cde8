import { destinationPolicy } from "@/lib/http/destination";

/**
 * Where webhooks may be sent: public addresses, and those inside the newsroom's network that the
 * operator lists in `WEBHOOK_PRIVATE_HOSTS` (see `lib/http/destination.ts`).
 */
export const webhookDestinations = () => destinationPolicy(process.env.WEBHOOK_PRIVATE_HOSTS ?? "");

/** What to do about a refused address, for the errors that name one. */
export const ALLOWING = "If the receiver is inside your network, the server's operator can allow it in WEBHOOK_PRIVATE_HOSTS.";
