/**
 * Deterministic news-like articles for the anchoring benchmark: sentences from templates over a
 * small vocabulary of names, places, organisations and numbers, with the traits that make anchoring
 * hard: boilerplate sentences repeated verbatim ("did not respond to a request for comment"),
 * near-duplicate paragraphs (the same paragraph with other numbers), and misspellings a later
 * revision fixes.
 */

/** A seeded pseudo-random source (mulberry32): the same seed gives the same article on every machine. */
export type Random = { next(): number; int(below: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean };

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

const NAMES = ["Maria Keller", "John Okafor", "Li Wei", "Ana Souza", "Peter Lindqvist", "Fatima Haddad", "Tom Brennan", "Sofia Rossi", "Ahmed Nasser", "Emma Dubois", "Raj Patel", "Olga Ivanova"];
const ROLES = ["minister", "spokesperson", "director", "chief economist", "mayor", "chair", "head of research", "deputy governor"];
const ORGS = ["the Ministry of Health", "the central bank", "the city council", "the national statistics office", "the Port Authority", "the energy regulator", "the teachers' union", "the World Bank"];
const PLACES = ["Northfield", "the capital", "Riverside", "the eastern provinces", "Lakeview", "the port district", "the southern region", "Hillcrest"];
const THINGS = ["unemployment rate", "inflation", "budget deficit", "hospital waiting list", "housing shortage", "number of asylum requests", "price of bread", "school dropout rate"];
const ITEMS = ["homes", "jobs", "schools", "beds", "vehicles", "permits", "clinics", "contracts"];
const VERBS = ["built", "lost", "approved", "closed", "inspected", "cancelled", "funded", "reported"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const EVENTS = ["floods", "strike", "fire", "election", "storm", "audit"];

/** Words the first revision of an article sometimes misspells, and a later revision corrects. */
export const MISSPELLINGS: Record<string, string> = {
  government: "goverment",
  received: "recieved",
  occurred: "occured",
  separate: "seperate",
  publicly: "publically",
  committee: "comittee",
  environment: "enviroment",
  according: "acording",
};

/** Sentences repeated verbatim throughout a story, the quotes that occur several times. */
export const BOILERPLATE = [
  "The ministry did not respond to a request for comment.",
  "The figures could not be independently verified.",
  "The government has denied any wrongdoing.",
  "Officials said the investigation was continuing.",
];

const number = (random: Random) => String(random.pick([random.int(10) + 2, random.int(90) + 10, random.int(900) + 100, random.int(9000) + 1000]));
const year = (random: Random) => String(1990 + random.int(35));

const TEMPLATES: ((r: Random) => string)[] = [
  (r) => `${r.pick(NAMES)}, the ${r.pick(ROLES)} of ${r.pick(ORGS)}, said on ${r.pick(DAYS)} that ${number(r)} ${r.pick(ITEMS)} had been ${r.pick(VERBS)} in ${r.pick(PLACES)}.`,
  (r) => `According to ${r.pick(ORGS)}, the ${r.pick(THINGS)} rose by ${r.int(20) + 1}.${r.int(10)} percent in ${year(r)}, the highest level since ${year(r)}.`,
  (r) => `In ${r.pick(PLACES)}, ${number(r)} residents were moved after the ${r.pick(EVENTS)}, officials said.`,
  (r) => `${r.pick(NAMES)} told reporters that the plan would cost about ${number(r)} million dollars over ${r.int(9) + 2} years.`,
  (r) => `The government received ${number(r)} complaints after the ${r.pick(EVENTS)} occurred, a committee report said.`,
  (r) => `Critics said the ${r.pick(THINGS)} in ${r.pick(PLACES)} had been publicly understated for ${r.int(12) + 2} years.`,
  (r) => `A separate study of the environment found ${number(r)} ${r.pick(ITEMS)} at risk in ${r.pick(PLACES)}.`,
  (r) => `"We expect ${number(r)} more ${r.pick(ITEMS)} by ${year(r)}," ${r.pick(NAMES)} said, according to ${r.pick(ORGS)}.`,
  (r) => `${r.pick(ORGS).replace(/^the /, "The ")} said it had ${r.pick(VERBS)} ${number(r)} ${r.pick(ITEMS)} since ${r.pick(DAYS)}.`,
];

/** One sentence, sometimes boilerplate, sometimes with a misspelling. */
export function sentence(random: Random, misspell = true): string {
  if (random.chance(0.08)) return random.pick(BOILERPLATE);
  let text = random.pick(TEMPLATES)(random);
  if (misspell) for (const [right, wrong] of Object.entries(MISSPELLINGS)) if (text.includes(right) && random.chance(0.3)) text = text.replace(right, wrong);
  return text;
}

/** A paragraph of three to six sentences. */
export function paragraph(random: Random, misspell = true): string {
  return Array.from({ length: 3 + random.int(4) }, () => sentence(random, misspell)).join(" ");
}

/** The same paragraph with its numbers changed: a lookalike that quotes cannot tell from the original by words alone. */
export function nearDuplicate(random: Random, original: string): string {
  return original.replace(/\d+/g, (digits) => (random.chance(0.5) ? digits : String(Number(digits) + 1 + random.int(9))));
}

/** An article of about `words` words, paragraphs separated by line breaks; one paragraph in twelve is a near-duplicate of an earlier one. */
export function article(random: Random, words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const next = paragraphs.length > 2 && random.chance(1 / 12) ? nearDuplicate(random, random.pick(paragraphs)) : paragraph(random);
    paragraphs.push(next);
    count += next.split(" ").length;
  }
  return paragraphs.join("\n");
}
