import { apiRoute } from "@/lib/http/route";
import { turnOffTwoStepFor } from "@/lib/users/two-step";

/** Admins: turns a colleague's two-step sign-in off (a lost phone and lost recovery codes). */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => turnOffTwoStepFor(db, actor, params.id), { noun: "user" });
