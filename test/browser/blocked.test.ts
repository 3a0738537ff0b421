/**
 * Blocked members: a member who blocked another finds "Blocked members" in the navigation, sees
 * whom they blocked, and unblocks them with the keyboard alone (Escape cancels the confirmation
 * and focus returns to its button; confirming says so in a status region, the list is empty and
 * focus moves to the heading). The server agrees: GET /api/v1/blocks is empty.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { hasFocus, serverAndBrowser, signInThroughPage, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
let seen: Awaited<ReturnType<typeof watchPage>> | undefined;

serverAndBrowser((s, b) => ((server = s), (browser = b)));

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${String(target)}`);
}

/** Whether `target` has focus within a couple of seconds (focus moves after a dialog's exit). */
async function focusSettlesOn(target: Locator): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await hasFocus(target)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

test("a member sees whom they blocked and unblocks them with the keyboard", { skip: skipBrowser }, async () => {
  const base = server!.url;
  const me = await member(base, { availability: "away" });
  const other = await member(base, { availability: "away" });
  await call(base, "PATCH", "/api/v1/me", { token: other.token, json: { displayName: "Sam from Leeds" } });
  assert.equal((await call(base, "POST", "/api/v1/blocks", { token: me.token, json: { userId: other.user.id } })).status, 204);

  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  seen = await watchPage(page);
  await signInThroughPage(page, base, me.handle, me.password);

  await page.getByRole("navigation").getByRole("link", { name: "Blocked members" }).click();
  await page.getByRole("heading", { level: 1, name: "Blocked members" }).waitFor();
  const list = page.getByRole("list", { name: "Members you blocked" });
  const entry = list.getByRole("listitem");
  await entry.getByText(`@${other.handle}`, { exact: true }).waitFor();
  assert.equal(await entry.count(), 1);
  await entry.getByText("Sam from Leeds").waitFor();
  await entry.getByText(/^Blocked since /).waitFor();
  const unblock = entry.getByRole("button", { name: `Unblock @${other.handle}` });

  // Escape cancels: nothing changes and focus is back on the button.
  await tabTo(page, unblock);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: `Unblock @${other.handle}?` });
  await dialog.getByText("they can message you again in a one-to-one you share, be matched with you, and see when you are online", { exact: false }).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.ok(await focusSettlesOn(unblock), "focus returns to the button that opened the confirmation");
  assert.equal(await entry.count(), 1);

  // Confirm, with the keyboard.
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  const confirm = dialog.getByRole("button", { name: `Yes, unblock @${other.handle}` });
  await tabTo(page, confirm, 5);
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await page
    .getByRole("status")
    .filter({ hasText: `You unblocked @${other.handle}.` })
    .waitFor();
  await page.getByText("You have not blocked anyone.").waitFor();
  assert.equal(await list.count(), 0);
  const heading = page.getByRole("heading", { level: 1, name: "Blocked members" });
  assert.ok(await focusSettlesOn(heading), "focus moves to the heading, since the button is gone");

  const after = await call(base, "GET", "/api/v1/blocks", { token: me.token });
  assert.equal(after.status, 200);
  assert.deepEqual(after.body.blocks, []);

  // After a reload the list is still empty.
  await page.reload();
  await page.getByText("You have not blocked anyone.").waitFor();
  await context.close();
});

test("no console error or CSP violation", { skip: skipBrowser }, () => {
  const problems = seen ? unexpectedProblems(seen) : [];
  assert.deepEqual(problems, [], problems.join("\n"));
});
