/**
 * Every screen of the web client, walked through in a real browser: axe-core finds no serious
 * or critical violation in the light and dark themes, at 360 px and on a desktop; nothing
 * scrolls sideways at 360 px or with text at 200 %; every request stays on Kindred's own origin;
 * and no Content-Security-Policy violation is reported. Screenshots of each screen at 390×844
 * and 1280×800, light and dark, go to .scratch/screenshots/ (or $SCREENSHOTS_DIR, which is how
 * docs/screenshots/ is refreshed).
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { hasChromium, launchBrowser, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { member } from "../helpers/members.js";
import { onDutySupporter } from "../helpers/supporters.js";
import { TestSocket } from "../helpers/ws.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { fillSignUp, signUpThroughPages, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

const shotsDir = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL("../../.scratch/screenshots/", import.meta.url));
let server: TestServer | undefined;
let browser: Browser | undefined;
let page: Page;
let seen: Awaited<ReturnType<typeof watchPage>>;
const requested: string[] = [];
const checked: string[] = [];

before(async () => {
  if (!hasChromium) return;
  // A short "slow" threshold so the waiting screen shows the alternatives it offers.
  server = await startServer({ matchSlowAfterMs: "1500", matchSweepMs: "500" });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  seen = await watchPage(page);
  page.on("request", (request) => requested.push(request.url()));
  page.on("websocket", (socket) => requested.push(socket.url()));
  mkdirSync(shotsDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function noSidewaysScroll(where: string): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
  assert.ok(scrollWidth <= clientWidth, `${where}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
}

/**
 * axe in both themes at 360 px and 1280 px, reflow checks, and the four screenshots; `show` is
 * scrolled to the top of each screenshot when the part worth seeing is further down the page.
 */
async function checkScreen(name: string, show?: Locator): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      assert.deepEqual(summary, [], `${name}, ${colorScheme}, ${viewport.width}px:\n${summary.join("\n")}`);
      if (viewport.width === 360) await noSidewaysScroll(`${name} at 360 px`);
    }
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await show?.evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: `${shotsDir}/${name}-${viewport.width}-${colorScheme}.png` });
    }
  }
  // 200 % text: the layout reflows rather than spilling sideways (setting style from script is allowed by the CSP).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate("document.documentElement.style.fontSize = '200%'");
  await noSidewaysScroll(`${name} at 200 % text`);
  await page.evaluate("document.documentElement.style.fontSize = ''");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  checked.push(name);
}

const h1 = (name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();

test("every screen passes axe in both themes at 360 px and desktop, and reflows", { skip: skipBrowser }, async () => {
  const base = server!.url;
  await page.goto(base + "/");
  await h1("Talk with someone who has been there");
  await checkScreen("welcome");

  await page.getByRole("link", { name: "Get help now" }).click();
  await page.getByRole("dialog", { name: "Help, right now" }).getByText("988 Suicide & Crisis Lifeline").waitFor();
  await checkScreen("help-dialog");
  await page.keyboard.press("Escape");

  await page.goto(base + "/sign-in");
  await h1("Sign in");
  await checkScreen("sign-in");

  // Arriving signed out from an invite link: sign-in and sign-up say why.
  await page.goto(base + "/invite/a-code-for-the-screens");
  await h1("Sign in");
  await page.getByText("to see the room you were invited to", { exact: false }).waitFor();
  await checkScreen("sign-in-invited");
  await page.getByRole("link", { name: "New here? Join Kindred" }).click();
  await h1("Join Kindred");
  await checkScreen("sign-up-invited");
  // Forget it, so the screens after sign-up below go where they always do.
  await page.evaluate("sessionStorage.removeItem('kindred.returnTo')");

  await page.goto(base + "/recover");
  await h1("Get back in with a recovery code");
  await checkScreen("recover");

  await page.goto(base + "/sign-up");
  await h1("Join Kindred");
  await checkScreen("sign-up");
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await checkScreen("sign-up-errors");

  await page.goto(base + "/sign-up");
  await fillSignUp(page, { handle: "too_young", password: "long enough passphrase", day: "1", month: "1", year: String(new Date().getUTCFullYear() - 12) });
  await h1("Kindred is for adults");
  await checkScreen("under-18");

  await page.goto(base + "/nowhere-at-all");
  await h1("Page not found");
  await checkScreen("not-found");

  await signUpThroughPages(page, base, "dawn_member");
  await checkScreen("recovery-codes");
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await h1("Tell us a little, if you like");
  await checkScreen("onboarding");
  await page.getByRole("link", { name: "Skip for now" }).first().click();
  await h1("Hello, dawn_member");
  await checkScreen("home");

  // Waiting, until the wait is slow and the alternatives show.
  const talk = page.getByRole("region", { name: "I'd like to talk" });
  await talk.getByText("Choose what you'd like to talk about").click();
  await talk.getByRole("checkbox", { name: "Gambling" }).check();
  await talk.getByRole("button", { name: "Find someone to talk with" }).click();
  await page.getByRole("heading", { name: "Looking for a peer" }).waitFor();
  await page.getByText("It's taking longer than usual.", { exact: false }).waitFor({ timeout: 15_000 });
  await checkScreen("waiting");
  await page.getByRole("button", { name: "Stop waiting" }).click();
  await page.getByText("You've stopped waiting.", { exact: false }).waitFor();

  // A peer who asks to talk while this member listens: match.found brings the member into the conversation.
  await page.getByRole("button", { name: "I can listen now" }).click();
  await page.getByText("You are listed as able to listen.", { exact: false }).waitFor();
  const peer = await member(base, { experiences: ["grief"], availability: "talk" });
  const asked = await call(base, "POST", "/api/v1/match-requests", { token: peer.token, json: { mode: "one-to-one", experiences: [], anyone: true } });
  assert.equal(asked.body.request.status, "matched");
  await h1(`With ${peer.handle}`);
  const conversationId = asked.body.request.conversationId as string;
  await call(base, "POST", `/api/v1/conversations/${conversationId}/messages`, {
    token: peer.token,
    json: { clientMsgId: "first", body: "Hi. It's been a long week and I couldn't sleep." },
  });
  await page.getByRole("log").getByText("It's been a long week", { exact: false }).waitFor();
  await page.getByRole("textbox", { name: "Your message" }).fill("I'm here. Do you want to tell me about it?");
  await page.getByRole("textbox", { name: "Your message" }).press("Enter");
  await page.getByText("Sent", { exact: true }).waitFor();
  await checkScreen("conversation");

  // Who can read it and how long its words are kept, opened from the banner, with a choice saved.
  const privacy = page.getByRole("region", { name: "Privacy in this conversation" });
  await privacy.getByRole("button", { name: "Privacy details" }).click();
  await privacy.getByRole("group", { name: "Your choice" }).getByRole("radio", { name: "7 days" }).check();
  await privacy.getByRole("button", { name: "Save this choice" }).click();
  await privacy.getByText("Thank you, your choice is saved.", { exact: false }).waitFor();
  await checkScreen("conversation-privacy", privacy);
  await privacy.getByRole("button", { name: "Privacy details" }).click();

  // Words of crisis: the private safety panel, for this member alone; nobody is on duty yet.
  await page.getByRole("textbox", { name: "Your message" }).fill("Honestly I'd rather be dead than keep doing this");
  await page.getByRole("textbox", { name: "Your message" }).press("Enter");
  await page.getByRole("heading", { name: "A private note, just for you" }).waitFor();
  const safetyPanel = page.getByRole("region", { name: "A private note, just for you" });
  await checkScreen("safety-panel", safetyPanel);
  await page.getByRole("button", { name: "Talk to an on-duty peer supporter now" }).click();
  await page.getByText("No peer supporter is free right now.").waitFor();
  await checkScreen("safety-none-free", page.getByText("No peer supporter is free right now."));
  await page.getByRole("button", { name: "Dismiss" }).click();

  await page.getByRole("link", { name: "When someone is struggling: a guide for peers" }).click();
  await h1("When someone is struggling");
  await checkScreen("guide");
  await page.getByRole("link", { name: "Back to the conversation" }).click();
  await h1(`With ${peer.handle}`);
  // The other member's menu, the block confirmation, and leaving.
  await page.getByRole("button", { name: `Options for ${peer.handle}` }).click();
  await page.getByRole("menu").waitFor();
  await checkScreen("member-menu");
  await page.getByRole("menuitem", { name: `Block ${peer.handle}` }).click();
  await page.getByRole("alertdialog", { name: `Block ${peer.handle}?` }).waitFor();
  await checkScreen("block-dialog");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Leave this conversation" }).click();
  await page.getByRole("alertdialog", { name: "Leave this conversation?" }).waitFor();
  await checkScreen("leave-dialog");
  await page.keyboard.press("Escape");

  // A check-in filled by both, a content warning, and the peer typing.
  await call(base, "PUT", `/api/v1/conversations/${conversationId}/checkin`, {
    token: peer.token,
    json: { hopingFor: "Someone to hear me out", timeAvailable: "An hour or so" },
  });
  const card = page.getByRole("region", { name: "Check-in" });
  await card.getByText("Someone to hear me out").waitFor();
  await card.getByRole("textbox", { name: "What are you hoping for from this chat?" }).fill("To listen");
  await card.getByRole("button", { name: "Save my answers" }).click();
  await card.getByRole("button", { name: "Change my answers" }).waitFor();
  await call(base, "POST", `/api/v1/conversations/${conversationId}/messages`, {
    token: peer.token,
    json: { clientMsgId: "warned", body: "My brother died in March.", contentWarning: "death of a family member" },
  });
  await page.getByText("Content warning: death of a family member — show").waitFor();
  const typist = await TestSocket.open(base, { token: peer.token });
  typist.send({ op: "typing", conversationId });
  await page.getByText(`${peer.handle} is typing…`).waitFor();
  await checkScreen("conversation-checkin");
  typist.ws.close();

  // Rooms: the directory, starting one (with its errors), the room itself, an invite.
  const host = await member(base, { experiences: ["grief"], availability: "away" });
  await call(base, "POST", "/api/v1/conversations", {
    token: host.token,
    json: {
      kind: "group",
      title: "Sunday evening grief circle",
      topic: "A gentle hour for anyone missing someone.",
      experiences: ["grief"],
      visibility: "public",
      language: "en",
      schedule: { weekday: "sunday", time: "19:00", timeZone: "Europe/London" },
    },
  });
  await page.getByRole("link", { name: "Rooms", exact: true }).click();
  await h1("Rooms");
  await page.getByRole("article", { name: "Sunday evening grief circle" }).waitFor();
  await checkScreen("rooms");
  await page.getByRole("link", { name: "Start a room" }).click();
  await h1("Start a room");
  await page.getByRole("checkbox", { name: "The room meets at the same time each week" }).check();
  await checkScreen("create-room");
  await page.getByRole("button", { name: "Start the room" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await checkScreen("create-room-errors");
  await page.getByRole("textbox", { name: "Room name" }).fill("Night owls");
  await page.getByRole("button", { name: "Start the room" }).click();
  await h1("Night owls");
  await page.getByRole("button", { name: "Make an invite link" }).click();
  const inviteLink = await page.getByRole("textbox", { name: "Your new invite link" }).inputValue();
  await page.getByText("1 member").click();
  await checkScreen("room");
  await page.goto(inviteLink);
  await h1("You're invited to a room");
  await checkScreen("invite");

  await page.getByRole("link", { name: "Home" }).click();
  await h1("Hello, dawn_member");
  await page.getByRole("link", { name: `With ${peer.handle}` }).waitFor();
  await checkScreen("home-with-conversation");

  await page.getByRole("link", { name: "Your sessions" }).click();
  await h1("Your sessions");
  await checkScreen("sessions");

  await page.getByRole("link", { name: "Your data" }).click();
  await h1("Your data");
  await checkScreen("your-data");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.getByRole("link", { name: "Enter your password to delete your account" }).waitFor();
  await checkScreen("your-data-errors", page.getByRole("region", { name: "Delete your account" }));
  // Blocked members: the peer from the conversation, the confirmation, then nobody.
  const blockedPeer = await page.request.post(base + "/api/v1/blocks", { data: { userId: peer.user.id }, headers: { origin: server!.origin } });
  assert.equal(blockedPeer.status(), 204);
  await page.getByRole("link", { name: "Blocked members" }).click();
  await h1("Blocked members");
  await page.getByRole("button", { name: `Unblock @${peer.handle}` }).click();
  await page.getByRole("alertdialog", { name: `Unblock @${peer.handle}?` }).waitFor();
  await checkScreen("unblock-dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  await checkScreen("blocked");
  await page.getByRole("button", { name: `Unblock @${peer.handle}` }).click();
  await page.getByRole("button", { name: `Yes, unblock @${peer.handle}` }).click();
  await page.getByText("You have not blocked anyone.").waitFor();
  await checkScreen("blocked-empty");

  // This member becomes a peer supporter and an administrator (as the operator's command does).
  // Another supporter is already with a member who asked for one.
  await grantRole(server!.services.db, "dawn_member", "supporter");
  await grantRole(server!.services.db, "dawn_member", "admin");
  const first = await onDutySupporter(server!);
  const seeker = await member(base, { availability: "talk" });
  const support = await call(base, "POST", "/api/v1/support-requests", { token: seeker.token, json: {} });
  assert.equal(support.body.supporter.id, first.user.id, support.text);
  await page.goto(base + "/home");
  await h1("Hello, dawn_member");
  await page.getByRole("switch", { name: "On duty" }).press("Space");
  await page.getByText("You are on duty.", { exact: false }).waitFor();
  await checkScreen("home-supporter");

  // The other supporter taps out; the member accepts; this supporter, the only one free, gets them and the note.
  const offered = await call(base, "POST", `/api/v1/conversations/${support.body.conversationId}/handoff`, {
    token: first.token,
    json: { note: "They like to be asked before any advice. Evenings are the hardest." },
  });
  assert.equal(offered.status, 201, offered.text);
  const accepted = await call(base, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: seeker.token });
  assert.equal(accepted.status, 201, accepted.text);
  await h1(`With ${seeker.handle}`);
  await page.getByRole("region", { name: "A note from the supporter before you" }).waitFor();
  await checkScreen("handoff-note");
  await page.getByRole("button", { name: "Hand over to another supporter" }).click();
  await page.getByRole("dialog", { name: "Hand over to another supporter" }).waitFor();
  await checkScreen("hand-over");
  await page.keyboard.press("Escape");

  // A long shift: the break nudge.
  await page.getByRole("link", { name: "Home" }).click();
  await h1("Hello, dawn_member");
  await server!.services.shifts.sweepBreaks(Date.now() + 3 * 60 * 60_000);
  await page.getByRole("region", { name: "Time for a break?" }).waitFor();
  await checkScreen("break-nudge");
  await page.getByRole("button", { name: "Go off duty" }).click();
  await page.getByText("You are off duty.", { exact: false }).waitFor();

  // As a member again: "Talk to a supporter" from "Get help now", then a hand-off offered to this member.
  const helper = await onDutySupporter(server!);
  await page.getByRole("link", { name: "Get help now" }).click();
  await page.getByRole("dialog", { name: "Help, right now" }).getByRole("heading", { name: "Talk to a supporter" }).waitFor();
  await checkScreen("help-dialog-signed-in");
  await page.getByRole("dialog", { name: "Help, right now" }).getByRole("button", { name: "Talk to an on-duty peer supporter now" }).click();
  await h1(`With ${helper.handle}`);
  const supportedIn = new URL(page.url()).pathname.split("/").pop()!;
  await onDutySupporter(server!);
  const handingOver = await call(base, "POST", `/api/v1/conversations/${supportedIn}/handoff`, { token: helper.token, json: { note: "Going off shift." } });
  assert.equal(handingOver.status, 201, handingOver.text);
  await page.getByRole("region", { name: "Another supporter can take over" }).waitFor();
  await checkScreen("handoff-offer", page.getByRole("region", { name: "Another supporter can take over" }));
  await page.getByRole("button", { name: "Not now" }).click();
  await page.getByRole("region", { name: "Another supporter can take over" }).waitFor({ state: "detached" });

  // The administrator's crisis lines, and its errors.
  await page.getByRole("link", { name: "Edit crisis lines" }).click();
  await h1("Crisis lines by region");
  await page.getByRole("group", { name: /^Line 1:/ }).waitFor();
  await checkScreen("crisis-lines");
  await page
    .getByRole("group", { name: /^Line 1:/ })
    .getByRole("textbox", { name: "How to reach it" })
    .fill("");
  await page.getByRole("button", { name: "Save the list" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await checkScreen("crisis-lines-errors");

  await page.getByRole("button", { name: "Sign out" }).click();
  await h1("You are signed out");
  await checkScreen("signed-out");

  await page.goto(base + "/account-deleted");
  await h1("Your account has been deleted");
  await checkScreen("account-deleted");
  assert.equal(checked.length, 45);
});

test("every request stayed on Kindred's own origin, with no CSP violation or script error", { skip: skipBrowser }, () => {
  const origin = server!.origin;
  const foreign = requested.filter((url) => !url.startsWith(origin + "/") && !url.startsWith(origin.replace("http:", "ws:") + "/"));
  assert.deepEqual(foreign, []);
  // The under-18 refusal and "no supporter is free" are provoked on purpose.
  const problems = unexpectedProblems(seen, ["403 /api/v1/accounts", "409 /api/v1/support-requests"]);
  assert.deepEqual(problems, [], problems.join("\n"));
});
