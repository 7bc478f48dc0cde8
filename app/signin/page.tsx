import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { countUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

const ERRORS: Record<string, string> = {
  AccountDisabled: "Your account is disabled. Ask an admin of your newsroom to enable it.",
  CredentialsSignin: "That email and password do not match an active account.",
  SessionRequired: "Sign in to continue.",
};

/** Only paths on this site are followed after sign-in. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  const actor = await currentActor();
  if (actor && !actor.disabled) redirect(safeCallback(callbackUrl));
  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={safeCallback(callbackUrl)} initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null} />
    </div>
  );
}
