/**
 * The OpenID Connect provider of the browser tests: `5-sso.spec.ts` runs it (oauth2-mock-server) on a port
 * of its own, 90 above the app's so that runs on other ports do not collide, and the app is configured
 * for it (playwright.config.ts). The app reads the provider's discovery document only when someone signs
 * in, so the provider need not be up when the app starts.
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);

export const SSO_PORT = Number(process.env.E2E_SSO_PORT ?? APP_PORT + 90);

export const SSO_PROVIDER_NAME = "Newsroom ID";

export const SSO_ENVIRONMENT = {
  OIDC_ISSUER: `http://localhost:${SSO_PORT}`,
  OIDC_CLIENT_ID: "factcheck-desk-e2e",
  OIDC_CLIENT_SECRET: "e2e-client-secret",
  OIDC_NAME: SSO_PROVIDER_NAME,
};
