/**
 * "Your data" in a real browser: a signed-in member finds it in the navigation, downloads
 * everything Kindred keeps about them, is told beside the field when the password is missing or
 * wrong (and stays signed in), then deletes the account: the tab forgets them, the deleted page
 * takes focus at its heading, and the session the account had elsewhere no longer works.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import type { Browser } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { describedBy, hasFocus, serverAndBrowser, signInThroughPage, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;

serverAndBrowser((s, b) => ((server = s), (browser = b)));

/** Every main heading and status message the page shows, in order, kept in `window.shown`. */
const shownLog = `window.shown = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll("h1, [role=status]")) {
    const text = (el.tagName === "H1" ? "h1: " : "status: ") + el.textContent;
    if (el.textContent && !window.shown.includes(text)) window.shown.push(text);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });`;

test("a member downloads their data, a wrong password deletes nothing, the right one deletes the account", { skip: skipBrowser }, async () => {
  const base = server!.url;
  const someone = await member(base, { availability: "away" });
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  const seen = await watchPage(page);
  await page.addInitScript(shownLog);
  await signInThroughPage(page, base, someone.handle, someone.password);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();

  // The export: a file named for today, holding this member.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download my data" }).click()]);
  assert.match(download.suggestedFilename(), /^kindred-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  assert.equal(exported.user.handle, someone.handle);
  assert.ok(Array.isArray(exported.messages) && Array.isArray(exported.sessions), "the whole export, not a summary");
  await page
    .getByRole("status")
    .filter({ hasText: `Your file ${download.suggestedFilename()} is in your downloads.` })
    .waitFor();

  // No password, then a wrong one: an error beside the field each time, and nothing changes.
  const password = page.getByLabel("Your password", { exact: true });
  const deleteButton = page.getByRole("button", { name: "Delete my account" });
  await deleteButton.click();
  await page.getByRole("link", { name: "Enter your password to delete your account" }).waitFor();
  await password.fill("not my password at all");
  await deleteButton.click();
  const wrong = page.getByRole("link", { name: "That password is not right, so nothing was deleted. Check it and try again" });
  await wrong.waitFor();
  assert.ok(await page.evaluate<boolean>("document.activeElement?.classList.contains('error-summary')"), "the summary has focus");
  assert.match(await describedBy(password), /That password is not right/, "the message sits beside the field");
  assert.equal(await password.getAttribute("aria-invalid"), "true");
  assert.equal(await password.inputValue(), "not my password at all", "what was typed stays");
  assert.equal((await call(base, "GET", "/api/v1/me", { token: someone.token })).status, 200, "the account is still there");
  await page.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
  await page.getByRole("button", { name: "Sign out" }).waitFor();

  // What the tab kept for this member (as a draft would be) must not outlive the account.
  await page.evaluate("sessionStorage.setItem('kindred.draft.kept', JSON.stringify('a draft'))");

  await password.fill(someone.password);
  await page.evaluate("window.shown.length = 0");
  await deleteButton.click();
  const heading = page.getByRole("heading", { level: 1, name: "Your account has been deleted" });
  await heading.waitFor();
  // The server closes the member's socket before it answers: that is no lost connection to
  // announce ("Offline…") or to send the member to sign in from.
  const shown = await page.evaluate<string[]>("window.shown");
  assert.deepEqual(
    shown.filter((line) => line.startsWith("h1: ")),
    ["h1: Your data", "h1: Your account has been deleted"],
  );
  assert.deepEqual(
    shown.filter((line) => /offline|reconnecting/i.test(line)),
    [],
  );
  assert.equal(new URL(page.url()).pathname, "/account-deleted");
  assert.ok(await hasFocus(heading), "the heading takes focus, so a screen reader says it at once");
  const main = page.getByRole("main");
  assert.equal(await main.getByRole("link", { name: "Help and crisis lines" }).getAttribute("href"), "/help");
  assert.equal(await main.getByRole("link", { name: "Go to the start page" }).getAttribute("href"), "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
  const kept = await page.evaluate<string[]>("Object.keys(sessionStorage).filter((key) => key.startsWith('kindred.'))");
  assert.deepEqual(kept, [], "the tab's storage is cleared as at sign-out");

  // Every session of the account ended with it: the one from sign-up too, and the browser's own.
  assert.equal((await call(base, "GET", "/api/v1/me", { token: someone.token })).status, 401);
  assert.equal(await page.evaluate<number>("fetch('/api/v1/me').then((r) => r.status)"), 401);
  const signIn = await call(base, "POST", "/api/v1/sessions", { json: { handle: someone.handle, password: someone.password } });
  assert.equal(signIn.status, 401, "the account is gone");

  // The wrong password was refused on purpose; nothing else went wrong.
  const problems = unexpectedProblems(seen, ["403 /api/v1/me"]);
  assert.deepEqual(problems, [], problems.join("\n"));
  await context.close();
});
