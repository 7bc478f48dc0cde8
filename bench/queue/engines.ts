/**
 * The benchmark's databases: a new database on PostgreSQL (created and dropped here, as the database
 * tests do) and an in-memory PGlite. Each has a Drizzle handle whose logger can record the SQL that
 * `listQueue` sends, so that the very statements timed are the ones explained.
 */
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Logger } from "drizzle-orm/logger";
import type { Database } from "@/db/database";
import * as schema from "@/db/schema";

export type Statement = { sql: string; params: unknown[] };

export type BenchDatabase = {
  name: string;
  db: Database;
  /** Runs `run`, returning the statements it sent. */
  capture(run: () => Promise<unknown>): Promise<Statement[]>;
  /** EXPLAIN (ANALYZE, BUFFERS) of `statement`, one line per plan line. */
  explain(statement: Statement): Promise<string[]>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

class CapturingLogger implements Logger {
  statements: Statement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    this.statements?.push({ sql: query, params });
  }
}

function capturer(logger: CapturingLogger) {
  return async (run: () => Promise<unknown>) => {
    logger.statements = [];
    try {
      await run();
      return logger.statements;
    } finally {
      logger.statements = null;
    }
  };
}

const EXPLAIN = "explain (analyze, buffers) ";

export async function openPostgres(adminUrl: string): Promise<BenchDatabase> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const name = `factcheck_queue_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // As the app's pool: listQueue sends its two statements at once, on two connections.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // Dropping the database at the end ends any connection still closing: that is expected, not a failure.
  pool.on("error", () => {});
  const logger = new CapturingLogger();
  const db = drizzle({ client: pool, schema, logger });
  try {
    await migrate(drizzle({ client: pool, schema }), { migrationsFolder });
  } catch (error) {
    await pool.end();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
    throw error;
  }
  return {
    name: "PostgreSQL",
    db,
    capture: capturer(logger),
    async explain(statement) {
      const result = await pool.query<{ "QUERY PLAN": string }>(EXPLAIN + statement.sql, statement.params);
      return result.rows.map((row) => row["QUERY PLAN"]);
    },
    async close() {
      await pool.end();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function openPglite(): Promise<BenchDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite();
  await client.waitReady;
  const logger = new CapturingLogger();
  const db = drizzle({ client, schema, logger });
  await migrate(drizzle({ client, schema }), { migrationsFolder });
  return {
    name: "PGlite",
    db,
    capture: capturer(logger),
    async explain(statement) {
      const result = await client.query<{ "QUERY PLAN": string }>(EXPLAIN + statement.sql, statement.params);
      return result.rows.map((row) => row["QUERY PLAN"]);
    },
    close: () => client.close(),
  };
}

/** Runs `measure` on a fresh database of each engine named (`postgres` at `adminUrl`, or `pglite`), one after the other, closing each. */
export async function onEachEngine(names: string[], adminUrl: string, measure: (bench: BenchDatabase) => Promise<void>): Promise<void> {
  for (const name of names) {
    const bench = name === "pglite" ? await openPglite() : await openPostgres(adminUrl);
    try {
      await measure(bench);
    } finally {
      await bench.close();
    }
  }
}
