import type { Metadata } from "next";
import { RefusedPage } from "@/components/refused-page";
import { SelfRegistrationSwitch } from "@/components/self-registration-switch";
import { TestEmailButton } from "@/components/test-email-button";
import { TwoStepRequirementSwitch } from "@/components/two-step-requirement-switch";
import { UserAdmin } from "@/components/user-admin";
import { getDb } from "@/db/client";
import { oidcSetup } from "@/lib/auth/oidc-config";
import { requirePageActor } from "@/lib/auth/page-actor";
import { deskMail } from "@/lib/notifications/desk-mail";
import { mailSettings } from "@/lib/notifications/mail-settings";
import { mayManageUsers } from "@/lib/policies/user";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/input";
import { readSelfRegistration } from "@/lib/users/self-registration";
import { listUsers } from "@/lib/users/service";
import { readTwoStepRequirement } from "@/lib/users/two-step-requirement";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  const decision = mayManageUsers(actor);
  if (!decision.allowed) return <RefusedPage title="Users" reason={decision.reason} />;
  const db = await getDb();
  const [users, selfRegistration, twoStep] = await Promise.all([listUsers(db, actor), readSelfRegistration(db, actor), readTwoStepRequirement(db, actor)]);
  const sso = oidcSetup();
  const mail = deskMail();
  const mailProblems = mailSettings().problems;
  return (
    <div className="page">
      <h1>Users</h1>
      <UserAdmin actorId={actor.id} initialUsers={users} passwordMinLength={PASSWORD_MIN_LENGTH} />
      <h2 className="admin-section">Two-step sign-in</h2>
      <TwoStepRequirementSwitch initialRequired={twoStep.required} />
      <h2 className="admin-section">Single sign-on</h2>
      {sso.status === "on" && <SelfRegistrationSwitch providerName={sso.config.name} initialEnabled={selfRegistration.enabled} />}
      {sso.status === "off" && (
        <p className="muted">
          Single sign-on is not set up: people sign in with their email and password. To add a provider, set OIDC_ISSUER, OIDC_CLIENT_ID and
          OIDC_CLIENT_SECRET on the server (see the README).
        </p>
      )}
      {sso.status === "invalid" && <p role="alert" className="form-message">{sso.problem}</p>}
      <h2 className="admin-section">Email</h2>
      {mail ? (
        <>
          <p className="muted">
            The desk emails people what lands in their inbox (each can turn it off on their account page) and links to set a forgotten password,
            from {mail.settings.from} through {new URL(mail.settings.smtpUrl).hostname}.
          </p>
          <TestEmailButton />
        </>
      ) : (
        <p className="muted">
          The desk sends no email: people find what is for them in their inbox, and an admin sets a forgotten password. To send email, set SMTP_URL on
          the server (see the README).
        </p>
      )}
      {mailProblems.map((problem) => (
        <p key={problem} role="alert" className="form-message">
          Email is off: {problem}
        </p>
      ))}
    </div>
  );
}
