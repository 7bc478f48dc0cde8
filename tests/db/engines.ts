import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import { connectPglite, connectPostgres, type Connection } from "@/db/connect";
import type { Database } from "@/db/database";

export type EngineName = "PGlite" | "PostgreSQL";

/**
 * The engines every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * On PostgreSQL each test file gets a database of its own, dropped at the end.
 */
type Engine = { name: EngineName; open(): Promise<{ connection: Connection; dispose(): Promise<void> }> };

const pglite: Engine = {
  name: "PGlite",
  async open() {
    const connection = await connectPglite();
    return { connection, dispose: () => connection.close() };
  },
};

/**
 * Drops a test database once its pool's connections are gone. `pool.end()` resolves before the server
 * has closed every connection, and forcing the drop then kills a closing client, which reports an
 * unhandled FATAL error: so wait for them, and force only those that linger.
 */
export async function dropDatabase(admin: Connection, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // node-postgres answers `execute` with a QueryResult; the engine-neutral Database type leaves it unknown.
    const result = (await admin.db.execute(
      sql`select count(*)::int as connections from pg_stat_activity where datname = ${name}`,
    )) as { rows: { connections: number }[] };
    if (result.rows[0]?.connections === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
}

function postgres(url: string): Engine {
  return {
    name: "PostgreSQL",
    async open() {
      const name = `factcheck_test_${randomBytes(6).toString("hex")}`;
      const admin = await connectPostgres(url, { max: 1 });
      await admin.db.execute(sql.raw(`create database ${name}`));
      const testUrl = new URL(url);
      testUrl.pathname = `/${name}`;
      const connection = await connectPostgres(testUrl.toString());
      return {
        connection,
        async dispose() {
          await connection.close();
          await dropDatabase(admin, name);
          await admin.close();
        },
      };
    },
  };
}

export const engines: Engine[] = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

const TABLES = ["audit_entries", "comments", "review_events", "sources", "annotations", "article_revisions", "articles", "users", "app_settings", "sign_in_failures"];

/** Empties every table between tests. The audit trail refuses truncation, so its trigger is lifted for the statement (as its owner may). */
const EMPTY_TABLES = [
  "alter table audit_entries disable trigger audit_entries_no_truncate",
  `truncate ${TABLES.join(", ")} cascade`,
  "alter table audit_entries enable trigger audit_entries_no_truncate",
];

/**
 * Declares `specify` once per engine, on a migrated database emptied before each test.
 * `specify` receives a getter for the database, valid inside tests and hooks, and the engine's name
 * (for the few tests that need several connections at once, which only PostgreSQL has).
 */
export function describeOnEveryEngine(title: string, specify: (db: () => Database, engine: EngineName) => void): void {
  for (const engine of engines) {
    describe(`${title} (${engine.name})`, () => {
      let opened: Awaited<ReturnType<Engine["open"]>> | undefined;
      beforeAll(async () => {
        opened = await engine.open();
        await opened.connection.migrate();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      beforeEach(async () => {
        for (const statement of EMPTY_TABLES) await opened!.connection.db.execute(sql.raw(statement));
      });
      specify(() => opened!.connection.db, engine.name);
    });
  }
}
