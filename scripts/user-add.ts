// `npm run user:add -- --email E --name N --role R`, the password on standard input.
// With the embedded database this runs only while the app is stopped: the database's lock says so.
import { parseArgs } from "node:util";
import { connectFromEnvironment } from "@/db/connect";
import { prepareDatabase } from "@/db/prepare";
import { Conflict, Invalid } from "@/lib/errors";
import { createUserAsOperator } from "@/lib/users/service";

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (then Enter, Ctrl-D): ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "reviewer" } },
  });
  if (!values.email || !values.name) {
    throw new Invalid("Usage: npm run user:add -- --email E --name N --role reviewer|editor|admin  (password on standard input)");
  }
  const password = await readStandardInput();
  const connection = await connectFromEnvironment();
  try {
    await prepareDatabase(connection);
    const user = await createUserAsOperator(connection.db, { ...values, password });
    console.log(`Added ${user.name} <${user.email}> as ${user.role}.`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof Invalid && Object.keys(error.fields).length) {
    console.error(Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`).join("\n"));
  } else {
    console.error(error instanceof Error && (error instanceof Conflict || error.name !== "Error") ? error.message : error);
  }
  process.exit(1);
});
