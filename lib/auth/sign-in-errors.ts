import { SSO_REFUSALS } from "@/lib/users/oidc-sign-in";

/**
 * What the sign-in page says for each `?error=` code that next-auth or our own redirects send it.
 * Only these messages are ever shown: the code itself comes from the address bar, so it is looked up, never displayed.
 */
function messages(providerName: string): Map<string, string> {
  const failed = `Signing in through ${providerName} failed. Try again; if it keeps failing, tell your admin.`;
  return new Map<string, string>([
    ["CredentialsSignin", "That email and password do not match an active account."],
    ["SessionRequired", "Sign in to continue."],
    ["PasswordChanged", "Password changed, and every other session of your account signed out. Sign in here again with the new password and a code from your app."],
    ["SessionEnded", "You were signed out: your password was changed or reset, or your account was signed out everywhere. Sign in again."],
    ...Object.entries(SSO_REFUSALS),
    ["SsoProfileInvalid", `${providerName} sent an identity without the details we need: ask an admin to check the single sign-on setup.`],
    ["OAuthSignin", `Could not reach ${providerName} to start signing in. Try again in a moment; if it keeps failing, tell your admin.`],
    ["OAuthCallback", `Signing in through ${providerName} did not complete: it was cancelled, took too long, or was refused there. Try again.`],
    ["Callback", failed],
    ["OAuthCreateAccount", failed],
    ["AccessDenied", failed],
    ["Configuration", failed],
  ]);
}

/** The message for `code`, a generic one for codes we do not know, null without a code. */
export function signInErrorMessage(code: unknown, providerName: string): string | null {
  if (code === undefined || code === "") return null;
  return (typeof code === "string" && messages(providerName).get(code)) || "Sign-in failed. Try again.";
}
