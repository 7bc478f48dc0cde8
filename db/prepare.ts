import { sql } from "drizzle-orm";
import type { Connection } from "./connect";
import { seedDemoArticle } from "./seed/demo-article";

/** Serializes first-run seeding across app instances on one PostgreSQL. */
const SEED_LOCK_KEY = 727_004_003;

/** Brings the schema up to date and loads the demo article on an empty database. */
export async function prepareDatabase(connection: Connection): Promise<void> {
  await connection.migrate();
  await connection.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    await seedDemoArticle(tx);
  });
}
