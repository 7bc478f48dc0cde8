import { apiRoute } from "@/lib/http/route";
import { enforce } from "@/lib/policies/enforce";
import { mayHandleReaderMessages } from "@/lib/policies/reader-message";
import { countNewReaderMessages } from "@/lib/reader-messages/desk";

/** How many readers' messages wait for an editor (editors and admins): `{new}`, for the header. */
export const GET = apiRoute(async ({ db, actor }) => {
  enforce(mayHandleReaderMessages(actor), actor);
  return { new: await countNewReaderMessages(db, actor) };
});
