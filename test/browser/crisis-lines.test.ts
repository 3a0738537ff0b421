/**
 * The administrator's crisis-lines editor in a real browser: the shipped lines marked as
 * defaults, GOV.UK errors by field after a failed save, add / edit / remove, and a save that
 * GET /api/v1/resources then answers with. A member who is not an administrator gets no editor.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { describedBy, hasFocus, serverAndBrowser, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];

async function pageFor(token: string, path: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: "kindred_session", value: token, url: server!.url }]);
  const page = await context.newPage();
  watched.push(await watchPage(page));
  await page.goto(server!.url + path);
  return page;
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

test("an administrator edits the crisis lines, sees errors by field, and saves for everyone", { skip: skipBrowser }, async () => {
  const admin = await member(server!.url);
  await grantRole(server!.services.db, admin.handle, "admin");
  const shipped = (await call(server!.url, "GET", "/api/v1/resources")).body.resources as Array<{ name: string; default: boolean }>;
  assert.ok(shipped.every((r) => r.default));

  const page = await pageFor(admin.token, "/home");
  await page.getByRole("link", { name: "Edit crisis lines" }).click();
  await page.getByRole("heading", { level: 1, name: "Crisis lines by region" }).waitFor();
  const lines = page.getByRole("group", { name: /^Line \d+:/ });
  await lines.first().waitFor();
  assert.equal(await lines.count(), shipped.length);
  assert.equal(await page.getByText("Shipped with Kindred", { exact: true }).count(), shipped.length, "every shipped line is marked as a default");

  // Empty the first line's contact and add a line with a bad region: a failed save.
  const first = page.getByRole("group", { name: `Line 1: ${shipped[0]!.name}` });
  await first.getByRole("textbox", { name: "How to reach it" }).fill("");
  await page.getByRole("button", { name: "Add a line" }).click();
  await page.getByRole("group", { name: `Line ${shipped.length + 1}: new line` }).waitFor();
  // Its legend follows the name typed, so it is found by position from here on.
  const added = lines.last();
  const region = added.getByRole("textbox", { name: "Region" });
  assert.equal(await hasFocus(region), true, "focus goes to the new line");
  await region.fill("us");
  await added.getByRole("textbox", { name: "Name" }).fill("Riverside Peer Warmline");
  await added.getByRole("textbox", { name: "How to reach it" }).fill("Call 555 0100, 6 pm to midnight");
  await added.getByRole("combobox", { name: "Kind of line" }).selectOption({ label: "Warmline" });
  await page.getByRole("button", { name: "Save the list" }).click();

  const summary = page.getByRole("heading", { name: "There is a problem" });
  await summary.waitFor();
  const links = page.getByRole("link", { name: /^(Enter how to reach the line|Enter a region as two capital letters)/ });
  assert.equal(await links.count(), 2);
  const contact = first.getByRole("textbox", { name: "How to reach it" });
  assert.match(await describedBy(contact), /Enter how to reach the line/);
  await links.first().click();
  assert.equal(await hasFocus(contact), true, "the summary's link takes focus to the field");
  assert.equal(await region.inputValue(), "us", "what was typed stays");
  assert.equal((await call(server!.url, "GET", "/api/v1/resources")).body.resources.length, shipped.length, "nothing was saved");

  // Fix both, remove the second shipped line, save.
  await contact.fill("https://findahelpline.com");
  await region.fill("US");
  const removedName = shipped[1]!.name;
  await page.getByRole("button", { name: `Remove line 2: ${removedName}` }).click();
  await page.getByRole("button", { name: "Save the list" }).click();
  await page.getByText(`Saved ${shipped.length} lines. Members see them now.`).waitFor();
  assert.equal(await page.getByText("Shipped with Kindred", { exact: true }).count(), 0, "the list is the organization's own now");

  const after = (await call(server!.url, "GET", "/api/v1/resources?region=US")).body.resources as Array<{
    name: string;
    contact: string;
    kind: string;
    default: boolean;
  }>;
  const warmline = after.find((r) => r.name === "Riverside Peer Warmline");
  assert.deepEqual(warmline, {
    region: "US",
    name: "Riverside Peer Warmline",
    contact: "Call 555 0100, 6 pm to midnight",
    kind: "warmline",
    note: "",
    default: false,
  });
  assert.equal(
    after.some((r) => r.name === removedName),
    false,
    "the removed line is gone",
  );
  assert.ok(after.every((r) => !r.default));
});

test("a member who is not an administrator has no editor and no link to it", { skip: skipBrowser }, async () => {
  const m = await member(server!.url);
  const page = await pageFor(m.token, "/admin/crisis-lines");
  await page.getByText("Only administrators can change the crisis lines.").waitFor();
  assert.equal(await page.getByRole("link", { name: "Edit crisis lines" }).count(), 0);
  assert.equal(await page.getByRole("button", { name: "Save the list" }).count(), 0);
});

test("no console error or CSP violation", { skip: skipBrowser }, () => {
  const problems = watched.flatMap((seen) => unexpectedProblems(seen));
  assert.deepEqual(problems, [], problems.join("\n"));
});
