import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/forgot-password-form";
import { currentActor } from "@/lib/auth/current-actor";
import { deskMail } from "@/lib/notifications/desk-mail";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

/** Asks for a link to set a new password, when the desk sends email; else says who can help. */
export default async function ForgotPasswordPage() {
  const actor = await currentActor();
  if (actor && !actor.disabled) redirect("/account");
  return (
    <div className="page page--narrow">
      <h1>Forgot your password?</h1>
      {deskMail() ? (
        <>
          <p className="muted">Type the email you sign in with: we will send it a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p>This desk sends no email: ask an admin to set you a new password (under Users).</p>
      )}
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
