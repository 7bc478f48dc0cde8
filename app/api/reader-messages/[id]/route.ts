import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { deleteReaderMessage, handleReaderMessage } from "@/lib/reader-messages/desk";

/** Marks a reader's message handled (`{handled: true, note?}`) or new again (`{handled: false}`); editors and admins. */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => handleReaderMessage(db, actor, params.id, await readJsonBody(request)), {
  noun: "reader's message",
});

/** Deletes a reader's message for good (spam, or at the reader's request): 204; editors and admins. */
export const DELETE = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => {
    await deleteReaderMessage(db, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { noun: "reader's message" },
);
