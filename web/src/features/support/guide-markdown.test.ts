import assert from "node:assert/strict";
import { test } from "node:test";
import { parseGuide, parseInlines } from "./guide-markdown.js";

test("headings, paragraphs joined across lines, and list items with continuation lines", () => {
  const blocks = parseGuide("# Title\n\nFirst line\nsecond line.\n\n## Listen\n\n- One thing\n  goes on here.\n- Two\n\nAfter.");
  assert.deepEqual(blocks, [
    { kind: "heading", level: 1, inlines: [{ kind: "text", text: "Title" }] },
    { kind: "paragraph", inlines: [{ kind: "text", text: "First line second line." }] },
    { kind: "heading", level: 2, inlines: [{ kind: "text", text: "Listen" }] },
    { kind: "list", items: [[{ kind: "text", text: "One thing goes on here." }], [{ kind: "text", text: "Two" }]] },
    { kind: "paragraph", inlines: [{ kind: "text", text: "After." }] },
  ]);
});

test("strong, emphasis and web links; other link targets stay text", () => {
  assert.deepEqual(parseInlines("Be **kind**, *calm* and see [the lines](/help) or [x](javascript:alert(1))"), [
    { kind: "text", text: "Be " },
    { kind: "strong", text: "kind" },
    { kind: "text", text: ", " },
    { kind: "em", text: "calm" },
    { kind: "text", text: " and see " },
    { kind: "link", text: "the lines", href: "/help" },
    { kind: "text", text: " or " },
    { kind: "text", text: "[x](javascript:alert(1)" },
    { kind: "text", text: ")" },
  ]);
});

test("raw HTML is kept as text, never as markup", () => {
  const blocks = parseGuide('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>');
  assert.deepEqual(blocks, [
    { kind: "paragraph", inlines: [{ kind: "text", text: '<script>alert("x")</script>' }] },
    { kind: "paragraph", inlines: [{ kind: "text", text: "<img src=x onerror=alert(1)>" }] },
  ]);
});
