// `npm run user:two-step-off -- --email E`: turns off the two-step sign-in of the account with that email
// (its owner lost their phone and their recovery codes, and no other admin can do it from Users).
// With the embedded database this runs only while the app is stopped: the database's lock says so.
import { parseArgs } from "node:util";
import { connectFromEnvironment } from "@/db/connect";
import { prepareDatabase } from "@/db/prepare";
import { turnOffTwoStepAsOperator } from "@/lib/users/two-step";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" } } });
  if (!values.email) throw new Error("Usage: npm run user:two-step-off -- --email E");
  const connection = await connectFromEnvironment();
  try {
    await prepareDatabase(connection);
    const { name } = await turnOffTwoStepAsOperator(connection.db, values.email);
    console.log(`Two-step sign-in is off for ${name} <${values.email}>: their password alone signs them in.`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
