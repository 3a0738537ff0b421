import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarkdown } from "./markdown.js";

test("the agreement's Markdown becomes headings, lists and emphasis", () => {
  const html = renderMarkdown("# Our agreement\n\nIntro.\n\n1. **We are peers.** Nobody here\n   is your clinician.\n2. Second.\n");
  assert.match(html, /<h1[^>]*>Our agreement<\/h1>/);
  assert.match(html, /<ol>\s*<li><strong>We are peers\.<\/strong> Nobody here\s+is your clinician\.<\/li>/);
});

test("raw HTML is shown as text, never passed through", () => {
  const html = renderMarkdown('Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">\n\n<div onclick="x()">block</div>\n');
  assert.ok(!html.includes("<script"), html);
  assert.ok(!html.includes("<img"), html);
  assert.ok(!html.includes("<div"), html);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("only web, mail, phone and same-site links keep their href", () => {
  const html = renderMarkdown(
    '[ok](https://example.org/a?b=1&c=2) [call](tel:988) [bad](javascript:alert(1)) [worse](data:text/html,hi) ![pic](https://tracker.example/p.gif "t")',
  );
  assert.match(html, /<a href="https:\/\/example\.org\/a\?b=1&amp;c=2">ok<\/a>/);
  assert.match(html, /<a href="tel:988">call<\/a>/);
  assert.ok(!/javascript:|data:text/.test(html), html);
  assert.ok(!html.includes("tracker.example"), "images are not loaded");
});
