/**
 * Seeds the review queue's benchmark in SQL (INSERT ... SELECT over generate_series): 24 people,
 * 500 articles, 100,000 claims in batches. The spread is a newsroom's after a busy quarter:
 * most claims approved, a fifth in review, a few rejected; articles skewed, some with many claims;
 * four in five assigned, three in five with a due date (some overdue); changes over 90 days; a few
 * orphaned, some of those discarded, a few whose placement needs checking. Deterministic (setseed).
 * Sources, histories and comments are left out: the queue reads none of them.
 */
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";

type Executor = Database | Transaction;

export const PEOPLE = [
  "Ada Okafor", "Bruno Keller", "Chloé Martin", "Dev Patel", "Elif Yılmaz", "Farah Haddad", "Gustavo Lima", "Hana Sato",
  "Ivan Petrov", "Jonas Berg", "Kemi Adeyemi", "Lucía Ortega", "Marta Nowak", "Nadia Rahman", "Omar Farouk", "Priya Nair",
  "Quentin Moreau", "Rosa Jiménez", "Sven Larsen", "Tamar Cohen", "Uma Iyer", "Viktor Horvat", "Wen Li", "Yusuf Demir",
];

const TOPICS = ["Budget", "Climate", "Election", "Health", "Housing", "Migration", "Energy", "Crime", "Schools", "Transport"];
const ANGLES = ["figures", "promises", "claims", "statistics", "pledges", "numbers", "record", "targets"];

async function seedPeople(db: Executor): Promise<void> {
  const names = sql.join(PEOPLE.map((name) => sql`${name}`), sql`, `);
  await db.execute(sql`
    insert into users (email, name, role)
    select 'bench-' || n || '@example.com', (array[${names}])[n], (array['reviewer', 'reviewer', 'editor', 'admin']::role[])[1 + n % 4]
    from generate_series(1, ${PEOPLE.length}::int) as n`);
}

async function seedArticles(db: Executor, count: number): Promise<void> {
  const topics = sql.join(TOPICS.map((topic) => sql`${topic}`), sql`, `);
  const angles = sql.join(ANGLES.map((angle) => sql`${angle}`), sql`, `);
  await db.execute(sql`
    insert into articles (title, doc, plain_text, created_at)
    select (array[${topics}])[1 + n % ${TOPICS.length}] || ' ' || (array[${angles}])[1 + (n / ${TOPICS.length}) % ${ANGLES.length}]
             || ' under scrutiny, part ' || n,
           jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
             'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Article ' || n || ' text.'))))),
           'Article ' || n || ' text.',
           now() - (n || ' hours')::interval
    from generate_series(1, ${count}::int) as n`);
  // Each article filed under the topic its title opens with: a tenth of the desk's articles per topic.
  await db.execute(sql`insert into article_topics (article_id, position, name) select id, 0, split_part(title, ' ', 1) from articles`);
}

/** Claims `from` to `to` (numbers in the series), each drawn from the distributions described above. */
async function seedClaimBatch(db: Executor, from: number, to: number): Promise<void> {
  await db.execute(sql`
    with people as (select array_agg(id order by email) as ids from users),
         pieces as (select array_agg(id order by created_at desc, id) as ids from articles),
         drawn as (
           select n, random() as s, random() as v, random() as a, random() as d, random() as t, random() as u, random() as o,
                  power(random(), 1.6) as skew, random() as w, random() as q, random() as c
           from generate_series(${from}::int, ${to}::int) as n
         ),
         claims as (
           select n, skew, w, q, u, o, c,
                  case when s < 0.15 then 'draft' when s < 0.35 then 'in_review' when s < 0.43 then 'changes_requested'
                       when s < 0.88 then 'approved' else 'rejected' end::review_status as status,
                  v, a, d, now() - t * interval '90 days' as created_at
           from drawn
         )
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, verdict, explanation,
                             status, assignee_id, due_on, orphaned_at, discarded_at, anchor_confidence, placement_checked,
                             claimant_name, claimant_kind, created_at, updated_at)
    select pieces.ids[1 + floor(skew * array_length(pieces.ids, 1))::int],
           people.ids[1 + floor(w * array_length(people.ids, 1))::int],
           'Claim ' || n || ': ' || repeat('the minister said the figure rose by a third ', 1 + floor(q * 5)::int),
           'text before the claim, 32 chars ', ' text after the claim, 32 chars.',
           (n % 400) * 10, (n % 400) * 10 + 40 + floor(q * 200)::int,
           case when status = 'draft' and v < 0.6 then null
                else (array['true', 'mostly_true', 'half_true', 'mostly_false', 'false', 'misleading', 'unproven']::verdict[])[1 + floor(v * 7)::int] end,
           'Checked against the official statistics and two independent sources; see the links below.',
           status,
           case when a < 0.8 then people.ids[1 + floor(a / 0.8 * array_length(people.ids, 1))::int] end,
           case when d < 0.6 then current_date + (floor(d / 0.6 * 50) - 20)::int end,
           case when o < 0.02 then created_at + (now() - created_at) * u end,
           case when o < 0.008 then created_at + (now() - created_at) * (u + (1 - u) / 2) end,
           case when o < 0.04 and o >= 0.02 then 0.6 else 1 end,
           not (o < 0.04 and o >= 0.02),
           -- Two claims in three name who made them: 2,000 claimants, a few of them (the officials) named often.
           case when c < 0.67 then 'Claimant ' || floor(power(c / 0.67, 3) * 2000)::int end,
           case when c < 0.67 then 'person' end,
           created_at,
           created_at + (now() - created_at) * u
    from claims, people, pieces`);
}

export type SeedSettings = { articles: number; claims: number; batch: number };

/** Seeds everything, printing progress; then VACUUM ANALYZE, as autovacuum would have done on a live desk. */
export async function seedQueue(db: Database, settings: SeedSettings, log: (line: string) => void): Promise<void> {
  // One transaction, so one connection: the seed of random() holds for the session that set it.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await seedPeople(tx);
    await seedArticles(tx, settings.articles);
    log(`  ${PEOPLE.length} people, ${settings.articles} articles`);
    for (let from = 1; from <= settings.claims; from += settings.batch) {
      const to = Math.min(settings.claims, from + settings.batch - 1);
      await seedClaimBatch(tx, from, to);
      log(`  claims ${to.toLocaleString("en")} / ${settings.claims.toLocaleString("en")}`);
    }
  });
  await db.execute(sql`vacuum analyze users`);
  await db.execute(sql`vacuum analyze articles`);
  await db.execute(sql`vacuum analyze annotations`);
}
