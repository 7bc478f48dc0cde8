import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connectPglite } from "@/db/connect";
import { verifyCredentials } from "@/lib/users/service";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "user-add-"));
const dataDir = path.join(dataRoot, "pglite");

function userAdd(args: string[], password: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" };
  return spawnSync(tsx, ["scripts/user-add.ts", ...args], { input: `${password}\n`, env, encoding: "utf8", timeout: 60_000 });
}

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

describe("npm run user:add (embedded database)", () => {
  it("adds a user whose password it reads from standard input", async () => {
    const result = userAdd(["--email", "Nadia@Example.com", "--name", "Nadia", "--role", "editor"], "a password from stdin");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Added Nadia <nadia@example.com> as editor.");
    const connection = await connectPglite(dataDir);
    try {
      const user = await verifyCredentials(connection.db, "nadia@example.com", "a password from stdin");
      expect(user).toMatchObject({ name: "Nadia", role: "editor" });
    } finally {
      await connection.close();
    }
  });

  it("names the fields it refuses and adds nobody", () => {
    const result = userAdd(["--email", "olga@example.com", "--name", "Olga", "--role", "boss"], "short");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("role: must be one of reviewer, editor, admin");
    expect(result.stderr).toContain("password: must be at least 10 characters");
  });

  it("refuses to run while another process holds the database, naming that process", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: holder.pid, hostname: os.hostname() }));
    try {
      const result = userAdd(["--email", "pia@example.com", "--name", "Pia", "--role", "reviewer"], "a long enough password");
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by process ${holder.pid}`);
    } finally {
      holder.kill();
      fs.rmSync(`${dataDir}.lock`, { force: true });
    }
  });
});
