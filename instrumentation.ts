/** Opens, migrates and seeds the database when the server starts, schedules its backups, posts webhooks, emails inbox items, erases readers' emails kept long enough and reads recent articles' originals for changes (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseOrExit, startBackups, startEmailNotifications, startOriginalWatch, startReaderEmailRetention, startWebhooks } = await import("./db/startup");
    // A malformed TRUSTED_PROXY_HOPS stops the start, named, rather than the first reader's message.
    const { trustedProxyHops } = await import("./lib/http/sender");
    try {
      trustedProxyHops();
    } catch (error) {
      console.error(`\nCannot start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    await openDatabaseOrExit();
    await startBackups();
    await startWebhooks();
    await startReaderEmailRetention();
    await startEmailNotifications();
    await startOriginalWatch();
    // Said at start-up rather than at the first sign-in: whether single sign-on is on, and why not when misconfigured.
    const { oidcSetup } = await import("./lib/auth/oidc-config");
    const sso = oidcSetup();
    if (sso.status === "on") console.log(`Single sign-on is on: "Sign in with ${sso.config.name}" through ${sso.config.issuer}.`);
  }
}
