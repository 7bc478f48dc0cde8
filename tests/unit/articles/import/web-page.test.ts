import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertImport } from "@/lib/articles/import";
import { plainTextOf } from "@/lib/articles/document";
import { fetchPage } from "@/lib/articles/import/web-page/fetch-page";
import { previewWebPage } from "@/lib/articles/import/web-page/service";
import { destinationPolicy } from "@/lib/http/destination";
import type { Actor } from "@/lib/users/actor";
import type { Role } from "@/lib/users/roles";

const NEWS_PAGE = readFileSync("tests/fixtures/web-pages/news-article.html");
const person = (role: Role): Actor => ({ id: `user-${role}`, role, disabled: false, email: `${role}@example.com`, name: role });
const editor = person("editor");
const local = destinationPolicy("127.0.0.1");

/** A news site on this machine: the article, and every way a site fails to give it. */
let server: Server;
let site: string;
const requests: { path: string; userAgent: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url!;
    requests.push({ path, userAgent: request.headers["user-agent"] });
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "Content-Type": type, ...headers });
      response.end(body);
    };
    if (path === "/world/us-mines-ukraine") {
      // Compressed, as news sites send their pages.
      if (/gzip/.test(String(request.headers["accept-encoding"]))) return send(200, "text/html; charset=utf-8", gzipSync(NEWS_PAGE), { "Content-Encoding": "gzip" });
      return send(200, "text/html; charset=utf-8", NEWS_PAGE);
    }
    if (path === "/short-link") return send(301, "text/plain", "", { Location: "/world/us-mines-ukraine?utm_source=chat" });
    if (path.startsWith("/world/us-mines-ukraine?")) return send(200, "text/html", NEWS_PAGE);
    if (path === "/loop") return send(302, "text/plain", "", { Location: "/loop" });
    if (path === "/to-ftp") return send(302, "text/plain", "", { Location: "ftp://files.example/story.txt" });
    if (path === "/paywalled") return send(403, "text/html", "<p>Subscribe</p>");
    if (path === "/broken") return send(503, "text/html", "<p>Down</p>");
    if (path === "/report.pdf") return send(200, "application/pdf", "%PDF-1.7");
    if (path === "/app-shell") return send(200, "text/html", `<!doctype html><html><head><title>News</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>`);
    if (path === "/brief") return send(200, "text/html", `<article><h1>Mayor resigns</h1><p>The mayor <a href="/mayor">resigned</a> on Friday.</p></article>`);
    if (path === "/statement.txt") return send(200, "text/plain; charset=utf-8", "Statement by the ministry\n\nThe ministry said exports rose 12% in 2023.");
    if (path === "/latin") {
      // "ISO-8859-1" on the web means Windows-1252, where € is 0x80 and curly quotes 0x93 and 0x94.
      return send(200, "text/html; charset=ISO-8859-1", windows1252(articleHtml("Café prices € rise", "The café said prices rose by 5 € a cup, “the most in years”.")));
    }
    if (path === "/cyrillic") {
      // A page that names its charset only in its <meta>, in Windows-1251.
      const html = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Мины для Украины</title></head><body><article><h1>Мины для Украины</h1>${"<p>США передадут Украине противопехотные мины, сообщили официальные лица в среду вечером.</p>".repeat(6)}</article></body></html>`;
      return send(200, "text/html", windows1251(html));
    }
    if (path === "/huge") {
      response.writeHead(200, { "Content-Type": "text/html" });
      const chunk = `<p>${"word ".repeat(2000)}</p>`;
      const write = () => {
        while (response.write(chunk)) if (response.writableLength > 7 * 1024 * 1024) return response.end();
        response.once("drain", write);
      };
      return write();
    }
    if (path === "/slow") return; // never answers
    send(404, "text/html", "<p>Not found</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const preview = (path: string, policy = local) => previewWebPage(editor, { url: `${site}${path}` }, policy);

describe("an article fetched from its web address", () => {
  it("is the article alone, with its details from the page's metadata, links made absolute and nothing executable", async () => {
    const page = await preview("/world/us-mines-ukraine");
    expect(page).toMatchObject({
      url: `${site}/world/us-mines-ukraine`,
      originalUrl: "https://courier.example/world/us-mines-ukraine",
      title: "US to send anti-personnel mines to Ukraine",
      byline: "Jane Reporter",
      publishedOn: "2024-11-20",
      siteName: "The Daily Courier",
      format: "html",
      paragraphs: 9,
    });
    const text = plainTextOf(convertImport({ format: page.format, content: page.content }).doc);
    expect(text.startsWith("The Biden administration has decided to send anti-personnel mines to Ukraine")).toBe(true);
    expect(text).toContain("A change of stance");
    expect(text.endsWith("Let us know your thoughts!")).toBe(true);
    // What is not the article: the cookie banner, navigation, share buttons, related stories, the advertisement, the newsletter, comments, more stories, the footer.
    for (const clutter of ["cookies", "Politics", "Share on", "Related", "Advertisement", "newsletter", "Great article", "More stories", "All rights reserved"]) expect(text).not.toContain(clutter);
    // A relative link leads where it did on the page; a javascript: one keeps its words only.
    const doc = JSON.stringify(convertImport({ format: page.format, content: page.content }).doc.toJSON());
    expect(doc).toContain(`{"type":"text","marks":[{"type":"link","attrs":{"href":"${site}/world/ukraine-long-range-missiles?ref=body"}}],"text":"long-range missiles"}`);
    expect(doc).toContain(`{"type":"text","text":"The U.S. plans for Ukraine to use these mines in the eastern parts of the country, where battles with Russian forces have been fierce.`);
    expect(doc).not.toMatch(/javascript:|onclick|steal|script/i);
    expect(page.words).toBe(text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length);
    expect(page.opening).toHaveLength(3);
    expect(page.ending).toBe("What do you think of this decision? Let us know your thoughts!");
    // The desk says who it is to the sites it reads.
    expect(requests.at(-1)!.userAgent).toMatch(/^Mozilla\/5\.0 \(compatible; .+ fact-check desk; \+http/);
  });

  it("follows redirects, and keeps the publisher's own address rather than the tracking one it was shared with", async () => {
    const page = await preview("/short-link");
    expect(page.url).toBe(`${site}/world/us-mines-ukraine?utm_source=chat`);
    expect(page.originalUrl).toBe("https://courier.example/world/us-mines-ukraine");
  });

  it("reads a page in the charset its answer names, or else its <meta> names", async () => {
    const latin = await preview("/latin");
    expect(latin.title).toBe("Café prices € rise");
    expect(latin.opening.join(" ")).toContain("The café said prices rose by 5 € a cup, “the most in years”.");
    const cyrillic = await preview("/cyrillic");
    expect(cyrillic.title).toBe("Мины для Украины");
    expect(cyrillic.opening[1]).toBe("США передадут Украине противопехотные мины, сообщили официальные лица в среду вечером.");
  });

  it("takes the whole text of a page too short to tell its article from the rest, and says so", async () => {
    const page = await preview("/brief");
    expect(page).toMatchObject({ wholePage: true, title: "Mayor resigns", format: "html", paragraphs: 2, opening: ["Mayor resigns", "The mayor resigned on Friday."] });
    expect(JSON.stringify(convertImport({ format: page.format, content: page.content }).doc.toJSON())).toContain(`"href":"${site}/mayor"`);
    expect((await preview("/world/us-mines-ukraine")).wholePage).toBe(false);
  });

  it("takes plain text whole", async () => {
    const page = await preview("/statement.txt");
    expect(page).toMatchObject({ format: "text", wholePage: true, title: "Statement by the ministry", words: 12, paragraphs: 2, byline: null, publishedOn: null });
  });

  it("is refused, at the address field, with what to do, when the site does not give it", async () => {
    const refusals = {
      "/nothing-here": /^There is no page at this address \(127\.0\.0\.1:\d+ answered HTTP 404\): check it\.$/,
      "/paywalled": /would not send the page to the desk \(HTTP 403\): it may be for subscribers only, or turn robots away\. Save the page from your browser/,
      "/broken": /failed to send the page \(HTTP 503\): try again later\./,
      "/loop": /redirects more than 5 times: check the address\./,
      "/to-ftp": /redirects to an address that is not a web page \(ftp:\)/,
      "/report.pdf": /^The address leads to a PDF document: copy its text and paste it, not to a web page\.$/,
      "/app-shell": /shows no article text to the desk: it may need JavaScript, a subscription or a cookie consent to show it\./,
    };
    for (const [path, message] of Object.entries(refusals)) {
      const refusal = await preview(path).catch((error: unknown) => error);
      expect(refusal, path).toMatchObject({ name: "Invalid", fields: { url: expect.any(String) } });
      expect((refusal as Error).message, path).toMatch(message);
    }
  });

  it("stops at 5 MB, and after its time", async () => {
    await expect(preview("/huge")).rejects.toMatchObject({ name: "PayloadTooLarge", message: /^The page at 127\.0\.0\.1:\d+ is larger than 5 MB\.$/ });
    const slow = fetchPage(`${site}/slow`, { policy: local, allowing: "", userAgent: "test", timeoutMs: 300, maxBytes: 1024 });
    await expect(slow).rejects.toMatchObject({ name: "Invalid", fields: { url: "did not answer in time" }, message: /did not send the page within 0\.3 seconds: try again later\./ });
  });

  it("reaches no address inside the desk's network unless the operator allows it", async () => {
    await expect(preview("/world/us-mines-ukraine", destinationPolicy(""))).rejects.toMatchObject({
      name: "Invalid",
      message: "The desk fetches only public pages, and 127.0.0.1 is on this machine. If the page is inside your newsroom's network, the server's operator can allow its host in IMPORT_PRIVATE_HOSTS.",
      fields: { url: "must be a public address: 127.0.0.1 is on this machine" },
    });
    await expect(previewWebPage(editor, { url: "http://localhost:9/" }, destinationPolicy(""))).rejects.toMatchObject({ fields: { url: "must be a public address: localhost (127.0.0.1) is on this machine" } });
  });

  it("is refused for what is not a web address, and for reviewers, before anything is fetched", async () => {
    const before = requests.length;
    await expect(previewWebPage(editor, { url: "javascript:alert(1)" }, local)).rejects.toMatchObject({ name: "Invalid", fields: { url: "must be an http:// or https:// address" } });
    await expect(previewWebPage(editor, { url: " " }, local)).rejects.toMatchObject({ fields: { url: "is required" } });
    await expect(previewWebPage(editor, {}, local)).rejects.toMatchObject({ fields: { url: "is required" } });
    await expect(previewWebPage(person("reviewer"), { url: `${site}/world/us-mines-ukraine` }, local)).rejects.toMatchObject({ name: "Forbidden" });
    await expect(previewWebPage(null, { url: `${site}/world/us-mines-ukraine` }, local)).rejects.toMatchObject({ name: "Unauthenticated" });
    expect(requests.length).toBe(before);
  });
});

/** The page as its author wrote it, in the markup most news sites use. */
function articleHtml(title: string, paragraph: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${`<p>${paragraph} It was reported on Tuesday by several outlets in the region.</p>`.repeat(5)}</article></body></html>`;
}

/** Text in Windows-1252, which Node decodes but does not encode: Latin-1 as is, and the few characters the test uses above it. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { "€": 0x80, "“": 0x93, "”": 0x94 };
  return Buffer.from(Array.from(text, (character) => high[character] ?? (character.charCodeAt(0) < 0x100 ? character.charCodeAt(0) : fail(character))));
}

/** Text in Windows-1251: ASCII as is, Cyrillic letters from А (0xC0) to я (0xFF). */
function windows1251(text: string): Buffer {
  return Buffer.from(Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x80) return code;
    return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : fail(character);
  }));
}

function fail(character: string): never {
  throw new Error(`The test's encoder has no byte for ${character}`);
}
