import { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation";

/** The provider's name on the sign-in button when `OIDC_NAME` is not set. */
export const DEFAULT_OIDC_NAME = "single sign-on";

/** Single sign-on through one OpenID Connect provider, as configured by the environment. */
export type OidcConfig = {
  /** The issuer URL without a trailing slash: the discovery document is at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name as people know it, shown on the button: "Sign in with <name>". */
  name: string;
};

/** Off (no variable set), on, or invalid: set in part or wrongly, which leaves it off and says why. */
export type OidcSetup = { status: "off" } | { status: "on"; config: OidcConfig } | { status: "invalid"; problem: string };

const REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

// Compose files and unit files often set a variable to "" to mean "unset".
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Tokens and the client secret travel to the issuer, so it must be https; plain http is accepted on this
 * machine only (a provider run for development or tests).
 */
const issuerSchema = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname), "must be an https:// URL (http:// only for localhost)")
  .refine((url) => !url.search && !url.hash, "must not have a query or a fragment")
  .transform((url) => url.href.replace(/\/+$/, ""));

const oidcEnvironmentSchema = z
  .object({
    OIDC_ISSUER: z.preprocess(blankAsUnset, issuerSchema.optional()),
    OIDC_CLIENT_ID: z.preprocess(blankAsUnset, z.string().trim().max(512, "must be at most 512 characters").optional()),
    OIDC_CLIENT_SECRET: z.preprocess(blankAsUnset, z.string().max(4096, "must be at most 4096 characters").optional()),
    OIDC_NAME: z.preprocess(blankAsUnset, z.string().trim().max(60, "must be at most 60 characters").optional()),
  })
  .superRefine((environment, context) => {
    const set = REQUIRED.filter((name) => environment[name] !== undefined);
    if (set.length === 0 || set.length === REQUIRED.length) return;
    for (const name of REQUIRED) {
      if (environment[name] === undefined) context.addIssue({ code: "custom", path: [name], message: "is not set" });
    }
  });

/**
 * Reads the single sign-on configuration from `environment`: `OIDC_ISSUER`, `OIDC_CLIENT_ID` and
 * `OIDC_CLIENT_SECRET` all set turns it on, none leaves it off; `OIDC_NAME` names the provider.
 * Anything else is `invalid` with a message naming each variable at fault, never a throw: a mistyped
 * variable must not take password sign-in down with it.
 */
export function readOidcSetup(environment: Record<string, string | undefined>): OidcSetup {
  const parsed = oidcEnvironmentSchema.safeParse({
    OIDC_ISSUER: environment.OIDC_ISSUER,
    OIDC_CLIENT_ID: environment.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: environment.OIDC_CLIENT_SECRET,
    OIDC_NAME: environment.OIDC_NAME,
  });
  if (!parsed.success) {
    const faults = Object.entries(fieldErrorsOf(parsed.error)).map(([name, message]) => `${name} ${message}`);
    return {
      status: "invalid",
      problem: `Single sign-on is off because its configuration is incomplete or wrong: ${faults.join("; ")}. Set all of ${REQUIRED.join(", ")} (and optionally OIDC_NAME), or none of them.`,
    };
  }
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_NAME: name } = parsed.data;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) return { status: "off" };
  return { status: "on", config: { issuer, clientId, clientSecret, name: name ?? DEFAULT_OIDC_NAME } };
}

// The environment does not change while the process runs: read it once, and report a problem once.
let setup: OidcSetup | undefined;

/** This process's single sign-on setup; the first call logs an invalid configuration as an error. */
export function oidcSetup(): OidcSetup {
  if (!setup) {
    setup = readOidcSetup(process.env);
    if (setup.status === "invalid") console.error(`\n${setup.problem}\n`);
  }
  return setup;
}

/** The configured provider, or null when single sign-on is off (or misconfigured, see `oidcSetup`). */
export function oidcConfig(): OidcConfig | null {
  const current = oidcSetup();
  return current.status === "on" ? current.config : null;
}
