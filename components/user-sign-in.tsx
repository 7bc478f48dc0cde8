"use client";

import type { SsoAction } from "@/lib/users/sso-link";
import type { SignInMethod, SsoRequest } from "@/lib/users/service";
import { useConfirm } from "./confirm-dialog";
import { DeskTime } from "./time-zone";

const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = { password: "password", sso: "single sign-on" };

/** "Password", "Single sign-on", or "Password and single sign-on" for an account linked by its email. */
function signInMethodsLabel(methods: SignInMethod[]): string {
  const label = methods.map((method) => SIGN_IN_METHOD_LABELS[method]).join(" and ") || "nothing yet";
  return label.charAt(0).toUpperCase() + label.slice(1);
}

type Props = {
  user: { name: string; signInMethods: SignInMethod[]; twoStep: boolean; ssoRequest: SsoRequest | null };
  onAction: (action: SsoAction) => void;
  /** Turns the user's two-step sign-in off; absent on the admin's own row (theirs is on "Your account"). */
  onTurnOffTwoStep?: () => void;
};

/**
 * How a user signs in, and what an admin can do about their single sign-on: unlink it, or link the
 * identity a refused sign-in left waiting (after asking the person: anyone could have typed their
 * email at a provider that does not verify it), or dismiss that.
 */
export function UserSignIn({ user, onAction, onTurnOffTwoStep }: Props) {
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
  const confirmTwoStepOff = () =>
    void confirm({
      question: `Turn off ${user.name}'s two-step sign-in?`,
      detail: `Do it only if ${user.name} asked you in person or by phone (a lost phone and lost recovery codes): their password alone will then sign them in, until they turn it on again.`,
      action: "Turn off two-step sign-in",
      destructive: true,
    }).then((yes) => yes && onTurnOffTwoStep?.());
  return (
    <div className="user-sign-in">
      <span>{signInMethodsLabel(user.signInMethods)}</span>
      {user.twoStep && <span className="muted">with two-step sign-in</span>}
      {user.twoStep && onTurnOffTwoStep && (
        <button type="button" className="link-button" aria-label={`Turn off two-step sign-in of ${user.name}`} onClick={confirmTwoStepOff}>
          Turn off two-step sign-in
        </button>
      )}
      {user.signInMethods.includes("sso") && (
        <button type="button" className="link-button" onClick={confirmUnlink}>
          Unlink single sign-on
        </button>
      )}
      {request && (
        <div className="user-sign-in__request" role="group" aria-label={`Single sign-on waiting for ${user.name}`}>
          <p>
            A single sign-on waits to be linked (<DeskTime at={request.at} />):{" "}
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
