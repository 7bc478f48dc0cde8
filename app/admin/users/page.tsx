import type { Metadata } from "next";
import { UserAdmin } from "@/components/user-admin";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayManageUsers } from "@/lib/policies/user";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/input";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  const decision = mayManageUsers(actor);
  if (!decision.allowed) {
    return (
      <div className="page">
        <h1>Users</h1>
        <p role="alert">{decision.reason}</p>
      </div>
    );
  }
  const users = await listUsers(await getDb(), actor);
  return (
    <div className="page">
      <h1>Users</h1>
      <UserAdmin actorId={actor.id} initialUsers={users} passwordMinLength={PASSWORD_MIN_LENGTH} />
    </div>
  );
}
