import type { Role } from "@/lib/users/roles";

/** A signed-in person of `role`, as the policies see them. */
export const person = (role: Role, disabled = false) => ({ id: `user-${role}`, role, disabled });

/** Anonymous, a disabled admin, and one active person of each role, with whether a rule open to `allowed` lets each in. */
export function everyone(allowed: readonly Role[]): [string, ReturnType<typeof person> | null, boolean][] {
  return [
    ["anonymous", null, false],
    ["a disabled admin", person("admin", true), false],
    ["a reviewer", person("reviewer"), allowed.includes("reviewer")],
    ["an editor", person("editor"), allowed.includes("editor")],
    ["an admin", person("admin"), allowed.includes("admin")],
  ];
}
