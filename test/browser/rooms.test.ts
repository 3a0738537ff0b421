/**
 * Rooms in three browsers: a member opens a room with a weekly time; a second finds it in the
 * directory (filtered by language and experience) and joins; a third joins by an invite link the
 * facilitator made, copied and later revoked; all three talk. Then blocking from a member's menu
 * (Escape closes the menu and focus returns to its button; the block is confirmed in a dialog)
 * stops that member's messages reaching the blocker, while the others still get them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { hasChromium, skipBrowser, watchPage } from "../helpers/browser.js";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import type { TestServer } from "../helpers/server.js";
import { hasFocus, messageIn, serverAndBrowser, signInThroughPage, unexpectedProblems } from "./web-client.js";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium");

let server: TestServer | undefined;
let browser: Browser | undefined;
const watched: Array<Awaited<ReturnType<typeof watchPage>>> = [];
const roomTitle = "Thursday night grief circle";

async function signedInPage(): Promise<{ page: Page; handle: string; token: string; frames: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  watched.push(await watchPage(page));
  // Every frame the page's sockets receive, to tell "not shown" from "never reached this browser".
  const frames: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(String(frame.payload))));
  const someone = await member(server!.url, { experiences: ["grief"], availability: "away" });
  await signInThroughPage(page, server!.url, someone.handle, someone.password);
  return { page, handle: someone.handle, token: someone.token, frames };
}

serverAndBrowser((s, b) => ((server = s), (browser = b)));

let facilitator: Awaited<ReturnType<typeof signedInPage>>;
let finder: Awaited<ReturnType<typeof signedInPage>>;
let invited: Awaited<ReturnType<typeof signedInPage>>;
let roomPath = "";

test("a room is opened, found in the directory and joined, joined by invite link, and three members talk in it", { skip: skipBrowser }, async () => {
  [facilitator, finder, invited] = [await signedInPage(), await signedInPage(), await signedInPage()];

  // Open a room, with a weekly time in the browser's own time zone.
  const f = facilitator.page;
  await f.getByRole("link", { name: "Rooms" }).click();
  await f.getByRole("heading", { level: 1, name: "Rooms" }).waitFor();
  await f.getByRole("link", { name: "Start a room" }).click();
  await f.getByRole("heading", { level: 1, name: "Start a room" }).waitFor();
  await f.getByRole("button", { name: "Start the room" }).click();
  await f.getByRole("heading", { name: "There is a problem" }).waitFor();
  await f.getByRole("link", { name: "Enter a name for the room" }).waitFor();
  await f.getByRole("textbox", { name: "Room name" }).fill(roomTitle);
  await f.getByRole("textbox", { name: "What the room is for (optional)" }).fill("A gentle hour for anyone missing someone.");
  await f.getByRole("group", { name: "Experiences this room is about (optional)" }).getByRole("checkbox", { name: "Grief and bereavement" }).check();
  await f.getByRole("checkbox", { name: "The room meets at the same time each week" }).check();
  await f.getByRole("combobox", { name: "Day" }).selectOption("thursday");
  await f.getByLabel("Time", { exact: true }).fill("20:30");
  const zone = await f.getByRole("combobox", { name: "Time zone" }).inputValue();
  const browserZone = await f.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone");
  assert.equal(zone, browserZone, "the time zone defaults to the browser's");
  await f.getByRole("button", { name: "Start the room" }).click();
  await f.getByRole("heading", { level: 1, name: roomTitle }).waitFor();
  roomPath = new URL(f.url()).pathname;
  const about = f.getByRole("region", { name: "About this room" });
  await about.getByText(/Meets every Thursday at 8:30\s?PM/i).waitFor();

  // Found in the directory by language and experience, then joined.
  const d = finder.page;
  await d.getByRole("link", { name: "Rooms" }).click();
  await d.getByRole("combobox", { name: "Language" }).selectOption({ label: "English" });
  await d.getByRole("combobox", { name: "Experience" }).selectOption({ label: "Grief and bereavement" });
  const card = d.getByRole("article", { name: roomTitle });
  await card.getByText("A gentle hour for anyone missing someone.").waitFor();
  await card.getByText("1 member").waitFor();
  // Another experience filters it out.
  await d.getByRole("combobox", { name: "Experience" }).selectOption({ label: "Gambling" });
  await d.getByText("No open room matches this yet.", { exact: false }).waitFor();
  assert.equal(await d.getByRole("article", { name: roomTitle }).count(), 0);
  await d.getByRole("combobox", { name: "Experience" }).selectOption({ label: "Grief and bereavement" });
  await d.getByRole("button", { name: `Join ${roomTitle}` }).click();
  await d.getByRole("heading", { level: 1, name: roomTitle }).waitFor();
  assert.equal(new URL(d.url()).pathname, roomPath);

  // The facilitator makes an invite link and copies it; the third member joins by it.
  await about.getByRole("button", { name: "Make an invite link" }).click();
  const link = await about.getByRole("textbox", { name: "Your new invite link" }).inputValue();
  assert.match(link, new RegExp(`^${server!.origin}/invite/[^/]+$`));
  await about.getByRole("button", { name: "Copy the link" }).click();
  await about.getByText("Copied", { exact: true }).waitFor();
  assert.equal(await f.evaluate("navigator.clipboard.readText()"), link);
  const i = invited.page;
  await i.goto(link);
  await i.getByRole("heading", { level: 1, name: "You're invited to a room" }).waitFor();
  await i.getByRole("button", { name: "Join the room" }).click();
  await i.getByRole("heading", { level: 1, name: roomTitle }).waitFor();
  assert.equal(new URL(i.url()).pathname, roomPath);

  // The facilitator sees all three members, and the agreement is one click away.
  await f.getByText("3 members").click();
  const members = about.getByRole("list", { name: "Members" });
  for (const handle of [finder.handle, invited.handle]) await members.getByText(handle, { exact: true }).waitFor();
  await about.getByText("The room's agreement").click();
  await about.getByText("This room follows the community agreement.").waitFor();

  // Revoking the link: it no longer lets anyone in.
  await about.getByRole("button", { name: /^Revoke the link made / }).click();
  await about.getByText(/\(revoked\)$/).waitFor();
  const code = decodeURIComponent(link.split("/invite/")[1]!);
  const outsider = await member(server!.url);
  const refused = await call(server!.url, "POST", `/api/v1/invites/${encodeURIComponent(code)}`, { token: outsider.token, json: {} });
  assert.equal(refused.status, 404, "a revoked invite code is refused");

  // Three members talk.
  const lines: Array<[Page, string, string]> = [
    [f, facilitator.handle, "Welcome, both of you. No need to say anything until you want to."],
    [d, finder.handle, "Thank you. It's been a year today."],
    [i, invited.handle, "I'm here too. Just listening for now."],
  ];
  for (const [page, , text] of lines) {
    await page.getByRole("textbox", { name: "Your message" }).fill(text);
    await page.getByRole("textbox", { name: "Your message" }).press("Enter");
  }
  for (const [page, handle] of lines) {
    for (const [, author, text] of lines) await messageIn(page, roomTitle, author === handle ? "You" : author, text).waitFor();
  }
});

test("blocking from a member's menu stops their messages reaching the blocker", { skip: skipBrowser }, async () => {
  const d = finder.page;
  const about = d.getByRole("region", { name: "About this room" });
  await about.getByText("3 members").click();
  const menuButton = about.getByRole("button", { name: `Options for ${invited.handle}` });

  // Escape closes the menu and focus goes back to its button.
  await menuButton.click();
  await d.getByRole("menu").waitFor();
  await d.keyboard.press("Escape");
  await d.getByRole("menu").waitFor({ state: "detached" });
  assert.ok(await hasFocus(menuButton), "focus returns to the menu button");

  await menuButton.click();
  await d.getByRole("menuitem", { name: `Block ${invited.handle}` }).click();
  const dialog = d.getByRole("alertdialog", { name: `Block ${invited.handle}?` });
  await dialog.getByRole("button", { name: `Yes, block ${invited.handle}` }).click();
  await dialog.waitFor({ state: "detached" });
  await d.getByText(`You blocked ${invited.handle}.`, { exact: false }).waitFor();
  // Their earlier message is no longer shown to the blocker.
  assert.equal(await messageIn(d, roomTitle, invited.handle, "Just listening for now.").count(), 0);

  // The blocked member writes; the facilitator gets it, then writes after it.
  const i = invited.page;
  await i.getByRole("textbox", { name: "Your message" }).fill("Did anyone else find the evenings hardest?");
  await i.getByRole("textbox", { name: "Your message" }).press("Enter");
  const f = facilitator.page;
  await messageIn(f, roomTitle, invited.handle, "Did anyone else find the evenings hardest?").waitFor();
  await f.getByRole("textbox", { name: "Your message" }).fill("Evenings are hard for a lot of us.");
  await f.getByRole("textbox", { name: "Your message" }).press("Enter");
  // Events reach each member in order: once the later message is here, the earlier one would be too.
  await messageIn(d, roomTitle, facilitator.handle, "Evenings are hard for a lot of us.").waitFor();
  assert.equal(await d.getByText("Did anyone else find the evenings hardest?").count(), 0, "the blocked member's message is not shown to the blocker");
  assert.ok(
    finder.frames.some((frame) => frame.includes("Evenings are hard for a lot of us.")),
    "the blocker's socket got the later message",
  );
  assert.ok(
    !finder.frames.some((frame) => frame.includes("Did anyone else find the evenings hardest?")),
    "the blocked member's message never reached the blocker's browser",
  );
  // Nor after a reload (the history the server gives leaves it out too).
  await d.reload();
  await messageIn(d, roomTitle, facilitator.handle, "Evenings are hard for a lot of us.").waitFor();
  assert.equal(await d.getByText("Did anyone else find the evenings hardest?").count(), 0);
});

test("a facilitator removes a member, after confirming", { skip: skipBrowser }, async () => {
  const f = facilitator.page;
  const about = f.getByRole("region", { name: "About this room" });
  const members = about.getByRole("list", { name: "Members" });
  if (!(await members.isVisible())) await about.getByText("3 members").click();
  await about.getByRole("button", { name: `Options for ${invited.handle}` }).click();
  await f.getByRole("menuitem", { name: `Remove ${invited.handle} from the room` }).click();
  await f
    .getByRole("alertdialog", { name: `Remove ${invited.handle} from the room?` })
    .getByRole("button", { name: `Yes, remove ${invited.handle}` })
    .click();
  await f.getByText(`${invited.handle} is no longer in the room.`).first().waitFor();
  await about.getByText("2 members").waitFor();
  assert.equal(await members.getByText(invited.handle, { exact: true }).count(), 0);
  // Members who are not facilitators have no "Remove" in their menus.
  const d = finder.page;
  const finderAbout = d.getByRole("region", { name: "About this room" });
  await finderAbout.getByText("2 members").click();
  await finderAbout.getByRole("button", { name: `Options for ${facilitator.handle}` }).click();
  await d.getByRole("menuitem", { name: `Block ${facilitator.handle}` }).waitFor();
  assert.equal(await d.getByRole("menuitem", { name: /^Remove / }).count(), 0);
  await d.keyboard.press("Escape");
});

test("no request went elsewhere and no console error or CSP violation", { skip: skipBrowser }, () => {
  // The removed member's page asks for the room once more and is told it is no longer theirs.
  const roomId = roomPath.split("/").pop()!;
  const problems = watched.flatMap((seen) => unexpectedProblems(seen, [`404 /api/v1/conversations/${roomId}`]));
  assert.deepEqual(problems, [], problems.join("\n"));
});
