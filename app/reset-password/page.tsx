import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/input";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

/** Where the link emailed to someone who forgot their password leads: they choose a new one. */
export default function ResetPasswordPage() {
  return (
    <div className="page page--narrow">
      <h1>Set a new password</h1>
      <p className="muted">Choosing it signs your account out everywhere. Two-step sign-in, if you use it, stays on.</p>
      <ResetPasswordForm minLength={PASSWORD_MIN_LENGTH} />
    </div>
  );
}
