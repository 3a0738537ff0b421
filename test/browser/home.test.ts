/**
 * The home page in a real headless Chromium: the one place that proves the page actually renders
 * under our Content-Security-Policy, is styled, is accessible (axe) and fits a phone screen.
 * HTTP-level tests cannot see any of that.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchBrowser, skipBrowser, watchPage } from "../helpers/browser.js";
import { type TestServer, startServer } from "../helpers/server.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

const scratch = fileURLToPath(new URL("../../.scratch/", import.meta.url));
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
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("shows the Kindred heading, styled by the stylesheet", { skip: skipBrowser }, async () => {
  assert.match(await page.locator("h1").innerText(), /Kindred/);
  const sheets = await page.evaluate<number>("document.styleSheets.length");
  assert.ok(sheets >= 1, "no stylesheet loaded");
  const color = await page.evaluate<string>("getComputedStyle(document.querySelector('h1')).color");
  assert.notEqual(color, "rgb(0, 0, 0)", "h1 has the default black colour: style.css did not apply");
});

test("passes axe with no serious or critical violations", { skip: skipBrowser }, async () => {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  assert.deepEqual(summary, [], `axe violations:\n${summary.join("\n")}`);
});

test("fits a phone screen without horizontal scrolling", { skip: skipBrowser }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
    "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
  );
  assert.ok(scrollWidth <= clientWidth, `page scrolls sideways: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
  mkdirSync(scratch, { recursive: true });
  await page.screenshot({ path: scratch + "home.png", fullPage: true });
});

test("logs no console errors or Content-Security-Policy violations", { skip: skipBrowser }, () => {
  const problems = seen.problems;
  assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}\nconsole:\n${seen.console.join("\n")}`);
});
