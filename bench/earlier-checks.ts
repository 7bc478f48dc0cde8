/**
 * `npm run bench:earlier-checks`: how fast and how well the claim form finds the approved claims like
 * the one being checked, on a desk of 100,000 claims (bench/queue/seed.ts) whose quotes are news
 * sentences over a newsroom's vocabulary: thousands of people, places and organisations, the common
 * ones much more common, as a desk's years of stories are. Each sentence is known by its template and
 * the words filling it (figures aside), so the run can tell the same claim from a lookalike.
 *
 * Times `findEarlierChecks` for an approved claim restated (other words around it, a figure changed
 * half the time) and for a new sentence; counts the restated claims that were shown the claim they
 * restate, and the share of everything shown that is the same claim. Target: p95 under 50 ms.
 *
 * Settings (environment): BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_EARLIER_CLAIMS=100000, BENCH_EARLIER_ENGINE=postgres|pglite, BENCH_EARLIER_SHOW=1 to print every
 * restated claim missed and every lookalike shown.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { approvedTermCounts, STOOD_BY_CLAIMS } from "@/lib/annotations/claim-terms";
import { findEarlierChecks } from "@/lib/annotations/earlier-checks";
import type { Actor } from "@/lib/users/actor";
import { seededRandom, type Random } from "./anchoring/article";
import { openPglite, openPostgres } from "./queue/engines";
import { seedQueue } from "./queue/seed";
import { percentile } from "./stats";

const TARGET_P95_MS = 50;
const QUERIES = 200;
const claims = Math.max(1_000, Number(process.env.BENCH_EARLIER_CLAIMS ?? 100_000));
const engine = process.env.BENCH_EARLIER_ENGINE === "pglite" ? "pglite" : "postgres";
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Invented words, each kind from syllables of its own, so that no person's name is also a place or a thing. */
const SYLLABLES = {
  name: ["ka", "lo", "mi", "ren", "tav", "os", "dre", "vin", "sul", "ba", "ne", "kor"],
  place: ["pha", "it", "mun", "zel", "ar", "bo", "cy", "dun", "que", "wis", "fen", "gol"],
  org: ["hap", "jur", "lek", "nop", "rux", "sib", "tob", "vey", "wak", "yil", "zom", "bex"],
  thing: ["cru", "dax", "fli", "gow", "hym", "jel", "kli", "mox", "nuv", "pry", "qui", "ros"],
  item: ["spa", "tro", "ulm", "vex", "wro", "xan", "yop", "zup", "bli", "cax", "dro", "equ"],
} as const;
const invented = (random: Random, kind: keyof typeof SYLLABLES, syllables: number) => {
  const word = Array.from({ length: syllables }, () => random.pick(SYLLABLES[kind])).join("");
  return word[0]!.toUpperCase() + word.slice(1);
};
const vocabulary = (random: Random, size: number, make: (random: Random) => string) => Array.from({ length: size }, () => make(random));

const words = seededRandom(7);
const NAMES = vocabulary(words, 3_000, (r) => `${invented(r, "name", 2)} ${invented(r, "name", 3)}`);
const PLACES = vocabulary(words, 2_000, (r) => invented(r, "place", 3 + r.int(2)));
const ORGS = vocabulary(words, 1_500, (r) => `the ${invented(r, "org", 2)} ${r.pick(["council", "ministry", "agency", "union", "institute", "board", "company"])}`);
const THINGS = vocabulary(words, 800, (r) => `${invented(r, "thing", 2).toLowerCase()} ${r.pick(["rate", "deficit", "budget", "waiting list", "price", "shortage", "output", "backlog"])}`);
const ITEMS = vocabulary(words, 400, (r) => `${invented(r, "item", 2).toLowerCase()}s`);
const VERBS = ["built", "lost", "approved", "closed", "inspected", "cancelled", "funded", "reported", "hired", "sold", "planted", "repaired"];
const ROLES = ["minister", "spokesperson", "director", "chief economist", "mayor", "chair", "head of research", "governor"];

/** The common ones much more often: a skewed pick, as a desk's stories keep coming back to a few names and places. */
const often = <T>(random: Random, items: readonly T[]) => items[Math.floor(items.length * random.next() ** 2.5)]!;
const figure = (random: Random) => String(random.pick([random.int(10) + 2, random.int(90) + 10, random.int(900) + 100, random.int(9000) + 1000]));
const year = (random: Random) => String(1995 + random.int(31));

/** A claim's sentence, and what makes it the claim it is: its template and every word slot filled (figures aside, a claim restated with another figure is the same claim). */
type Claim = { quote: string; key: string };

const CLAIMS: ((r: Random, word: <T extends string>(items: readonly T[]) => T) => string)[] = [
  (r, w) => `${w(NAMES)}, the ${w(ROLES)} of ${w(ORGS)}, said ${figure(r)} ${w(ITEMS)} had been ${w(VERBS)} in ${w(PLACES)} in ${year(r)}`,
  (r, w) => `The ${w(THINGS)} in ${w(PLACES)} rose by ${r.int(20) + 1}.${r.int(10)} percent in ${year(r)}, according to ${w(ORGS)}`,
  (r, w) => `${w(ORGS).replace(/^the /, "The ")} has ${w(VERBS)} ${figure(r)} ${w(ITEMS)} since ${year(r)}`,
  (_, w) => `${w(PLACES)} has the highest ${w(THINGS)} in the country`,
  (r, w) => `the ${w(THINGS)} had fallen for ${r.int(12) + 2} years in a row in ${w(PLACES)}`,
  (r, w) => `The plan will cost ${figure(r)} million dollars and create ${figure(r)} ${w(ITEMS)} in ${w(PLACES)}`,
];

function claimOf(random: Random): Claim {
  const template = random.int(CLAIMS.length);
  const slots: string[] = [String(template)];
  const quote = CLAIMS[template]!(random, (items) => {
    const word = often(random, items);
    slots.push(word);
    return word;
  });
  return { quote, key: slots.join("|") };
}

/** An approved claim as another story puts it: other words around it, a figure changed half the time. */
function restated(random: Random, quote: string): string {
  const figures = random.chance(0.5) ? quote : quote.replace(/\d+/, (digits) => String(Number(digits) + 1 + random.int(9)));
  return random.pick([`${figures}, ${often(random, NAMES)} told reporters`, `Officials insisted that ${figures}`, `${figures}, the report claims`]);
}

/** Gives every seeded claim a sentence; answers each sentence's key (`Claim`). */
async function replaceQuotes(db: Awaited<ReturnType<typeof openPostgres>>["db"], random: Random): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from annotations order by id`)).map((row) => row.id);
  for (let from = 0; from < ids.length; from += 10_000) {
    const batch = ids.slice(from, from + 10_000);
    const claims = JSON.stringify(
      batch.map((id) => {
        const claim = claimOf(random);
        keys.set(claim.quote, claim.key);
        return { id, quote: claim.quote };
      }),
    );
    await db.execute(sql`
      update annotations set quote = claims.quote
      from jsonb_to_recordset(${claims}::jsonb) as claims(id uuid, quote text)
      where annotations.id = claims.id`);
  }
  return keys;
}

async function timed(queries: readonly string[], run: (quote: string) => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number }> {
  for (const quote of queries.slice(0, 10)) await run(quote);
  const times: number[] = [];
  for (const quote of queries) {
    const started = performance.now();
    await run(quote);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

const format = ({ p50, p95, p99 }: { p50: number; p95: number; p99: number }) => `p50 ${p50.toFixed(1)}  p95 ${p95.toFixed(1)}  p99 ${p99.toFixed(1)} ms`;

const bench = engine === "pglite" ? await openPglite() : await openPostgres(url);
try {
  const random = seededRandom(2026);
  console.log(`Seeding ${claims.toLocaleString("en")} claims on ${bench.name}…`);
  await seedQueue(bench.db, { articles: 500, claims, batch: 10_000 }, () => {});
  const keys = await replaceQuotes(bench.db, random);
  await bench.db.execute(sql`analyze`);
  const counting = performance.now();
  await approvedTermCounts(bench.db);
  const countedIn = performance.now() - counting;
  const [reader] = rowsOf<{ id: string; role: Actor["role"] }>(await bench.db.execute(sql`select id, role from users order by email limit 1`));
  const actor = { id: reader!.id, role: reader!.role, name: "", email: "", disabled: false } as unknown as Actor;
  const approved = rowsOf<{ id: string; quote: string }>(
    await bench.db.execute(sql`
      select id, quote from annotations
      where ${sql.raw(STOOD_BY_CLAIMS)}
      order by md5(id::text) limit ${QUERIES}`),
  );
  const [{ checked } = { checked: 0 }] = rowsOf<{ checked: number }>(
    await bench.db.execute(sql`select count(*)::int as checked from annotations where ${sql.raw(STOOD_BY_CLAIMS)}`),
  );
  console.log(`${checked.toLocaleString("en")} approved claims to compare with; ${bench.name}, ${os.cpus().length} CPU(s). Counting their terms (every 10 minutes per instance, in the background): ${countedIn.toFixed(0)} ms.`);

  const queries = [
    ...approved.map((claim) => ({ quote: restated(random, claim.quote), key: keys.get(claim.quote)!, original: claim.id })),
    ...Array.from({ length: QUERIES }, () => ({ ...claimOf(random), original: null })),
  ];
  const restatedTimes = await timed(queries.slice(0, QUERIES).map((query) => query.quote), (quote) => findEarlierChecks(bench.db, actor, { quote }));
  const freshTimes = await timed(queries.slice(QUERIES).map((query) => query.quote), (quote) => findEarlierChecks(bench.db, actor, { quote }));
  let found = 0;
  let shown = 0;
  let sameClaim = 0;
  for (const query of queries) {
    const checks = await findEarlierChecks(bench.db, actor, { quote: query.quote });
    // The same claim may have been approved more than once (on other articles): any of them will do.
    if (query.original && checks.some((check) => keys.get(check.quote) === query.key)) found++;
    else if (process.env.BENCH_EARLIER_SHOW && query.original) console.log(`MISSED ${query.quote}`);
    shown += checks.length;
    sameClaim += checks.filter((check) => keys.get(check.quote) === query.key).length;
    if (process.env.BENCH_EARLIER_SHOW) for (const check of checks) if (keys.get(check.quote) !== query.key) console.log(`${query.quote}\n  ${check.likeness.toFixed(2)} ${check.quote}`);
  }

  console.log(`an approved claim restated: ${format(restatedTimes)}  target p95 < ${TARGET_P95_MS} ms: ${restatedTimes.p95 < TARGET_P95_MS ? "met" : "missed"}`);
  console.log(`a new sentence:             ${format(freshTimes)}  target p95 < ${TARGET_P95_MS} ms: ${freshTimes.p95 < TARGET_P95_MS ? "met" : "missed"}`);
  console.log(`restated claims shown the claim they restate: ${found} of ${QUERIES}`);
  console.log(`claims shown that are the same claim (figures aside): ${sameClaim} of ${shown} (${((100 * sameClaim) / Math.max(1, shown)).toFixed(1)}%)`);
} finally {
  await bench.close();
}
