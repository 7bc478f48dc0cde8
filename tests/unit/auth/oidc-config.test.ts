import { describe, expect, it } from "vitest";
import { readOidcSetup } from "@/lib/auth/oidc-config";
import { oidcProvider } from "@/lib/auth/oidc-provider";

const complete = { OIDC_ISSUER: "https://id.newsroom.example/realms/desk", OIDC_CLIENT_ID: "factcheck-desk", OIDC_CLIENT_SECRET: "s3cret" };

describe("readOidcSetup", () => {
  it("is off when no variable is set, or all are blank", () => {
    expect(readOidcSetup({})).toEqual({ status: "off" });
    expect(readOidcSetup({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "  ", OIDC_CLIENT_SECRET: "" })).toEqual({ status: "off" });
  });

  it("ignores a provider name without a provider", () => {
    expect(readOidcSetup({ OIDC_NAME: "Newsroom ID" })).toEqual({ status: "off" });
  });

  it("is on with all three, named 'single sign-on' unless OIDC_NAME says otherwise", () => {
    expect(readOidcSetup(complete)).toEqual({
      status: "on",
      config: { issuer: "https://id.newsroom.example/realms/desk", clientId: "factcheck-desk", clientSecret: "s3cret", name: "single sign-on" },
    });
    expect(readOidcSetup({ ...complete, OIDC_NAME: " Newsroom ID " })).toMatchObject({ status: "on", config: { name: "Newsroom ID" } });
  });

  it("drops the issuer's trailing slash, so the discovery document's address has no double slash", () => {
    expect(readOidcSetup({ ...complete, OIDC_ISSUER: "https://id.newsroom.example/" })).toMatchObject({ config: { issuer: "https://id.newsroom.example" } });
  });

  it("accepts plain http for a provider on this machine only", () => {
    for (const issuer of ["http://localhost:3190", "http://127.0.0.1:8080/auth", "http://[::1]:9000"]) {
      expect(readOidcSetup({ ...complete, OIDC_ISSUER: issuer }).status).toBe("on");
    }
    expect(readOidcSetup({ ...complete, OIDC_ISSUER: "http://id.newsroom.example" })).toEqual({
      status: "invalid",
      problem: expect.stringContaining("OIDC_ISSUER must be an https:// URL (http:// only for localhost)"),
    });
  });

  it.each([
    ["not a URL", "id.newsroom.example", "OIDC_ISSUER must be an http:// or https:// URL"],
    ["another scheme", "ftp://id.newsroom.example", "OIDC_ISSUER must be an http:// or https:// URL"],
    ["a query", "https://id.newsroom.example/?tenant=1", "OIDC_ISSUER must not have a query or a fragment"],
  ])("refuses an issuer that is %s", (_, issuer, problem) => {
    expect(readOidcSetup({ ...complete, OIDC_ISSUER: issuer })).toEqual({ status: "invalid", problem: expect.stringContaining(problem) });
  });

  it("names every missing variable of a partial configuration, without throwing", () => {
    const setup = readOidcSetup({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: "" });
    expect(setup.status).toBe("invalid");
    if (setup.status !== "invalid") return;
    expect(setup.problem).toContain("OIDC_CLIENT_ID is not set; OIDC_CLIENT_SECRET is not set");
    expect(setup.problem).toContain("Set all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET");
    expect(setup.problem).not.toContain(complete.OIDC_ISSUER);
  });

  it("never repeats the client secret in its complaint", () => {
    const setup = readOidcSetup({ ...complete, OIDC_ISSUER: "http://id.newsroom.example", OIDC_CLIENT_SECRET: "s3cret" });
    expect(setup.status === "invalid" && setup.problem).not.toContain("s3cret");
  });

  it("refuses an overlong provider name", () => {
    expect(readOidcSetup({ ...complete, OIDC_NAME: "N".repeat(61) })).toEqual({
      status: "invalid",
      problem: expect.stringContaining("OIDC_NAME must be at most 60 characters"),
    });
  });
});

describe("oidcProvider", () => {
  it("discovers the issuer, asks for openid, email and profile, checks PKCE and state, and reads the ID token", () => {
    const setup = readOidcSetup({ ...complete, OIDC_NAME: "Newsroom ID" });
    if (setup.status !== "on") throw new Error("expected a configuration");
    expect(oidcProvider(setup.config)).toMatchObject({
      id: "oidc",
      name: "Newsroom ID",
      type: "oauth",
      wellKnown: "https://id.newsroom.example/realms/desk/.well-known/openid-configuration",
      clientId: "factcheck-desk",
      clientSecret: "s3cret",
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state"],
      idToken: true,
    });
  });
});
