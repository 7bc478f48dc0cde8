import { describe, expect, it } from "vitest";
import { convertImport, documentFromImport } from "@/lib/articles/import";

const markdown = (content: string) => documentFromImport({ format: "markdown", content });
const blocks = (content: string) => markdown(content).content.content.map((block) => [block.type.name, block.textContent]);

describe("Markdown import", () => {
  it("maps # to a level-2 heading, ## to 3 and ### or deeper to 4", () => {
    expect(markdown("# One\n## Two\n### Three\n#### Four").content.content.map((block) => block.attrs.level)).toEqual([2, 3, 4, 4]);
  });

  it("keeps paragraphs, bold, italic and http(s) links", () => {
    const doc = markdown("Some **bold**, _italic_ and a [link](https://example.org).\n\nSecond paragraph.");
    doc.check();
    expect(doc.firstChild!.toJSON().content).toEqual([
      { type: "text", text: "Some " },
      { type: "text", marks: [{ type: "strong" }], text: "bold" },
      { type: "text", text: ", " },
      { type: "text", marks: [{ type: "em" }], text: "italic" },
      { type: "text", text: " and a " },
      { type: "text", marks: [{ type: "link", attrs: { href: "https://example.org" } }], text: "link" },
      { type: "text", text: "." },
    ]);
    expect(doc.child(1).textContent).toBe("Second paragraph.");
  });

  it("keeps the text of links that are not http(s), without their target", () => {
    const output = JSON.stringify(markdown("[one](javascript:alert(1)) [two](data:text/html,x) [three](/relative) <mailto:a@b.c>").toJSON());
    expect(output).not.toMatch(/"link"|javascript|data:/);
    expect(markdown("[one](javascript:alert(1)) [two](/relative)").textContent).toBe("one two");
  });

  it("keeps nested bullet and ordered lists", () => {
    const doc = markdown("- a\n  1. a1\n  2. a2\n- b\n\n3. three\n4. four");
    doc.check();
    const [bullets, ordered] = doc.content.content;
    expect(bullets!.type.name).toBe("bullet_list");
    expect(bullets!.child(0).child(1).type.name).toBe("ordered_list");
    expect(bullets!.child(0).child(1).textContent).toBe("a1a2");
    expect(ordered!.type.name).toBe("ordered_list");
    expect(ordered!.childCount).toBe(2);
  });

  it("reduces blockquotes, code, images and tables to paragraphs of text", () => {
    expect(blocks("> quoted\n\n```js\nconst a = 1;\nconst b = 2;\n```\n\n![A chart of costs](https://example.org/c.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |")).toEqual([
      ["paragraph", "quoted"],
      ["paragraph", "const a = 1;"],
      ["paragraph", "const b = 2;"],
      ["paragraph", "A chart of costs"],
      ["paragraph", "a | b"],
      ["paragraph", "1 | 2"],
    ]);
  });

  it("treats raw HTML as text, never as markup", () => {
    const doc = markdown(`<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> and <b>tags</b>`);
    expect(blocks(`<script>alert(1)</script>`)).toEqual([["paragraph", "<script>alert(1)</script>"]]);
    expect(doc.child(1).textContent).toBe(`Text <img src=x onerror="alert(1)"> and <b>tags</b>`);
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/"marks"/);
  });

  it("takes the title from the first heading of any level, else the first line", () => {
    expect(convertImport({ format: "markdown", content: "Intro\n\n## Section *one*\n\n# Later" }).title).toBe("Section one");
    expect(convertImport({ format: "markdown", content: "\n\n**Intro** line\nmore" }).title).toBe("Intro line more");
  });
});
