/**
 * A small, safe subset of Markdown for the guide for peers: headings, paragraphs, bullet lists,
 * **strong**, *emphasis* and [links](https://…). It produces plain data, never HTML: whatever the
 * text holds (tags included) ends up as text, so an edited guide cannot inject markup or script.
 */

export type Inline =
  { kind: "text"; text: string } | { kind: "strong"; text: string } | { kind: "em"; text: string } | { kind: "link"; text: string; href: string };

export type Block = { kind: "heading"; level: 1 | 2 | 3; inlines: Inline[] } | { kind: "paragraph"; inlines: Inline[] } | { kind: "list"; items: Inline[][] };

/** Only web addresses and addresses on this site become links; anything else stays text. */
function safeHref(href: string): string | null {
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  return null;
}

const inlinePattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const at = match.index;
    if (at > last) out.push({ kind: "text", text: text.slice(last, at) });
    const [whole, strong, star, underscore, linkText, href] = match;
    if (strong !== undefined) out.push({ kind: "strong", text: strong });
    else if (star !== undefined || underscore !== undefined) out.push({ kind: "em", text: (star ?? underscore)! });
    else {
      const safe = safeHref(href!);
      out.push(safe ? { kind: "link", text: linkText!, href: safe } : { kind: "text", text: whole });
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

export function parseGuide(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[][] | null = null;

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", inlines: parseInlines(paragraph.join(" ")) });
    if (list) blocks.push({ kind: "list", items: list.map((item) => parseInlines(item.join(" "))) });
    paragraph = [];
    list = null;
  };

  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, inlines: parseInlines(heading[2]!.trim()) });
    } else if (bullet) {
      if (paragraph.length) flush();
      list ??= [];
      list.push([bullet[1]!.trim()]);
    } else if (list && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      list[list.length - 1]!.push(line.trim());
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
