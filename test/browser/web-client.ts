/**
 * Steps through the web client the way a member does, finding everything by role and
 * accessible name, as a screen-reader user would. Shared by the browser tests.
 */
import { after, before } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { hasChromium, launchBrowser, type watchPage } from "../helpers/browser.js";
import { type TestServer, startServer } from "../helpers/server.js";

/**
 * A signed-out visit asks GET /api/v1/me and gets 401: that is how the client learns nobody is
 * signed in (protocol.md), and Chromium logs it. A test that provokes other refusals names them
 * as "status path" (e.g. "409 /api/v1/accounts"). Every other error or CSP violation is a problem.
 */
export function unexpectedProblems(seen: Awaited<ReturnType<typeof watchPage>>, expected: string[] = []): string[] {
  const allowed = ["401 /api/v1/me", ...expected];
  return seen.problems.filter((line) => {
    const http = /^HTTP (\d{3}): https?:\/\/[^/]+(\/[^?\s]*)/.exec(line) ?? /status of (\d{3}) .*\(https?:\/\/[^/]+(\/[^?\s)]*)/.exec(line);
    return !(http && allowed.includes(`${http[1]} ${http[2]}`));
  });
}

/** The few browser globals the callbacks below use; they run in the page, not in Node. */
declare const document: { activeElement: unknown; getElementById(id: string): { textContent: string | null } | null };
declare function getComputedStyle(el: unknown): { backgroundColor: string };

/** Whether the element has keyboard focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** The text of everything the element's aria-describedby points to, joined with " | ". */
export async function describedBy(locator: Locator): Promise<string> {
  const ids = (await locator.getAttribute("aria-describedby")) ?? "";
  return locator.evaluate(
    (_el, list) =>
      list
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" | "),
    ids,
  );
}

/** The element's computed background colour. */
export function backgroundOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** Whether the element with this role and exact accessible name has keyboard focus. */
export function isFocused(page: Page, name: string, role: Parameters<Page["getByRole"]>[0]): Promise<boolean> {
  return hasFocus(page.getByRole(role, { name, exact: true }));
}

export interface SignUpInput {
  handle: string;
  password: string;
  day: string;
  month: string;
  year: string;
}

/** Fills the sign-up form and submits it; does not wait for what comes next. */
export async function fillSignUp(page: Page, input: SignUpInput): Promise<void> {
  await page.getByRole("textbox", { name: "Handle" }).fill(input.handle);
  await page.getByLabel("Password", { exact: true }).fill(input.password);
  const birth = page.getByRole("group", { name: "What is your date of birth?" });
  await birth.getByRole("textbox", { name: "Day" }).fill(input.day);
  await birth.getByRole("textbox", { name: "Month" }).fill(input.month);
  await birth.getByRole("textbox", { name: "Year" }).fill(input.year);
  await page.getByRole("checkbox", { name: /I have read the community agreement/ }).check();
  await page.getByRole("button", { name: "Create my account" }).click();
}

/** From the welcome page through sign-up to the recovery codes; returns the codes shown. */
export async function signUpThroughPages(page: Page, baseUrl: string, handle: string, password = "quiet river morning lantern"): Promise<string[]> {
  await page.goto(baseUrl + "/");
  await page.getByRole("link", { name: "Join Kindred" }).click();
  await page.getByRole("heading", { level: 1, name: "Join Kindred" }).waitFor();
  await fillSignUp(page, { handle, password, day: "27", month: "3", year: "1990" });
  await page.getByRole("heading", { level: 1, name: "Save your recovery codes" }).waitFor();
  return page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
}

/** Onboarding: ticks the experiences, picks the availability, saves; ends on the home page. */
export async function onboard(page: Page, experiences: string[], availability: "Talk" | "Listen" | "Either" | "Away"): Promise<void> {
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.getByRole("heading", { level: 1, name: "Tell us a little, if you like" }).waitFor();
  const group = page.getByRole("group", { name: "Experiences you have lived through" });
  for (const label of experiences) await group.getByRole("checkbox", { name: label }).check();
  await page.getByRole("radio", { name: availability, exact: true }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByRole("heading", { level: 1, name: /^Hello, / }).waitFor();
}

/** Signs in through the sign-in page (the member already exists); ends on the home page. */
export async function signInThroughPage(page: Page, baseUrl: string, handle: string, password: string): Promise<void> {
  await page.goto(baseUrl + "/sign-in");
  await page.getByRole("textbox", { name: "Handle" }).fill(handle);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: /^Hello, / }).waitFor();
}

/** The log's message from `author` ("You" for one's own) holding `text`. */
export function messageIn(page: Page, logName: string, author: string, text: string): Locator {
  return page
    .getByRole("log", { name: logName })
    .getByRole("article", { name: new RegExp(`^${author}, `) })
    .filter({ hasText: text });
}

/**
 * A real server and headless Chromium for one test file: started before its tests (when
 * Chromium exists) and closed after them. `ready` hands both to the file.
 */
export function serverAndBrowser(ready: (server: TestServer, browser: Browser) => void): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (!hasChromium) return;
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
