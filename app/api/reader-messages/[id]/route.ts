import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { handleReaderMessage } from "@/lib/reader-messages/desk";

/** Marks a reader's message handled (`{handled: true, note?}`) or new again (`{handled: false}`); editors and admins. */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => handleReaderMessage(db, actor, params.id, await readJsonBody(request)), {
  noun: "reader's message",
});
