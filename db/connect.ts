import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./database";
import { lockDataDirectory } from "./embedded-lock";
import { listenOnPostgres, type ListenHandlers, type Unlisten } from "./listen";
import * as schema from "./schema";

export type Engine = "pglite" | "postgres";

/** An open database: the Drizzle handle, how to bring its schema up to date, and how to close it. */
export type Connection = {
  engine: Engine;
  db: Database;
  migrate(): Promise<void>;
  /** Receives the NOTIFY payloads of `channel`: on PostgreSQL through one dedicated connection, on PGlite within the process. */
  listen(channel: string, handlers: ListenHandlers): Promise<Unlisten>;
  /**
   * PGlite only (null on PostgreSQL, which pg_dump backs up): a gzipped tarball of the data directory,
   * made between two statements (what a transaction has not committed is not in it). Queries wait meanwhile.
   */
  backup: (() => Promise<Uint8Array>) | null;
  close(): Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Serializes migrations and first-run seeding across app instances sharing one PostgreSQL. */
const MIGRATION_LOCK_KEY = 727_004_001;

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined.
 * A directory is locked for this process; a second process gets `EmbeddedDatabaseLocked`.
 */
export async function connectPglite(dataDir?: string): Promise<Connection> {
  const release = dataDir ? lockDataDirectory(dataDir) : () => {};
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = new PGlite(dataDir);
    await client.waitReady;
    const db = drizzle({ client, schema });
    return {
      engine: "pglite",
      db,
      migrate: () => migrate(db, { migrationsFolder }),
      async listen(channel, handlers) {
        const unlisten = await client.listen(channel, handlers.onPayload);
        handlers.onConnected();
        return () => unlisten();
      },
      backup: async () => new Uint8Array(await (await client.dumpDataDir("gzip")).arrayBuffer()),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens a pool of at most `max` connections on PostgreSQL. */
export async function connectPostgres(url: string, options: { max?: number } = {}): Promise<Connection> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({
    connectionString: url,
    max: options.max ?? 10,
  });
  const db = drizzle({ client: pool, schema });
  return {
    engine: "postgres",
    db,
    async migrate() {
      const client = await pool.connect();
      try {
        const migrationDb = drizzle({ client, schema });
        await migrationDb.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
        try {
          await migrate(migrationDb, { migrationsFolder });
        } finally {
          await migrationDb.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    backup: null,
    close: () => pool.end(),
  };
}

/** The embedded database's directory: `PGLITE_DATA_DIR`, default ./data/pglite. */
export function embeddedDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DATA_DIR ?? path.join("data", "pglite"));
}

/** The database the environment names: PostgreSQL at `DATABASE_URL`, else PGlite in `embeddedDataDir`. */
export function connectFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  if (env.DATABASE_URL) return connectPostgres(env.DATABASE_URL);
  return connectPglite(embeddedDataDir(env));
}
