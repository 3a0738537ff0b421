/**
 * The front door in a real headless Chromium: the web client renders under our strict
 * Content-Security-Policy, is styled, and fits a phone screen. HTTP-level tests cannot see that.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser, skipBrowser, watchPage } from "../helpers/browser.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { backgroundOf, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
let page: Page;
let seen: Awaited<ReturnType<typeof watchPage>>;

before(async () => {
  if (!hasChromium) return;
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  page = await context.newPage();
  seen = await watchPage(page);
  const response = await page.goto(server.url + "/", { waitUntil: "load" });
  assert.equal(response?.status(), 200);
  await page.getByRole("heading", { level: 1, name: "Talk with someone who has been there" }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the welcome page says what Kindred is, styled by the bundled stylesheet", { skip: skipBrowser }, async () => {
  assert.match(await page.getByRole("main").innerText(), /peer support/i);
  const color = await backgroundOf(page.getByRole("link", { name: "Join Kindred" }));
  assert.notEqual(color, "rgba(0, 0, 0, 0)", "the main button has no background: the stylesheet did not apply");
});

test("fits a 360 px screen without sideways scrolling", { skip: skipBrowser }, async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
  assert.ok(scrollWidth <= clientWidth, `page scrolls sideways: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
});

test("logs no console errors or Content-Security-Policy violations", { skip: skipBrowser }, () => {
  const problems = unexpectedProblems(seen);
  assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}\nconsole:\n${seen.console.join("\n")}`);
});
