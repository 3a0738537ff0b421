/**
 * /help and /agreement in a real headless Chromium: they carry no script at all (so they
 * work with JavaScript off), are styled, pass axe, fit a phone and break no
 * Content-Security-Policy rule.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { serverAndBrowser } from "./web-client.js";
import type { TestServer } from "../helpers/server.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;

serverAndBrowser((s, b) => ((server = s), (browser = b)));

for (const [path, heading] of [
  ["/help", /Help lines/],
  ["/agreement", /Our community agreement/],
] as const) {
  describe(path, () => {
    test("renders with no script, styled, accessible, phone-sized and CSP-clean", { skip: skipBrowser }, async () => {
      // JavaScript stays on so axe can run; the page itself has none to run.
      const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        const seen = await watchPage(page);
        const response = await page.goto(server!.url + path, { waitUntil: "load" });
        assert.equal(response?.status(), 200);
        assert.match(await page.locator("h1").innerText(), heading);
        assert.equal(await page.evaluate<number>("document.scripts.length"), 0);
        const color = await page.evaluate<string>("getComputedStyle(document.querySelector('h1')).color");
        assert.notEqual(color, "rgb(0, 0, 0)", "style.css did not apply");
        const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
          "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
        );
        assert.ok(scrollWidth <= clientWidth, `page scrolls sideways: ${scrollWidth} > ${clientWidth}`);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help}`);
        assert.deepEqual(bad, []);
        assert.deepEqual(seen.problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
