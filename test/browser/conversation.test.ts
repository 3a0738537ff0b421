/**
 * Two members in two browsers, matched into a one-to-one: both fill the check-in and see each
 * other's answers, they talk both ways, one reloads mid-conversation and loses nothing (its
 * unsent draft included), and one goes offline while the other sends five messages and it
 * writes two of its own; back online, the five appear once and in order and its two are
 * delivered once, as the server's history over REST confirms. Also: reaching the composer and
 * sending with the keyboard alone, older history on scrolling up, "stay in touch" and leaving.
 *
 * Offline is Playwright's `context.setOffline(true)`. Measured with this Chromium: it stops
 * frames on an open WebSocket both ways and makes new connections fail, but closes nothing (the
 * page gets no `close`, the server still holds the socket). The page does get the browser's
 * `offline` event, on which the socket store closes its socket itself; the test checks that no
 * message reaches the offline member until it is back online.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { hasFocus, messageIn, serverAndBrowser, signInThroughPage, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];
const requested: string[] = [];

async function memberPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  watched.push(await watchPage(page));
  page.on("request", (request) => requested.push(request.url()));
  page.on("websocket", (socket) => requested.push(socket.url()));
  return { context, page };
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

let listener: Awaited<ReturnType<typeof member>>;
let talker: Awaited<ReturnType<typeof member>>;
let listenerPage: Page;
let talkerPage: Page;
let talkerContext: BrowserContext;
let conversationPath = "";

test("two members are matched, fill the check-in, talk both ways, and a reload loses nothing", { skip: skipBrowser }, async () => {
  listener = await member(server!.url, { experiences: ["grief"], availability: "listen" });
  talker = await member(server!.url, { experiences: ["grief"], availability: "talk" });
  ({ page: listenerPage } = await memberPage());
  ({ page: talkerPage, context: talkerContext } = await memberPage());
  await signInThroughPage(listenerPage, server!.url, listener.handle, listener.password);
  await signInThroughPage(talkerPage, server!.url, talker.handle, talker.password);

  // The listener is online with availability "listen": the talker's request is matched at once.
  await talkerPage.getByRole("region", { name: "I'd like to talk" }).getByRole("button", { name: "Find someone to talk with" }).click();
  await talkerPage.getByRole("heading", { level: 1, name: `With ${listener.handle}` }).waitFor();
  await listenerPage.getByRole("heading", { level: 1, name: `With ${talker.handle}` }).waitFor();
  conversationPath = new URL(talkerPage.url()).pathname;
  assert.equal(new URL(listenerPage.url()).pathname, conversationPath);

  // Both fill the check-in; each sees the other's answers (checkin.updated makes the card read again).
  const talkerCard = talkerPage.getByRole("region", { name: "Check-in" });
  await talkerCard.getByRole("textbox", { name: "What are you hoping for from this chat?" }).fill("To feel less alone tonight");
  await talkerCard.getByRole("textbox", { name: "How much time do you have?" }).fill("About half an hour");
  await talkerCard.getByRole("button", { name: "Save my answers" }).click();
  await talkerCard.getByRole("button", { name: "Change my answers" }).waitFor();
  const listenerCard = listenerPage.getByRole("region", { name: "Check-in" });
  await listenerCard.getByRole("textbox", { name: "What are you hoping for from this chat?" }).fill("To listen, as long as you need");
  await listenerCard.getByRole("textbox", { name: "Anything you'd rather not talk about?" }).fill("Nothing in particular");
  await listenerCard.getByRole("button", { name: "Save my answers" }).click();
  await listenerCard.getByText("To feel less alone tonight").waitFor();
  await listenerCard.getByText("About half an hour").waitFor();
  await talkerCard.getByText("To listen, as long as you need").waitFor();
  await talkerCard.getByText("Nothing in particular").waitFor();

  // Both ways.
  const talkerLog = `With ${listener.handle}`;
  const listenerLog = `With ${talker.handle}`;
  await talkerPage.getByRole("textbox", { name: "Your message" }).fill("Thank you for being here.");
  await talkerPage.getByRole("textbox", { name: "Your message" }).press("Enter");
  await messageIn(listenerPage, listenerLog, talker.handle, "Thank you for being here.").waitFor();
  await listenerPage.getByRole("textbox", { name: "Your message" }).fill("I'm glad you reached out.");
  await listenerPage.getByRole("button", { name: "Send", exact: true }).click();
  await messageIn(talkerPage, talkerLog, listener.handle, "I'm glad you reached out.").waitFor();
  // The listener has read it: the talker's message says "Seen" (one-to-ones only).
  await messageIn(talkerPage, talkerLog, "You", "Thank you for being here.").getByText("Seen", { exact: true }).waitFor();
  // Each message's accessible name says who and when, with a machine-readable time.
  const stamp = await messageIn(talkerPage, talkerLog, listener.handle, "I'm glad you reached out.").locator("time").getAttribute("datetime");
  assert.ok(stamp && !Number.isNaN(Date.parse(stamp)), "a <time datetime> on every message");

  // A half-written message, then a reload: the history, the card and the draft are all still there.
  await talkerPage.getByRole("textbox", { name: "Your message" }).fill("Something I haven't said to anyone yet");
  await talkerPage.reload();
  await talkerPage.getByRole("heading", { level: 1, name: `With ${listener.handle}` }).waitFor();
  await messageIn(talkerPage, talkerLog, "You", "Thank you for being here.").waitFor();
  await messageIn(talkerPage, talkerLog, listener.handle, "I'm glad you reached out.").waitFor();
  await talkerPage.getByRole("region", { name: "Check-in" }).getByText("To listen, as long as you need").waitFor();
  assert.equal(await talkerPage.getByRole("textbox", { name: "Your message" }).inputValue(), "Something I haven't said to anyone yet");
  await talkerPage.getByRole("textbox", { name: "Your message" }).fill("");
});

test("offline: five messages from the peer arrive once and in order, and two written offline are delivered once", { skip: skipBrowser }, async () => {
  const talkerLog = `With ${listener.handle}`;
  const listenerLog = `With ${talker.handle}`;
  await talkerContext.setOffline(true);
  await talkerPage.getByText("Offline — your messages will be sent when you're back").waitFor();

  const sent = ["one", "two", "three", "four", "five"].map((n) => `While you were away, ${n}`);
  for (const body of sent) {
    await listenerPage.getByRole("textbox", { name: "Your message" }).fill(body);
    await listenerPage.getByRole("textbox", { name: "Your message" }).press("Enter");
  }
  for (const body of sent)
    await messageIn(listenerPage, listenerLog, "You", body)
      .getByText(/^(Sent|Seen)$/)
      .waitFor();

  const mine = ["Written offline, first", "Written offline, second"];
  for (const body of mine) {
    await talkerPage.getByRole("textbox", { name: "Your message" }).fill(body);
    await talkerPage.getByRole("textbox", { name: "Your message" }).press("Enter");
    await messageIn(talkerPage, talkerLog, "You", body).getByText("Sending…").waitFor();
  }
  // Offline really is offline: nothing from the peer has reached this page.
  await talkerPage.waitForTimeout(500);
  assert.equal(await talkerPage.getByText("While you were away", { exact: false }).count(), 0);

  await talkerContext.setOffline(false);
  for (const body of mine)
    await messageIn(talkerPage, talkerLog, "You", body)
      .getByText(/^(Sent|Seen)$/)
      .waitFor({ timeout: 20_000 });
  for (const body of sent) await messageIn(talkerPage, talkerLog, listener.handle, body).waitFor();
  for (const body of mine) await messageIn(listenerPage, listenerLog, talker.handle, body).waitFor();

  // Once each and in order on the talker's screen...
  const shown = await talkerPage.getByRole("log", { name: talkerLog }).getByRole("article").allInnerTexts();
  const order = shown.map((text) => sent.findIndex((body) => text.includes(body))).filter((i) => i >= 0);
  assert.deepEqual(order, [0, 1, 2, 3, 4], "the five appear once each, in the order they were sent");
  // ...once each on the listener's...
  for (const body of mine) assert.equal(await listenerPage.getByRole("log", { name: listenerLog }).getByText(body).count(), 1);
  // ...and once each in the server's history.
  const conversationId = conversationPath.split("/").pop()!;
  const history = await call(server!.url, "GET", `/api/v1/conversations/${conversationId}/events?afterSeq=0&limit=100`, { token: listener.token });
  const bodies = (history.body.events as Array<{ type: string; data: { body?: string } }>).filter((e) => e.type === "message.created").map((e) => e.data.body);
  for (const body of [...sent, ...mine]) assert.equal(bodies.filter((b) => b === body).length, 1, `"${body}" is stored once`);
  assert.ok(bodies.indexOf(mine[0]!) < bodies.indexOf(mine[1]!), "the two written offline keep their order");
});

test("with the keyboard alone, Tab reaches the composer and Enter sends", { skip: skipBrowser }, async () => {
  await listenerPage.goto(server!.url + conversationPath);
  await listenerPage.getByRole("heading", { level: 1, name: `With ${talker.handle}` }).waitFor();
  const composer = listenerPage.getByRole("textbox", { name: "Your message" });
  let presses = 0;
  while (!(await hasFocus(composer)) && presses < 80) {
    await listenerPage.keyboard.press("Tab");
    presses += 1;
  }
  assert.ok(await hasFocus(composer), `the composer is reachable with Tab (${presses} presses)`);
  await listenerPage.keyboard.type("Typed and sent without a mouse.");
  await listenerPage.keyboard.press("Enter");
  await messageIn(listenerPage, `With ${talker.handle}`, "You", "Typed and sent without a mouse.")
    .getByText(/^(Sent|Seen)$/)
    .waitFor();
  await messageIn(talkerPage, `With ${listener.handle}`, listener.handle, "Typed and sent without a mouse.").waitFor();
});

test("older history is read when the member scrolls up, without being announced", { skip: skipBrowser }, async () => {
  const conversationId = conversationPath.split("/").pop()!;
  for (let i = 1; i <= 60; i += 1) {
    const sent = await call(server!.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: talker.token,
      json: { clientMsgId: `later-${i}`, body: `Later message ${i}` },
    });
    assert.equal(sent.status, 201);
  }
  await listenerPage.reload();
  const log = listenerPage.getByRole("log", { name: `With ${talker.handle}` });
  await log.getByText("Later message 60", { exact: true }).waitFor();
  assert.equal(await log.getByText("Thank you for being here.").count(), 0, "only the latest page is read at first");
  const announcer = listenerPage.locator('[aria-live="polite"]');
  const announcedBefore = await announcer.innerText();
  // The member reads the end, then scrolls up with the wheel to the top of the log: the page before
  // is read (without pressing "Show earlier messages", which is there for the keyboard).
  await listenerPage.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
  const older = log.getByText("Thank you for being here.");
  for (let step = 0; step < 40 && (await older.count()) === 0; step += 1) {
    await listenerPage.mouse.move(195, 400);
    await listenerPage.mouse.wheel(0, -400);
    await listenerPage.waitForTimeout(100);
  }
  await older.waitFor();
  const texts = await log.getByRole("article").allInnerTexts();
  assert.ok(
    texts.findIndex((t) => t.includes("Thank you for being here.")) < texts.findIndex((t) => /^Later message 1$/m.test(t)),
    "older messages go in above",
  );
  assert.equal(await announcer.innerText(), announcedBefore, "older history is not announced");
  assert.equal(await log.getAttribute("aria-live"), "off", "the log itself does not read out insertions");
});

test("both choose to stay in touch, and leaving asks first", { skip: skipBrowser }, async () => {
  const talkerActions = talkerPage.getByRole("region", { name: "This conversation" });
  await talkerActions.getByRole("button", { name: "Stay in touch" }).click();
  await talkerActions.getByText(`You chose to stay in touch. If ${listener.handle} chooses it too`, { exact: false }).waitFor();
  const listenerActions = listenerPage.getByRole("region", { name: "This conversation" });
  // The choice is private until both make it.
  await listenerActions.getByText(`${talker.handle} only finds out if they choose it too`, { exact: false }).waitFor();
  await listenerActions.getByRole("button", { name: "Stay in touch" }).click();
  await listenerActions.getByText(`You and ${talker.handle} both chose to stay in touch.`).waitFor();
  await talkerActions.getByText(`You and ${listener.handle} both chose to stay in touch.`).waitFor();
  await talkerPage.getByRole("log").getByText("You both chose to stay in touch").waitFor();

  const leave = talkerActions.getByRole("button", { name: "Leave this conversation" });
  await leave.click();
  const dialog = talkerPage.getByRole("alertdialog", { name: "Leave this conversation?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "detached" });
  assert.ok(await hasFocus(leave), "cancelling returns focus to the button");
  await leave.click();
  await dialog.getByRole("button", { name: "Yes, leave" }).click();
  await talkerPage.getByRole("heading", { level: 1, name: /^Hello, / }).waitFor();
  // Both chose to stay in touch, so leaving only pauses it: the other member is told so.
  await listenerPage.getByRole("log").getByText(`${talker.handle} stepped away for now`, { exact: false }).waitFor();
});

test("every request went to Kindred's own origin, with no console error or CSP violation", { skip: skipBrowser }, () => {
  const origin = server!.origin;
  const foreign = requested.filter((url) => !url.startsWith(origin + "/") && !url.startsWith(origin.replace("http", "ws") + "/"));
  assert.deepEqual(foreign, []);
  // While offline, the page's reconnection attempt fails, and Chromium logs that.
  const problems = watched
    .flatMap((seen) => unexpectedProblems(seen))
    .filter((line) => !/WebSocket connection to .* net::ERR_INTERNET_DISCONNECTED/.test(line));
  assert.deepEqual(problems, [], problems.join("\n"));
});
