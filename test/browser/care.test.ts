/**
 * Crisis support in real browsers against a real server: words of crisis typed by one member
 * bring the private safety panel to that member alone; "talk to an on-duty peer supporter now"
 * is honest when nobody is free and opens a conversation for both when someone is; a supporter
 * goes on duty with the switch and sees their shift; a hand-off accepted by the member reaches
 * the next supporter with the note, and the supporter who tapped out hears how the member
 * decided (after a reload, and after being offline when it happened); the break nudge comes and
 * can be put aside.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { onDutySupporter, requestSupport } from "../helpers/supporters.js";
import { TestSocket } from "../helpers/ws.js";
import { hasFocus, serverAndBrowser, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const sockets: TestSocket[] = [];
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];

type Member = Awaited<ReturnType<typeof member>>;

/** A browser signed in as `who` (the session cookie is the same token the API answered with). */
async function pageFor(who: Member, path = "/home"): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  contexts.push(context);
  await context.addCookies([{ name: "kindred_session", value: who.token, url: server!.url }]);
  const page = await context.newPage();
  watched.push(await watchPage(page));
  await page.goto(server!.url + path);
  return page;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
const safetyHeading = (page: Page) => page.getByRole("heading", { name: "A private note, just for you" });

/** Two members in a one-to-one made by matching; the listener is online through an API socket. */
async function pair(): Promise<{ a: Member; b: Member; conversationId: string }> {
  const a = await member(server!.url, { availability: "listen" });
  const online = await TestSocket.open(server!.url, { token: a.token });
  sockets.push(online);
  const b = await member(server!.url, { availability: "talk" });
  const asked = await requestMatch(server!.url, b.token, { anyone: true, experiences: [] });
  assert.equal(asked.body.request.status, "matched", asked.text);
  // No longer listening, so the next pair is made of new members only.
  await call(server!.url, "PATCH", "/api/v1/me", { token: a.token, json: { availability: "away" } });
  return { a, b, conversationId: asked.body.request.conversationId };
}

/** A member with the supporter badge, granted the way the operator's command does it. */
async function supporterAccount(): Promise<Member> {
  const s = await member(server!.url, { availability: "away" });
  await grantRole(server!.services.db, s.handle, "supporter");
  return s;
}

async function goOnDuty(page: Page): Promise<void> {
  const duty = page.getByRole("switch", { name: "On duty" });
  // The way a keyboard user does it (the switch's box is drawn over its hidden input).
  await duty.press("Space");
  await page.getByText("You are on duty.", { exact: false }).waitFor();
  assert.equal(await duty.isChecked(), true);
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

after(() => {
  for (const socket of sockets) socket.close();
});

test("words of crisis bring the safety panel to their author only; with nobody on duty it says so honestly", { skip: skipBrowser }, async () => {
  const { a, b, conversationId } = await pair();
  const writer = await pageFor(b, `/conversations/${conversationId}`);
  const peer = await pageFor(a, `/conversations/${conversationId}`);
  await h1(writer, `With ${a.handle}`);
  await h1(peer, `With ${b.handle}`);

  const composer = writer.getByRole("textbox", { name: "Your message" });
  await composer.fill("I want to die");
  await composer.press("Enter");
  const heading = safetyHeading(writer);
  await heading.waitFor();
  assert.equal(await hasFocus(heading), true, "focus moves to the panel's heading");
  const panel = writer.getByRole("region", { name: "A private note, just for you" });
  assert.match(await panel.innerText(), /Nobody has been contacted, and nobody else can see this note/);

  // Barrier: the peer's page shows the message itself, so the frame that would carry a notice has had its chance.
  await peer
    .getByRole("log", { name: `With ${b.handle}` })
    .getByRole("article", { name: new RegExp(`^${b.handle}, `) })
    .filter({ hasText: "I want to die" })
    .waitFor();
  assert.equal(await safetyHeading(peer).count(), 0, "the other member never sees the panel");
  assert.equal(await peer.getByText("Nobody has been contacted", { exact: false }).count(), 0);

  // The help lines for the member's region, behind a plain button.
  const show = panel.getByRole("button", { name: /^Show \d+ help lines$/ });
  assert.equal(await show.getAttribute("aria-expanded"), "false");
  await show.click();
  await panel.getByText("988 Suicide & Crisis Lifeline").waitFor();

  await panel.getByRole("button", { name: "Hide the help lines" }).click();
  const samaritans = panel.getByText("Samaritans", { exact: false }).filter({ visible: true });
  assert.equal(await samaritans.count(), 0);

  // Nobody is on duty: said honestly, with the lines the server sent.
  await panel.getByRole("button", { name: "Talk to an on-duty peer supporter now" }).click();
  await panel.getByText("No peer supporter is free right now.").waitFor();
  assert.ok((await samaritans.count()) > 0, "the lines from details.resources are shown");
  assert.equal(new URL(writer.url()).pathname, `/conversations/${conversationId}`, "the member stays where they were");

  await panel.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await safetyHeading(writer).count(), 0, "dismissed");
  assert.equal(await hasFocus(composer), true, "back to writing");
});

test("a supporter goes on duty and sees their shift; talking to a supporter opens the conversation for both", { skip: skipBrowser }, async () => {
  const s = await supporterAccount();
  const supporter = await pageFor(s);
  await h1(supporter, `Hello, ${s.handle}`);
  const shiftRegion = supporter.getByRole("region", { name: "Your supporter shift" });
  await shiftRegion.getByText("You are off duty.", { exact: false }).waitFor();
  await goOnDuty(supporter);
  const shift = shiftRegion.getByRole("definition");
  assert.equal(await shift.count(), 3, "started at, time on shift, break due at");
  assert.match(await shiftRegion.innerText(), /Shift started[\s\S]*On shift for\s*0 minutes[\s\S]*Break due at/);
  const me = await call(server!.url, "GET", "/api/v1/me", { token: s.token });
  assert.equal(me.body.user.onDuty, true, "the switch went through to the server");
  const due = await shiftRegion.locator("time").nth(1).getAttribute("datetime");
  assert.equal(due, me.body.user.shift.breakDueAt);

  const { a, b, conversationId } = await pair();
  const writer = await pageFor(b, `/conversations/${conversationId}`);
  await h1(writer, `With ${a.handle}`);
  await writer.getByRole("textbox", { name: "Your message" }).fill("I keep thinking about killing myself");
  await writer.getByRole("textbox", { name: "Your message" }).press("Enter");
  await safetyHeading(writer).waitFor();
  await writer.getByRole("button", { name: "Talk to an on-duty peer supporter now" }).click();

  // The member is taken to the new conversation by the answer, the supporter by match.found.
  await h1(writer, `With ${s.handle}`);
  await h1(supporter, `With ${b.handle}`);
  assert.equal(new URL(writer.url()).pathname, new URL(supporter.url()).pathname, "the same new conversation");
  assert.notEqual(new URL(writer.url()).pathname, `/conversations/${conversationId}`);
  await supporter.getByText("A member asked to talk with an on-duty peer supporter.", { exact: false }).waitFor();
  assert.equal(await writer.getByRole("button", { name: "Hand over to another supporter" }).count(), 0, "the member is offered no hand-over");
});

test("the supporter hands over with a note; the member accepts; the next supporter reads the note", { skip: skipBrowser }, async () => {
  const first = await supporterAccount();
  const firstPage = await pageFor(first);
  await h1(firstPage, `Hello, ${first.handle}`);
  await goOnDuty(firstPage);

  const m = await member(server!.url);
  const memberPage = await pageFor(m);
  await h1(memberPage, `Hello, ${m.handle}`);
  // From "Get help now", signed in: "Talk to a supporter".
  await memberPage.getByRole("link", { name: "Get help now" }).click();
  const help = memberPage.getByRole("dialog", { name: "Help, right now" });
  await help.getByRole("heading", { name: "Talk to a supporter" }).waitFor();
  await help.getByRole("button", { name: "Talk to an on-duty peer supporter now" }).click();
  await h1(memberPage, `With ${first.handle}`);
  await h1(firstPage, `With ${m.handle}`);

  // Only now does a second supporter go on duty, so the first request could only reach the first.
  const next = await supporterAccount();
  const nextPage = await pageFor(next);
  await h1(nextPage, `Hello, ${next.handle}`);
  await goOnDuty(nextPage);

  const note = "They like to be asked before advice. Evenings are hardest.";
  await firstPage.getByRole("button", { name: "Hand over to another supporter" }).click();
  const dialog = firstPage.getByRole("dialog", { name: "Hand over to another supporter" });
  await dialog.getByRole("button", { name: "Offer the hand-off" }).click();
  await dialog.getByRole("link", { name: "Write a short note for the next supporter" }).waitFor();
  await dialog.getByRole("textbox", { name: "A note for the next supporter" }).fill(note);
  await dialog.getByRole("button", { name: "Offer the hand-off" }).click();
  await firstPage.getByText("The member has been asked.", { exact: false }).waitFor();

  const offer = memberPage.getByRole("region", { name: "Another supporter can take over" });
  await offer.waitFor();
  assert.equal(await memberPage.getByText(note).count(), 0, "the member never sees the note");
  await offer.getByRole("button", { name: "Accept" }).click();

  await h1(memberPage, `With ${next.handle}`);
  await h1(nextPage, `With ${m.handle}`);
  const noteRegion = nextPage.getByRole("region", { name: "A note from the supporter before you" });
  await noteRegion.getByText(note).waitFor();
  assert.equal(await memberPage.getByText(note).count(), 0, "nor in the new conversation");
  assert.equal(new URL(firstPage.url()).pathname.startsWith("/conversations/"), true, "the first supporter stays in the first conversation");
  assert.notEqual(new URL(firstPage.url()).pathname, new URL(nextPage.url()).pathname);

  // The break nudge, from the server's sweep as if the shift had run past its break.
  await firstPage.goto(server!.url + "/home");
  await h1(firstPage, `Hello, ${first.handle}`);
  assert.equal(await firstPage.getByRole("heading", { name: "Time for a break?" }).count(), 0);
  const nudged = await server!.services.shifts.sweepBreaks(Date.now() + 3 * 60 * 60_000);
  assert.ok(nudged >= 1);
  const nudge = firstPage.getByRole("region", { name: "Time for a break?" });
  await nudge.waitFor();
  assert.match(await nudge.innerText(), /hand the conversation over to another supporter first/);
  await nudge.getByRole("button", { name: "Not now" }).click();
  assert.equal(await nudge.count(), 0, "put aside");
  await firstPage.getByRole("region", { name: "Your supporter shift" }).getByRole("switch", { name: "On duty" }).press("Space");
  await firstPage.getByText("You are off duty.", { exact: false }).waitFor();
  assert.equal((await call(server!.url, "GET", "/api/v1/me", { token: first.token })).body.user.onDuty, false);
});

/** The supporter's own page: "Hand over to another supporter" with a note. */
async function tapOut(page: Page, note: string): Promise<void> {
  await page.getByRole("button", { name: "Hand over to another supporter" }).click();
  const dialog = page.getByRole("dialog", { name: "Hand over to another supporter" });
  await dialog.getByRole("textbox", { name: "A note for the next supporter" }).fill(note);
  await dialog.getByRole("button", { name: "Offer the hand-off" }).click();
  await dialog.waitFor({ state: "detached" });
}

test("the supporter who tapped out hears how the member decided, after a reload and after being offline", { skip: skipBrowser }, async () => {
  const first = await supporterAccount();
  const firstPage = await pageFor(first);
  await h1(firstPage, `Hello, ${first.handle}`);
  await goOnDuty(firstPage);
  const m = await member(server!.url);
  const memberSocket = await TestSocket.open(server!.url, { token: m.token });
  sockets.push(memberSocket);
  const asked = await requestSupport(server!.url, m.token);
  assert.equal(asked.status, 201, asked.text);
  assert.equal(asked.body.supporter.id, first.user.id);
  await h1(firstPage, `With ${m.handle}`);
  const next = await onDutySupporter(server!);
  sockets.push(next.socket);
  const line = (text: string) => firstPage.getByRole("status").filter({ hasText: text });
  const answer = (how: "accept" | "decline", handoffId: string) => call(server!.url, "POST", `/api/v1/handoffs/${handoffId}/${how}`, { token: m.token });

  await tapOut(firstPage, "Going off shift soon.");
  await line("The member has been asked.").waitFor();
  const declined = await memberSocket.waitFor((f) => f.op === "handoff.offer");
  assert.equal((await answer("decline", declined.handoffId)).status, 204);
  await line("They'd like to keep talking with you.").waitFor();
  await firstPage.reload();
  await h1(firstPage, `With ${m.handle}`);
  await line("They'd like to keep talking with you.").waitFor();

  // Offline when the member says yes: the frame is missed, and the answer is read once back.
  await tapOut(firstPage, "Going off shift now.");
  await line("The member has been asked.").waitFor();
  const accepted = await memberSocket.waitFor((f) => f.op === "handoff.offer" && f.handoffId !== declined.handoffId);
  await firstPage.context().setOffline(true);
  await firstPage.getByText("Offline — your messages will be sent when you're back").waitFor();
  const opened = await answer("accept", accepted.handoffId);
  assert.equal(opened.status, 201, opened.text);
  await next.socket.waitFor((f) => f.op === "match.found");
  assert.equal(await line("The member has been asked.").count(), 1, "nothing reached the page while it was offline");
  await firstPage.context().setOffline(false);
  const chose = "They chose to talk with another supporter. You can step away when you're ready.";
  await line(chose).waitFor({ timeout: 20_000 });
  await firstPage.reload();
  await h1(firstPage, `With ${m.handle}`);
  await line(chose).waitFor();
  assert.equal(await firstPage.getByText(next.handle, { exact: false }).count(), 0, "never who took over");
  assert.equal(new URL(firstPage.url()).pathname, `/conversations/${asked.body.conversationId}`, "the first supporter stays where they were");

  for (const s of [first, next]) await call(server!.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: false } });
});

test("the guide for peers opens from a conversation and renders its Markdown as text and headings", { skip: skipBrowser }, async () => {
  const { a, conversationId } = await pair();
  const page = await pageFor(a, `/conversations/${conversationId}`);
  await page.getByRole("link", { name: "When someone is struggling: a guide for peers" }).click();
  await h1(page, "When someone is struggling");
  await page.getByRole("heading", { level: 2, name: "Ask directly, and calmly" }).waitFor();
  assert.ok((await page.getByRole("main").getByRole("listitem").count()) > 5);
  assert.equal(await page.getByText("##", { exact: false }).count(), 0, "no Markdown marks left in the text");
  await page.getByRole("link", { name: "Back to the conversation" }).click();
  assert.equal(new URL(page.url()).pathname, `/conversations/${conversationId}`);
});

test("no console error or CSP violation beyond the refusals provoked on purpose", { skip: skipBrowser }, () => {
  // While offline, the page's reconnection attempt fails, and Chromium logs that.
  const problems = watched
    .flatMap((seen) => unexpectedProblems(seen, ["409 /api/v1/support-requests"]))
    .filter((line) => !/WebSocket connection to .* net::ERR_INTERNET_DISCONNECTED/.test(line));
  assert.deepEqual(problems, [], problems.join("\n"));
});
