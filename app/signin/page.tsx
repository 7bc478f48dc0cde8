import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import { DEFAULT_OIDC_NAME, oidcConfig } from "@/lib/auth/oidc-config";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc-provider";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { countUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

/** Only paths on this site are followed after sign-in. */
function safeCallback(callbackUrl: string | string[] | undefined): string {
  return typeof callbackUrl === "string" && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  const actor = await currentActor();
  if (actor && !actor.disabled) redirect(safeCallback(callbackUrl));
  const oidc = oidcConfig();
  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      <SignInForm
        callbackUrl={safeCallback(callbackUrl)}
        initialError={signInErrorMessage(error, oidc?.name ?? DEFAULT_OIDC_NAME)}
        sso={oidc && { providerId: OIDC_PROVIDER_ID, name: oidc.name }}
      />
    </div>
  );
}
