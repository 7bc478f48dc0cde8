import MarkdownIt from "markdown-it";
import { documentFromHtml, type HtmlConversion } from "./html";

/**
 * Markdown is rendered to HTML by markdown-it and that HTML reduced like any other page, so one walker
 * decides what survives. Raw HTML in the Markdown is not passed through: with `html: false` it stays
 * literal text. Headings map by the HTML rule: # to level 2, ## to 3, ### and deeper to 4.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Every link reaches the HTML walker, which keeps http(s) targets and, for any other, the link's text
// (markdown-it's own check would instead leave the whole "[text](javascript:…)" source as text).
markdown.validateLink = () => true;

// An image becomes its alt text.
markdown.renderer.rules.image = (tokens, index, options, env, renderer) =>
  markdown.utils.escapeHtml(renderer.renderInlineAsText(tokens[index]!.children ?? [], options, env));

export function documentFromMarkdown(source: string): HtmlConversion {
  return documentFromHtml(markdown.render(source));
}
