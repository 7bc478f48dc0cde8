import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

describe("signInErrorMessage", () => {
  it("says nothing without an error", () => {
    expect(signInErrorMessage(undefined, "Newsroom ID")).toBeNull();
    expect(signInErrorMessage("", "Newsroom ID")).toBeNull();
  });

  it("explains each refusal of a single sign-on", () => {
    expect(signInErrorMessage("SsoSelfRegistrationOff", "Newsroom ID")).toBe("Self-registration is off: ask an admin to create your account.");
    expect(signInErrorMessage("SsoEmailUnverified", "Newsroom ID")).toMatch(/ask an admin/);
    expect(signInErrorMessage("AccountDisabled", "Newsroom ID")).toMatch(/disabled/);
  });

  it("says why a session that was valid ended", () => {
    expect(signInErrorMessage("SessionEnded", "Newsroom ID")).toMatch(/^You were signed out: your password was changed or reset, or your account was signed out everywhere/);
    // A password changed on an account with two-step sign-in: signing in again there needs a code.
    expect(signInErrorMessage("PasswordChanged", "Newsroom ID")).toMatch(/^Password changed.*Sign in here again with the new password and a code from your app\.$/);
  });

  it("names the provider when it could not be reached or the sign-in did not complete", () => {
    expect(signInErrorMessage("OAuthSignin", "Newsroom ID")).toMatch(/^Could not reach Newsroom ID/);
    expect(signInErrorMessage("OAuthCallback", "Newsroom ID")).toMatch(/^Signing in through Newsroom ID did not complete/);
  });

  it.each([["<img src=x onerror=alert(1)>"], ["constructor"], ["__proto__"], [["SsoSelfRegistrationOff", "x"]]])(
    "answers an unknown code %j with a generic message, never the code itself",
    (code) => {
      expect(signInErrorMessage(code, "Newsroom ID")).toBe("Sign-in failed. Try again.");
    },
  );
});
