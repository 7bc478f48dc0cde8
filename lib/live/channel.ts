import { z } from "zod";

/** The NOTIFY channel of live events; the audit trail's trigger (migration live_events) notifies it too. */
export const LIVE_CHANNEL = "fact_events";

/**
 * What a notification says: the audit trail grew (up to `max`, for `articles`, null when a statement
 * touched too many to list), or who reads an article changed. Parsed, since anyone with access to the
 * database may NOTIFY this channel.
 */
export const livePayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("audit"), max: z.number().int(), articles: z.array(z.string()).nullable() }),
  z.object({ kind: z.literal("presence"), articleId: z.string() }),
]);

export type LivePayload = z.infer<typeof livePayloadSchema>;

export function parseLivePayload(payload: string): LivePayload | null {
  try {
    const parsed = livePayloadSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
