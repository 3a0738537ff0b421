/**
 * An address opened while signed out survives getting in: an invite link leads to sign-in, which
 * says why, and signing in lands on the invite; someone new goes from the link through joining,
 * the recovery codes and onboarding and still ends on the invite. The address is kept in the
 * tab's storage, never in the address bar, and used once. Any members-only address works the same.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { signUp } from "../helpers/http.js";
import type { TestServer } from "../helpers/server.js";
import { fillSignUp, serverAndBrowser, signInThroughPage, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];
const roomTitle = "Sunday morning walkers";
const invitedLine = "Sign in, or create an account, to see the room you were invited to.";
let inviteLink = "";
let roomPath = "";

async function freshPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  watched.push(await watchPage(page));
  return page;
}

/** What this tab keeps in sessionStorage, as one string. */
function tabStorageOf(page: Page): Promise<string> {
  return page.evaluate<string>("JSON.stringify({ ...sessionStorage })");
}

/** Opens the invite link signed out; ends on the sign-in page, which says why. */
async function openInviteSignedOut(page: Page): Promise<void> {
  await page.goto(inviteLink);
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByText(invitedLine).waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname + url.search + url.hash, "/sign-in", "the invite code is not carried in the address");
  const kept = await page.evaluate<string | null>("sessionStorage.getItem('kindred.returnTo')");
  assert.equal(kept && JSON.parse(kept), new URL(inviteLink).pathname, "it is kept in the tab's storage");
}

/** Joins from the invite screen and checks the room opened. */
async function joinFromInvite(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "You're invited to a room" }).waitFor();
  assert.equal(new URL(page.url()).pathname, new URL(inviteLink).pathname);
  assert.doesNotMatch(await tabStorageOf(page), /returnTo/, "the address is used once");
  await page.getByRole("button", { name: "Join the room" }).click();
  await page.getByRole("heading", { level: 1, name: roomTitle }).waitFor();
  assert.equal(new URL(page.url()).pathname, roomPath);
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

test("a facilitator makes an invite link", { skip: skipBrowser }, async () => {
  const facilitator = await signUp(server!.url);
  const f = await freshPage();
  await signInThroughPage(f, server!.url, facilitator.handle, facilitator.password);
  await f.getByRole("link", { name: "Rooms" }).click();
  await f.getByRole("link", { name: "Start a room" }).click();
  await f.getByRole("textbox", { name: "Room name" }).fill(roomTitle);
  await f.getByRole("button", { name: "Start the room" }).click();
  await f.getByRole("heading", { level: 1, name: roomTitle }).waitFor();
  roomPath = new URL(f.url()).pathname;
  const about = f.getByRole("region", { name: "About this room" });
  await about.getByRole("button", { name: "Make an invite link" }).click();
  inviteLink = await about.getByRole("textbox", { name: "Your new invite link" }).inputValue();
  assert.match(inviteLink, new RegExp(`^${server!.origin}/invite/[^/?]+$`));
});

test("signed out, an invite link leads to sign-in, which says why, and signing in lands on the invite", { skip: skipBrowser }, async () => {
  const visitor = await signUp(server!.url);
  const page = await freshPage();
  await openInviteSignedOut(page);
  await page.getByRole("textbox", { name: "Handle" }).fill(visitor.handle);
  await page.getByLabel("Password", { exact: true }).fill(visitor.password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await joinFromInvite(page);
});

test("someone new goes from an invite link through joining, recovery codes and onboarding to the invite", { skip: skipBrowser }, async () => {
  const page = await freshPage();
  await openInviteSignedOut(page);
  await page.getByRole("link", { name: "New here? Join Kindred" }).click();
  await page.getByRole("heading", { level: 1, name: "Join Kindred" }).waitFor();
  const joinLine = page.getByText("Once you have made your account, we'll take you to the room you were invited to.");
  await joinLine.waitFor();
  // A reload on the way keeps it: it lives in the tab's storage, not in this page's memory.
  await page.reload();
  await joinLine.waitFor();
  await fillSignUp(page, { handle: `walker_${process.pid}`, password: "quiet river morning lantern", day: "27", month: "3", year: "1990" });
  await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.getByRole("heading", { level: 1, name: "Tell us a little, if you like" }).waitFor();
  await page.getByRole("radio", { name: "Either", exact: true }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await joinFromInvite(page);
});

test("any members-only address works the same, and sign-in says nothing about an invite then", { skip: skipBrowser }, async () => {
  const visitor = await signUp(server!.url);
  const page = await freshPage();
  await page.goto(server!.url + "/rooms");
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  assert.equal(await page.getByText(invitedLine).count(), 0);
  await page.getByRole("textbox", { name: "Handle" }).fill(visitor.handle);
  await page.getByLabel("Password", { exact: true }).fill(visitor.password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Rooms" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/rooms");
});

test("no console error or CSP violation", { skip: skipBrowser }, () => {
  const problems = watched.flatMap((seen) => unexpectedProblems(seen));
  assert.deepEqual(problems, [], problems.join("\n"));
});
