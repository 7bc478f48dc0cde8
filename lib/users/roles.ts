import { z } from "zod";

/**
 * Roles, each including the powers of the ones before it:
 * a reviewer annotates, an editor also reviews, an admin also manages users and articles.
 */
export const ROLES = ["reviewer", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: () => `must be one of ${ROLES.join(", ")}` });

export const ROLE_LABELS: Record<Role, string> = {
  reviewer: "Reviewer",
  editor: "Editor",
  admin: "Admin",
};

/** Whether `role` carries at least the powers of `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
