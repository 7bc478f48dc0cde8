import type { Database } from "./database";
import { connectFromEnvironment, type Connection } from "./connect";
import { prepareDatabase } from "./prepare";

// Kept on globalThis so that module reloads in development reuse the one open database.
const holder = globalThis as typeof globalThis & { __factcheckConnection?: Promise<Connection> };

/**
 * The app's database, opened, migrated and seeded on first use (never at import time,
 * so that `next build` does not open it).
 */
export function getConnection(): Promise<Connection> {
  holder.__factcheckConnection ??= (async () => {
    const connection = await connectFromEnvironment();
    await prepareDatabase(connection);
    return connection;
  })();
  holder.__factcheckConnection.catch(() => {
    holder.__factcheckConnection = undefined;
  });
  return holder.__factcheckConnection;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}
