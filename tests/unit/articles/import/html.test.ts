import { describe, expect, it } from "vitest";
import { convertImport, documentFromImport } from "@/lib/articles/import";

const html = (content: string) => documentFromImport({ format: "html", content });
const json = (content: string) => JSON.stringify(html(content).toJSON());

describe("HTML import", () => {
  it("maps headings (h1 to level 2, h2 to 3, h3 to h6 to 4), paragraphs, bold, italic and links", () => {
    const doc = html(
      `<h1>One</h1><h2>Two</h2><h3>Three</h3><h6>Six</h6><p>A <strong>bold</strong> and <i>italic</i> <a href="https://example.org/x?a=1&amp;b=2">link</a>.</p>`,
    );
    doc.check();
    expect(doc.toJSON()).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "One" }] },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Two" }] },
        { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Three" }] },
        { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Six" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "A " },
            { type: "text", marks: [{ type: "strong" }], text: "bold" },
            { type: "text", text: " and " },
            { type: "text", marks: [{ type: "em" }], text: "italic" },
            { type: "text", text: " " },
            { type: "text", marks: [{ type: "link", attrs: { href: "https://example.org/x?a=1&b=2" } }], text: "link" },
            { type: "text", text: "." },
          ],
        },
      ],
    });
  });

  it("flattens nested divs, sections and blockquotes into paragraphs and keeps the text of unknown elements", () => {
    const doc = html(`<article><section><div>First<div>Second <span class="x">and <custom-tag>more</custom-tag></span></div></div></section><blockquote><p>Quoted</p></blockquote></article>`);
    expect(doc.content.content.map((block) => [block.type.name, block.textContent])).toEqual([
      ["paragraph", "First"],
      ["paragraph", "Second and more"],
      ["paragraph", "Quoted"],
    ]);
  });

  it("keeps nested lists, giving an item that starts with a list an empty first paragraph", () => {
    const doc = html(`<ol><li>One<ul><li>One a</li></ul></li><li><ul><li>Nested only</li></ul></li><li>   </li></ol>`);
    doc.check();
    const list = doc.firstChild!;
    expect(list.type.name).toBe("ordered_list");
    expect(list.childCount).toBe(2);
    expect(list.child(0).child(1).type.name).toBe("bullet_list");
    expect(list.child(1).child(0).toJSON()).toEqual({ type: "paragraph" });
    expect(list.child(1).child(1).textContent).toBe("Nested only");
  });

  it("decodes entities and collapses whitespace as a browser does", () => {
    expect(html(`<p>  Caf&eacute;&nbsp;&amp; \n\t bar &#8364;5 &lt;b&gt;  </p>`).textContent).toBe("Café & bar €5 <b>");
  });

  it("turns a line break into a new paragraph, and into a space inside a heading", () => {
    const doc = html(`<h2>Top<br>line</h2><p>one<br>two</p>`);
    expect(doc.content.content.map((block) => block.textContent)).toEqual(["Top line", "one", "two"]);
  });

  it("keeps each line of preformatted text and each table row as a paragraph", () => {
    const doc = html(`<pre>a = 1\nb = 2</pre><table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>€5</td></tr></table>`);
    expect(doc.content.content.map((block) => block.textContent)).toEqual(["a = 1", "b = 2", "Year | Cost", "2024 | €5"]);
  });

  it("finds the title in the first h1, else the page's <title>, else the first line", () => {
    expect(convertImport({ format: "html", content: "<title>Page</title><h2>Sub</h2><h1>Headline</h1>" }).title).toBe("Headline");
    expect(convertImport({ format: "html", content: "<title> Page \n title </title><h2>Sub</h2>" }).title).toBe("Page title");
    expect(convertImport({ format: "html", content: "<p>First paragraph</p><p>Second</p>" }).title).toBe("First paragraph");
  });

  it("refuses HTML nested deeper than any article", () => {
    expect(() => html("<div>".repeat(2_000) + "deep")).toThrow(/nested more than/);
  });

  describe("leaves nothing executable", () => {
    const attacks: [string, string][] = [
      ["a script", `<p>Before</p><script>alert("x")</script><p>After</p>`],
      ["an image with onerror", `<p>Before<img src=x onerror="alert('x')">After</p>`],
      ["a javascript: link", `<p><a href="javascript:alert('x')">Before</a> After</p>`],
      ["an entity-encoded javascript: link", `<p><a href="&#106;avascript:alert('x')">Before</a> After</p>`],
      ["a data: link", `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneCcpPC9zY3JpcHQ+">Before</a> After</p>`],
      ["an iframe", `<p>Before</p><iframe src="https://evil.example/alert"><p>alert</p></iframe><p>After</p>`],
      ["a style", `<style>p { background: url(javascript:alert('x')) }</style><p>Before After</p>`],
      ["on* attributes", `<p onclick="alert('x')" onmouseover="alert('x')">Before <b onload="alert('x')">After</b></p>`],
      ["an svg with a script", `<p>Before</p><svg><script>alert('x')</script><a href="javascript:alert('x')">alert</a></svg><p>After</p>`],
      ["a form", `<p>Before</p><form action="https://evil.example"><input value="alert('x')"><button>alert</button></form><p>After</p>`],
      ["a noscript and a template", `<noscript><img src=x onerror=alert('x')></noscript><template><script>alert('x')</script></template><p>Before After</p>`],
      ["an object and an embed", `<object data="https://evil.example/alert.swf"></object><embed src="alert.swf"><p>Before After</p>`],
      ["a style attribute", `<p style="background:url(javascript:alert('x'))">Before After</p>`],
      ["a comment", `<p>Before<!-- <script>alert('x')</script> --> After</p>`],
      ["a mixed-case javascript: link with a tab in it", `<p><a href="  JaVa\tScRiPt:alert('x')">Before</a> After</p>`],
      ["a vbscript: link", `<p><a href="vbscript:alert('x')">Before</a> After</p>`],
    ];

    it.each(attacks)("drops %s, keeping the harmless text", (_, attack) => {
      const output = json(attack);
      expect(output).not.toMatch(/alert|javascript|onerror|onclick|onload|data:|<script|iframe|style|evil/i);
      expect(html(attack).textContent.replace(/\s+/g, " ")).toMatch(/Before ?After|Before\n?After/);
    });

    it("keeps an http(s) link but no other attribute of it", () => {
      const output = html(`<a href=" https://example.org/ " title="t" target="_blank" rel="opener" onclick="x()">Site</a>`).toJSON();
      expect(output.content[0].content[0].marks).toEqual([{ type: "link", attrs: { href: "https://example.org/" } }]);
    });
  });
});
