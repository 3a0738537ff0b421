/**
 * Markdown to HTML for texts the organization edits (content/agreement.md), with
 * `marked`. Raw HTML in the source is shown as text, never passed through, and links
 * that are not web, mail, phone or same-site links lose their href: an edited file
 * cannot put a script or a hostile link on the page.
 */
import { Marked } from "marked";
import { escapeHtml, isSafeHref } from "./html.js";

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const label = this.parser.parseInline(tokens);
      if (!isSafeHref(href)) return label;
      const titled = title ? ` title="${escapeHtml(title)}"` : "";
      return `<a href="${escapeHtml(href)}"${titled}>${label}</a>`;
    },
    // Images would be a request the member did not ask for: their description is shown instead.
    image({ text }) {
      return escapeHtml(text);
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
