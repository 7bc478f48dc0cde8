import type { Role } from "./roles";

/** The signed-in user on whose behalf a service runs, as read from the database on this request. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
};

/**
 * The signed-in user of a request, with the session generation their account honours now (see
 * `./sessions.ts`), and whether the desk requires a second step of them that they have yet to turn on
 * (see `./two-step-requirement.ts`).
 */
export type SessionActor = Actor & { sessionGeneration: number; twoStepDue: boolean };
