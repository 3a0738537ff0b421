/**
 * Getting in, in a real browser: "Get help now" signed out, the under-18 refusal, errors the
 * GOV.UK way (summary takes focus, links to fields, typed text kept, server codes mapped to
 * fields), sign-in by keyboard alone, recovery with a code, "sign out everywhere else", and
 * switching to Spanish.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import type { TestServer } from "../helpers/server.js";
import { describedBy, fillSignUp, hasFocus, isFocused, serverAndBrowser, signUpThroughPages, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];

async function freshPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  watched.push(await watchPage(page));
  return page;
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

test("Get help now works signed out: a dialog with the instance's help lines, a link to /help, Escape returns focus", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await page.goto(server!.url + "/sign-in");
  const trigger = page.getByRole("link", { name: "Get help now" });
  assert.equal(await trigger.getAttribute("href"), "/help", "without JavaScript it is a plain link to the help page");
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Help, right now" });
  await dialog.waitFor();
  await dialog.getByText("988 Suicide & Crisis Lifeline").waitFor();
  await dialog.getByText("Kindred never contacts anyone about you.", { exact: false }).waitFor();
  assert.equal(await dialog.getByRole("link", { name: "Open the help page" }).getAttribute("href"), "/help");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.ok(await isFocused(page, "Get help now", "link"), "focus returns to the control that opened the dialog");
});

test("someone under 18 gets the kind refusal page and nothing typed stays", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await page.goto(server!.url + "/sign-up");
  const year = String(new Date().getUTCFullYear() - 15);
  await fillSignUp(page, { handle: "young_one", password: "long enough passphrase", day: "1", month: "6", year });
  await page.getByRole("heading", { level: 1, name: "Kindred is for adults" }).waitFor();
  await page.getByText("Nothing you typed has been kept.").waitFor();
  assert.equal(await page.getByRole("main").getByRole("link", { name: "Get help now" }).getAttribute("href"), "/help");
  const kept = await page.evaluate<string>("JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href");
  assert.doesNotMatch(kept, /young_one/, "the browser keeps nothing typed");
  // And the server kept nothing: the handle is still free.
  const taken = await fetch(server!.url + "/api/v1/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ handle: "young_one", password: "long enough passphrase" }),
  });
  assert.equal(taken.status, 401);
});

test("errors: the summary takes focus, links to each field, messages sit beside fields, typed text stays", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await page.goto(server!.url + "/sign-up");
  await page.getByRole("textbox", { name: "Handle" }).fill("x");
  await page.getByRole("button", { name: "Create my account" }).click();
  const summary = page.getByRole("heading", { name: "There is a problem" });
  await summary.waitFor();
  assert.ok(await page.evaluate<boolean>("document.activeElement?.classList.contains('error-summary')"), "the summary has focus");
  const handleLink = page.getByRole("link", { name: "Enter a handle of 3 to 32 letters, numbers, dots, dashes or underscores" });
  await page.getByRole("link", { name: "Enter a password of at least 10 characters" }).waitFor();
  await page.getByRole("link", { name: "Enter your date of birth" }).waitFor();
  await handleLink.click();
  const handle = page.getByRole("textbox", { name: "Handle" });
  assert.ok(await hasFocus(handle), "the link moves focus to its field");
  assert.equal(await handle.inputValue(), "x", "what was typed is kept");
  const described = await describedBy(handle);
  assert.match(described, /Enter a handle of 3 to 32/, "the message beside the field is tied to it");
  assert.equal(await handle.getAttribute("aria-invalid"), "true");

  // A server answer (HANDLE_TAKEN) lands beside the right field, by code.
  await signUpThroughPages(await freshPage(), server!.url, "taken_name");
  await handle.fill("taken_name");
  await fillSignUp(page, { handle: "taken_name", password: "quiet river morning lantern", day: "2", month: "2", year: "1980" });
  await page.getByRole("link", { name: "That handle is taken. Try another one" }).waitFor();
  assert.equal(await page.getByLabel("Password", { exact: true }).inputValue(), "quiet river morning lantern", "the password is kept too");
});

test("the password hint follows typing, and show/hide reveals it", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await page.goto(server!.url + "/sign-up");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("abc");
  await page.getByText("7 more characters needed").waitFor();
  await password.fill("abcdefghi");
  await page.getByText("1 more character needed").waitFor();
  await password.fill("abcdefghijk");
  await page.getByText("Long enough.").waitFor();
  assert.equal(await password.getAttribute("type"), "password");
  const toggle = page.getByRole("button", { name: "Show password" });
  await toggle.click();
  assert.equal(await password.getAttribute("type"), "text");
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
});

test("sign-in works with the keyboard alone", { skip: skipBrowser }, async () => {
  await signUpThroughPages(await freshPage(), server!.url, "keys_only", "tab tab enter works");
  const page = await freshPage();
  await page.goto(server!.url + "/sign-in");
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  const reached: string[] = [];
  for (let i = 0; i < 15 && !(await isFocused(page, "Handle", "textbox")); i++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate<string>("document.activeElement?.textContent?.trim() || document.activeElement?.tagName || ''"));
  }
  assert.ok(await isFocused(page, "Handle", "textbox"), `Tab never reached the handle box: ${reached.join(" → ")}`);
  assert.equal(reached[0], "Skip to main content", "the first Tab reaches the skip link");
  await page.keyboard.type("keys_only");
  await page.keyboard.press("Tab");
  assert.ok(await hasFocus(page.getByLabel("Password", { exact: true })));
  await page.keyboard.type("tab tab enter works");
  await page.keyboard.press("Tab");
  assert.ok(await isFocused(page, "Show password", "button"));
  await page.keyboard.press("Tab");
  assert.ok(await isFocused(page, "Sign in", "button"));
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Hello, keys_only" }).waitFor();
  assert.ok(await hasFocus(page.getByRole("heading", { level: 1 })), "focus moves to the new page's heading");
});

test("recovery with a code, new codes shown, and sign out everywhere else", { skip: skipBrowser }, async () => {
  const first = await freshPage();
  const codes = await signUpThroughPages(first, server!.url, "comes_back");
  await first.getByRole("button", { name: "I have saved my codes" }).click();
  await first.getByRole("link", { name: "Skip for now" }).first().click();
  await first.getByRole("heading", { level: 1, name: "Hello, comes_back" }).waitFor();

  const second = await freshPage();
  await second.goto(server!.url + "/sign-in");
  await second.getByRole("link", { name: "Forgot your password? Use a recovery code" }).click();
  await second.getByRole("textbox", { name: "Handle" }).fill("comes_back");
  await second.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await second.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await second.getByRole("button", { name: "Set new password" }).click();
  await second.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  const newCodes = await second.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  assert.equal(newCodes.length, 10);
  assert.ok(!newCodes.includes(codes[0]!));

  // Recovery ended the first browser's session; sign in there again, then end it from the second.
  await first.goto(server!.url + "/sign-in");
  await first.getByRole("textbox", { name: "Handle" }).fill("comes_back");
  await first.getByLabel("Password", { exact: true }).fill("a brand new passphrase");
  await first.getByRole("button", { name: "Sign in" }).click();
  await first.getByRole("heading", { level: 1, name: "Hello, comes_back" }).waitFor();

  await second.getByRole("button", { name: "I have saved my codes" }).click();
  await second.getByRole("link", { name: "Your sessions" }).click();
  await second.getByRole("heading", { level: 1, name: "Your sessions" }).waitFor();
  await second.getByText("Another device").waitFor();
  await second.getByRole("button", { name: "Sign out everywhere else" }).click();
  await second.getByText("Signed out of 1 other session.").waitFor();
  await second.getByText("You are not signed in anywhere else.").waitFor();

  // The first browser notices without a reload: its socket is refused, it asks who it is, and shows sign-in.
  await first.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
});

test("sign out ends the session", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await signUpThroughPages(page, server!.url, "leaves_now");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { level: 1, name: "You are signed out" }).waitFor();
  await page.goto(server!.url + "/home");
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
});

test("the language can be changed to Spanish, and the choice is kept", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await page.goto(server!.url + "/");
  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await page.getByRole("heading", { level: 1, name: "Habla con alguien que ha pasado por lo mismo" }).waitFor();
  assert.equal(await page.evaluate<string>("document.documentElement.lang"), "es");
  await page.reload();
  await page.getByRole("link", { name: "Ayuda ahora" }).waitFor();
});

test("a browser that prefers Spanish gets Spanish", { skip: skipBrowser }, async () => {
  const context = await browser!.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto(server!.url + "/sign-in");
  await page.getByRole("heading", { level: 1, name: "Entrar" }).waitFor();
  await context.close();
});

test("no console errors or Content-Security-Policy violations on any of these pages", { skip: skipBrowser }, () => {
  // Refusals these tests provoke on purpose: under 18, a taken handle, and the socket of a
  // session ended from another device (Chromium logs its refused reconnect).
  const problems = watched
    .flatMap((seen) => unexpectedProblems(seen, ["403 /api/v1/accounts", "409 /api/v1/accounts"]))
    .filter((line) => !/WebSocket connection to .*\/api\/v1\/ws' failed: HTTP Authentication failed/.test(line));
  assert.deepEqual(problems, [], problems.join("\n"));
});
