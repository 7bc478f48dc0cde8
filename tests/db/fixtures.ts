import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";
import { describe as describeSpan } from "@/lib/anchoring";
import { createArticleFromText } from "@/lib/articles/create";
import { plainTextOf, documentFromPlainText } from "@/lib/articles/document";
import type { Actor } from "@/lib/users/actor";
import type { Role } from "@/lib/users/roles";

export const ARTICLE_TEXT = [
  "The United States will send anti-personnel mines to Ukraine, officials said on Wednesday.",
  "The mines are non-persistent: they deactivate on their own after a set period.",
  "Officials said the mines would be used only on Ukrainian territory.",
].join("\n");

/**
 * A user stored directly, without hashing a password (these users never sign in),
 * so that tests do not spend argon2's deliberate slowness on every actor.
 */
export async function addUser(db: Database, role: Role, options: { name?: string; disabled?: boolean } = {}): Promise<Actor> {
  const name = options.name ?? `${role} ${Math.random().toString(36).slice(2, 8)}`;
  const [user] = await db
    .insert(users)
    .values({ email: `${name.replace(/\W+/g, ".")}@example.com`.toLowerCase(), name, role, passwordHash: "never-used", disabled: options.disabled ?? false })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled });
  return user!;
}

export async function addArticle(db: Database, text = ARTICLE_TEXT): Promise<{ id: string; plainText: string }> {
  const { id } = await createArticleFromText(db, { title: "Mines for Ukraine", text });
  return { id, plainText: plainTextOf(documentFromPlainText(text)) };
}

/** Most tests' cast: a reviewer who writes claims (Rita Reviewer), an editor who reviews them, and the article they work on. */
export async function addDesk(db: Database, { editorName = "Eddie Editor" } = {}): Promise<{ author: Actor; editor: Actor; article: { id: string; plainText: string } }> {
  return {
    author: await addUser(db, "reviewer", { name: "Rita Reviewer" }),
    editor: await addUser(db, "editor", { name: editorName }),
    article: await addArticle(db),
  };
}

/** The selectors (quote and position) of the `occurrence`-th `exact` in `plainText`. */
export function selectorsOf(plainText: string, exact: string, occurrence = 0) {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = plainText.indexOf(exact, start + 1);
  if (start === -1) throw new Error(`"${exact}" does not occur ${occurrence + 1} times in the article`);
  return describeSpan(plainText, start, start + exact.length);
}

export const completeClaim = {
  verdict: "mostly_true",
  explanation: "The Pentagon confirmed the shipment.",
  sources: [{ url: "https://www.defense.gov/News/", title: "Briefing", accessedAt: "2024-11-20" }],
} as const;

export async function rowCount(db: Database, table: PgTable): Promise<number> {
  const [row] = await db.select({ value: count() }).from(table);
  return row?.value ?? 0;
}
