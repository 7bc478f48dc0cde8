import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/setup-form";
import { getDb } from "@/db/client";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/input";
import { countUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

/** First run only: creates the first admin. Once any user exists it sends everyone to sign in. */
export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) redirect("/signin");
  return (
    <div className="page page--narrow">
      <h1>Set up the fact-check desk</h1>
      <p>Create the first admin account. You will add your newsroom&apos;s reviewers and editors next.</p>
      <SetupForm passwordMinLength={PASSWORD_MIN_LENGTH} />
    </div>
  );
}
