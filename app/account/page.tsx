import type { Metadata } from "next";
import { EmailNotificationsChoice } from "@/components/account/email-notifications-choice";
import { NameForm } from "@/components/account/name-form";
import { PasswordForm } from "@/components/account/password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TwoStep } from "@/components/account/two-step";
import { getDb } from "@/db/client";
import { oidcConfig } from "@/lib/auth/oidc-config";
import { requirePageActor } from "@/lib/auth/page-actor";
import { deskMail } from "@/lib/notifications/desk-mail";
import { delayInWords } from "@/lib/notifications/mail-settings";
import { getAccount } from "@/lib/users/account";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/input";
import { ROLE_LABELS } from "@/lib/users/roles";
import { twoStepStatus } from "@/lib/users/two-step";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

/** The signed-in person's own account: their name, their password, two-step sign-in, their emails and their sessions. */
export default async function AccountPage() {
  const db = await getDb();
  const actor = await requirePageActor("/account");
  const account = await getAccount(db, actor);
  const twoStep = await twoStepStatus(db, actor);
  const provider = oidcConfig()?.name ?? "single sign-on";
  const hasPassword = account.signInMethods.includes("password");
  const mail = deskMail()?.settings;
  return (
    <div className="page page--account">
      <h1>Your account</h1>
      {actor.twoStepDue && (
        <p className="notice" role="status">
          The desk requires two-step sign-in of editors and admins. Turn yours on under <a href="#two-step">Two-step sign-in</a> below to go on to the
          rest of the desk.
        </p>
      )}
      <dl className="account-facts">
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
        <dt>Signs in with</dt>
        <dd>{[hasPassword && "a password", account.signInMethods.includes("sso") && provider].filter(Boolean).join(" or ")}</dd>
      </dl>
      <p className="muted">Your email is the name you sign in with. Your email and your role are for an admin to change.</p>

      <h2 className="admin-section">Profile</h2>
      <NameForm initialName={account.name} />

      <h2 className="admin-section">Password</h2>
      {hasPassword ? (
        <>
          <p className="muted">Changing it signs your account out everywhere else.</p>
          <PasswordForm email={account.email} minLength={PASSWORD_MIN_LENGTH} />
        </>
      ) : (
        <p>You sign in through {provider} and have no password here. To sign in with a password too, ask an admin to give you one.</p>
      )}

      {hasPassword && (
        <>
          <h2 className="admin-section" id="two-step">
            Two-step sign-in
          </h2>
          <TwoStep initial={twoStep} email={account.email} />
        </>
      )}

      <h2 className="admin-section" id="notifications">
        Email notifications
      </h2>
      {mail ? (
        <EmailNotificationsChoice email={account.email} initial={{ emailNotifications: account.emailNotifications, emailDaily: account.emailDaily }} delay={delayInWords(mail.delaySeconds)} dailyAt={mail.dailyAt} />
      ) : (
        <p className="muted">This desk sends no email: its operator has not set it up. What is for you waits in your inbox, counted in the header.</p>
      )}

      <h2 className="admin-section">Sessions</h2>
      <p className="muted">
        Signed in on a computer that is not yours, or lost a phone? End every session of your account at once. An admin resetting your password or
        disabling your account does the same.
      </p>
      <SignOutEverywhere />
    </div>
  );
}
