/**
 * The sign-in page's JavaScript budget: at most 150 KB gzip-compressed, counted over every
 * script the page actually loads on a cold cache (route code-splitting keeps the rest out).
 * Also prints how long the page takes to become usable, for docs/performance.md; that figure
 * depends on the machine, so it is reported, not asserted.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { hasChromium, skipBrowser } from "../helpers/browser.js";
import { serverAndBrowser } from "./web-client.js";
import type { TestServer } from "../helpers/server.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

const budgetBytes = 150 * 1024;
let server: TestServer | undefined;
let browser: Browser | undefined;

serverAndBrowser((s, b) => ((server = s), (browser = b)));

test("the sign-in page loads at most 150 KB of gzip-compressed JavaScript", { skip: skipBrowser }, async () => {
  const timings: number[] = [];
  let scripts: string[] = [];
  for (let run = 0; run < 5; run++) {
    // A new context each time: an empty cache, as on a first visit.
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") loaded.push(response.url());
    });
    const started = Date.now();
    await page.goto(server!.url + "/sign-in");
    // Usable: the form is on screen and the handle box takes typing.
    await page.getByRole("textbox", { name: "Handle" }).fill("x");
    timings.push(Date.now() - started);
    scripts = loaded;
    await context.close();
  }
  let raw = 0;
  let gzipped = 0;
  for (const url of scripts) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 6 }).length;
  }
  timings.sort((a, b) => a - b);
  console.log(
    `sign-in page: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzip; ` +
      `load to usable (cold cache, loopback) median ${timings[2]} ms, min ${timings[0]} ms, max ${timings[4]} ms`,
  );
  assert.ok(scripts.length > 0);
  assert.ok(gzipped <= budgetBytes, `${(gzipped / 1024).toFixed(1)} KB gzip is over the 150 KB budget`);
});
