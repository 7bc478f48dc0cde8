"use client";

import type { SsoAction } from "@/lib/users/sso-link";
import type { SignInMethod, SsoRequest } from "@/lib/users/service";
import { useConfirm } from "./confirm-dialog";
import { formatDateTime } from "./workbench/labels";

const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = { password: "password", sso: "single sign-on" };

/** "Password", "Single sign-on", or "Password and single sign-on" for an account linked by its email. */
function signInMethodsLabel(methods: SignInMethod[]): string {
  const label = methods.map((method) => SIGN_IN_METHOD_LABELS[method]).join(" and ") || "nothing yet";
  return label.charAt(0).toUpperCase() + label.slice(1);
}

type Props = {
  user: { name: string; signInMethods: SignInMethod[]; ssoRequest: SsoRequest | null };
  onAction: (action: SsoAction) => void;
};

/**
 * How a user signs in, and what an admin can do about their single sign-on: unlink it, or link the
 * identity a refused sign-in left waiting (after asking the person: anyone could have typed their
 * email at a provider that does not verify it), or dismiss that.
 */
export function UserSignIn({ user, onAction }: Props) {
  const request = user.ssoRequest;
  const { confirm, dialog } = useConfirm();
  const confirmLink = () =>
    void confirm({
      question: `Link this single sign-on to ${user.name}'s account?`,
      detail: `Do it only if ${user.name} told you they tried to sign in: whoever holds this identity will sign in as ${user.name}.`,
      action: "Link single sign-on",
    }).then((yes) => yes && onAction("link_request"));
  const confirmUnlink = () =>
    void confirm({
      question: `Unlink ${user.name}'s single sign-on?`,
      detail: `${user.name} then signs in with a password, or links single sign-on again at a sign-in whose provider verified the email.`,
      action: "Unlink",
      destructive: true,
    }).then((yes) => yes && onAction("unlink"));
  return (
    <div className="user-sign-in">
      <span>{signInMethodsLabel(user.signInMethods)}</span>
      {user.signInMethods.includes("sso") && (
        <button type="button" className="link-button" onClick={confirmUnlink}>
          Unlink single sign-on
        </button>
      )}
      {request && (
        <div className="user-sign-in__request" role="group" aria-label={`Single sign-on waiting for ${user.name}`}>
          <p>
            A single sign-on waits to be linked ({formatDateTime(request.at)}):{" "}
            {request.replaces ? "it would replace the identity this account signs in with now." : "its provider had not verified the email."}{" "}
            <span className="muted">
              Identity {request.subject} at {request.issuer}
            </span>
          </p>
          <button type="button" className="secondary" onClick={confirmLink}>
            Link it
          </button>{" "}
          <button type="button" className="secondary" onClick={() => onAction("dismiss_request")}>
            Dismiss
          </button>
        </div>
      )}
      {dialog}
    </div>
  );
}
