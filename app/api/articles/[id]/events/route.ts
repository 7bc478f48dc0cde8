import { apiRoute } from "@/lib/http/route";
import { getLiveHub } from "@/lib/live/instance";
import { openArticleEvents } from "@/lib/live/service";

export const dynamic = "force-dynamic";

/** The article's live events as server-sent events (see lib/live/stream.ts for what it sends). */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    const url = new URL(request.url);
    const stream = await openArticleEvents(db, getLiveHub, actor, params.id, {
      lastEventId: request.headers.get("last-event-id"),
      after: url.searchParams.get("after"),
      signal: request.signal,
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
        // Not kept alive after the stream: the server keeps idle connections 65 seconds (scripts/start.mjs),
        // and a shutdown waits for each, so a deploy would wait that long for every stream it ended.
        Connection: "close",
      },
    });
  },
  { noun: "article" },
);
