/** Opens, migrates and seeds the database when the server starts (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseOrExit } = await import("./db/startup");
    await openDatabaseOrExit();
  }
}
