/**
 * `npm run bench:web-page`: what reading a fetched news page costs the server, which reads it on the request's
 * thread (other requests wait meanwhile). Pages are built from the test's news page
 * (tests/fixtures/web-pages/news-article.html: navigation, share buttons, related stories, an advertisement,
 * comments, JSON-LD, a footer) with its article lengthened to 500, 2,000 and 10,000 words and, as news sites
 * carry, 300 KB of inline scripts and data; and the largest page the desk takes (5 MB). Times, 20 runs each:
 * `readArticlePage` (linkedom's DOM and Readability) and the conversion to the article's document that an
 * import makes, as the preview does.
 * Target: a typical page (2,000 words) under 250 ms (p90), below what fetching it from the site takes.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { convertImport } from "@/lib/articles/import";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/formats";
import { readArticlePage } from "@/lib/articles/import/web-page/read-page";
import { summarize } from "./stats";

const RUNS = 20;
const TARGET_P90_MS = 250;
const page = readFileSync("tests/fixtures/web-pages/news-article.html", "utf8");
const body = page.slice(page.indexOf('<div class="article-body">'), page.indexOf('<div class="newsletter">'));
const bodyWords = body.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean).length;
const scripts = `<script>window.__DATA__ = ${JSON.stringify({ items: Array.from({ length: 3_000 }, (_, i) => ({ id: i, headline: `Story number ${i} of the day`, url: `/news/${i}` })) })};</script>`;

/** The news page with its article `words` long (about) and the inline scripts; or, with `bytes`, lengthened to that size. */
function newsPage(words: number, bytes?: number): string {
  const copies = bytes ? Math.floor((bytes - page.length - scripts.length) / body.length) : Math.max(1, Math.round(words / bodyWords));
  return page.replace(body, body.repeat(copies)).replace("</head>", `${scripts}</head>`);
}

const cases: [string, string][] = [
  ["500 words", newsPage(500)],
  ["2,000 words", newsPage(2_000)],
  ["10,000 words", newsPage(10_000)],
  ["5 MB", newsPage(0, MAX_IMPORT_BYTES)],
];

console.log(`Reading fetched pages, ${RUNS} runs each (${os.cpus().length} CPUs, Node ${process.versions.node})\n`);
console.log("| page | size | words read | p50 ms | p90 ms | max ms |");
console.log("| --- | --- | --- | --- | --- | --- |");
let typicalP90 = 0;
for (const [name, html] of cases) {
  const bytes = Buffer.from(html);
  const samples: number[] = [];
  let words = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const read = readArticlePage({ url: "https://courier.example/world/us-mines-ukraine", mediaType: "text/html", charset: "utf-8", bytes });
    const { doc } = convertImport({ format: read.format, content: read.content });
    samples.push(performance.now() - started);
    words = doc.textContent.split(/\s+/).filter(Boolean).length;
  }
  const { p50, p90, max } = summarize(samples);
  if (name === "2,000 words") typicalP90 = p90;
  console.log(`| ${name} | ${(bytes.length / 1024).toFixed(0)} KB | ${words.toLocaleString("en")} | ${p50.toFixed(1)} | ${p90.toFixed(1)} | ${max.toFixed(1)} |`);
}
console.log(`\nTarget: a 2,000-word page under ${TARGET_P90_MS} ms (p90): ${typicalP90 <= TARGET_P90_MS ? "met" : "MISSED"} (${typicalP90.toFixed(1)} ms).`);
