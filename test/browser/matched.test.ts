/**
 * Two members, each in their own browser, from the front door to the same conversation:
 * sign-up through the pages, recovery codes shown, onboarding, one listens while the other
 * asks to talk about an experience they share, `match.found` takes both into the conversation,
 * and a message goes each way through the socket with local echo and acks.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import type { TestServer } from "../helpers/server.js";
import { onboard, serverAndBrowser, signUpThroughPages, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];
const requested: string[] = [];

async function memberPage(): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  contexts.push(context);
  const page = await context.newPage();
  watched.push(await watchPage(page));
  page.on("request", (request) => requested.push(request.url()));
  page.on("websocket", (socket) => requested.push(socket.url()));
  return page;
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

test("a listener and a member who asks to talk land in the same conversation and talk both ways", { skip: skipBrowser }, async () => {
  const listener = await memberPage();
  const talker = await memberPage();

  const listenerCodes = await signUpThroughPages(listener, server!.url, "river_listens");
  assert.equal(listenerCodes.length, 10, "ten recovery codes are shown once");
  assert.equal(new Set(listenerCodes).size, 10);
  await onboard(listener, ["Grief and bereavement"], "Listen");
  await listener.getByText("You are listed as able to listen.", { exact: false }).waitFor();

  const talkerCodes = await signUpThroughPages(talker, server!.url, "maple_talks");
  assert.equal(talkerCodes.length, 10);
  await onboard(talker, ["Grief and bereavement", "Loneliness and isolation"], "Talk");

  // The talker's profile experiences are already ticked; ask for grief only.
  const talk = talker.getByRole("region", { name: "I'd like to talk" });
  await talk.getByText("2 experiences chosen — change").click();
  await talk.getByRole("checkbox", { name: "Loneliness and isolation" }).uncheck();
  assert.equal(await talk.getByRole("checkbox", { name: "Grief and bereavement" }).isChecked(), true);
  await talk.getByRole("textbox", { name: "A note for your peer (optional)" }).fill("Mostly I need someone to listen.");
  await talk.getByRole("button", { name: "Find someone to talk with" }).click();

  // Both are taken to the conversation: the talker by the answer, the listener by match.found.
  await talker.getByRole("heading", { level: 1, name: "With river_listens" }).waitFor();
  await listener.getByRole("heading", { level: 1, name: "With maple_talks" }).waitFor();
  assert.equal(new URL(talker.url()).pathname, new URL(listener.url()).pathname, "both are in the same conversation");

  // Talker → listener, sent with Enter.
  const talkerLog = talker.getByRole("log", { name: "With river_listens" });
  const composer = talker.getByRole("textbox", { name: "Your message" });
  await composer.fill("Thank you for being here tonight.");
  await composer.press("Enter");
  await talkerLog
    .getByRole("article", { name: /^You, / })
    .filter({ hasText: "Thank you for being here tonight." })
    .getByText(/^(Sent|Seen)$/)
    .waitFor();
  assert.equal(await composer.inputValue(), "", "the composer empties after sending");
  const listenerLog = listener.getByRole("log", { name: "With maple_talks" });
  await listenerLog
    .getByRole("article", { name: /^maple_talks, / })
    .filter({ hasText: "Thank you for being here tonight." })
    .waitFor();

  // Shift+Enter makes a new line instead of sending; then the listener answers.
  const reply = listener.getByRole("textbox", { name: "Your message" });
  await reply.fill("I'm glad you reached out.");
  await reply.press("Shift+Enter");
  await reply.pressSequentially("Take your time.");
  assert.equal(await reply.inputValue(), "I'm glad you reached out.\nTake your time.");
  await listener.getByRole("button", { name: "Send" }).click();
  await talkerLog
    .getByRole("article", { name: /^river_listens, / })
    .filter({ hasText: "Take your time." })
    .waitFor();

  // Each message appears once on each side, however it arrived (echo, ack, event, history).
  assert.equal(await talkerLog.getByText("Thank you for being here tonight.").count(), 1);
  assert.equal(await listenerLog.getByText("Thank you for being here tonight.").count(), 1);
});

test("every request went to Kindred's own origin, with no console error or CSP violation", { skip: skipBrowser }, () => {
  const foreign = requested.filter((url) => !url.startsWith(server!.origin + "/") && !url.startsWith(server!.origin.replace("http", "ws") + "/"));
  assert.deepEqual(foreign, []);
  assert.ok(
    requested.some((url) => url.includes("/api/v1/ws")),
    "the socket was opened",
  );
  const problems = watched.flatMap((seen) => unexpectedProblems(seen));
  assert.deepEqual(problems, [], problems.join("\n"));
});
