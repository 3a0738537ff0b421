import assert from "node:assert/strict";
import { test } from "node:test";
import type { Resource } from "../../domain/safety/resources.js";
import { renderHelpPage } from "./help.js";

const resources: Resource[] = [
  {
    region: "US",
    name: "Warm <b>line</b> & friends",
    contact: "https://example.org/warm",
    kind: "warmline",
    note: 'Say "hi" <script>x()</script>',
    default: false,
  },
  { region: "*", name: "Directory", contact: "javascript:alert(1)", kind: "directory", note: "", default: false },
  { region: "GB", name: "Samaritans", contact: "Call 116 123", kind: "crisis-line", note: "Free, 24/7.", default: true },
];

test("resources are grouped by region, anywhere first, then by region name", () => {
  const html = renderHelpPage(resources);
  const order = ["Anywhere", "United Kingdom", "United States"].map((name) => html.indexOf(`>${name}</h2>`));
  assert.ok(
    order.every((i) => i > 0),
    "every region has a heading",
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(html, /Call 116 123/);
  assert.match(html, /<a href="https:\/\/example\.org\/warm">/);
});

test("every text is escaped, and only web addresses become links", () => {
  const html = renderHelpPage(resources);
  assert.ok(!html.includes("<b>line</b>") && !html.includes("<script>"), html);
  assert.match(html, /Warm &lt;b&gt;line&lt;\/b&gt; &amp; friends/);
  assert.ok(!html.includes('href="javascript:'), "a script address is not a link");
});
