// `npm run db:migrate`: brings the database the environment names up to date (and seeds an empty one).
import { connectFromEnvironment } from "@/db/connect";
import { prepareDatabase } from "@/db/prepare";

async function main() {
  const connection = await connectFromEnvironment();
  try {
    await prepareDatabase(connection);
    console.log(`The ${connection.engine === "pglite" ? "embedded database" : "PostgreSQL database"} is up to date.`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
