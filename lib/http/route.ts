import type { Database } from "@/db/database";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { Forbidden, NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import type { SessionActor } from "@/lib/users/actor";
import { TWO_STEP_DUE } from "@/lib/users/two-step-requirement";
import { errorResponse, json } from "./respond";

type Params = Record<string, string>;

type RouteContext<P extends Params> = {
  request: Request;
  actor: SessionActor | null;
  params: P;
  db: Database;
};

/**
 * The one wrapper of every JSON route: reads the signed-in user, checks that id parameters are ids
 * (an unknown id is a 404, never a database error), runs the handler and turns its errors into HTTP.
 * A handler returns a Response, or a value sent as JSON with `status` (200 by default).
 * A user whose second step the desk requires and who has yet to turn it on is refused (403), but by the
 * routes of their own account (`ownAccount`), where they turn it on.
 */
export function apiRoute<P extends Params = Params>(
  handler: (context: RouteContext<P>) => Promise<unknown>,
  options: { status?: number; noun?: string; ownAccount?: boolean } = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      for (const [name, value] of Object.entries(params)) {
        if (name === "id" && !isId(value)) throw new NotFound(`No ${options.noun ?? "item"} with id ${value}.`);
      }
      const [db, actor] = await Promise.all([getDb(), currentActor()]);
      if (actor?.twoStepDue && !actor.disabled && !options.ownAccount) throw new Forbidden(TWO_STEP_DUE);
      const result = await handler({ request, actor, params, db });
      if (result instanceof Response) return result;
      return json(result, { status: options.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The options of a route of the signed-in person's own account: open to them while their second step is due. */
export const OWN_ACCOUNT = { ownAccount: true } as const;
