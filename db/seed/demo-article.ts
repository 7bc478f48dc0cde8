import fs from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Database } from "../database";
import { articles } from "../schema";
import { createArticleFromText } from "@/lib/articles/create";

export const DEMO_ARTICLE_TITLE = "US to send anti-personnel mines to Ukraine";

/** Loads the demo article (one paragraph per line) when the database has no articles. */
export async function seedDemoArticle(db: Database): Promise<void> {
  const [row] = await db.select({ value: count() }).from(articles);
  if ((row?.value ?? 0) > 0) return;
  const text = await fs.readFile(path.join(process.cwd(), "db", "seed", "us-mines-ukraine.txt"), "utf8");
  await createArticleFromText(db, { title: DEMO_ARTICLE_TITLE, text });
}
