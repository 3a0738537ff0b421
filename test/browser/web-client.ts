/**
 * Steps through the web client the way a member does, finding everything by role and
 * accessible name, as a screen-reader user would. Shared by the browser tests.
 */
import type { Page } from "playwright-core";
import type { watchPage } from "../helpers/browser.js";

/**
 * A signed-out visit asks GET /api/v1/me and gets 401: that is how the client learns nobody is
 * signed in (protocol.md), and Chromium logs it. Every other error or violation is a problem.
 */
export function unexpectedProblems(seen: Awaited<ReturnType<typeof watchPage>>): string[] {
  return seen.problems.filter((line) => !/(HTTP 401: |status of 401 .*)http:\/\/127\.0\.0\.1:\d+\/api\/v1\/me\)?$/.test(line));
}

/** Resolves when `locator`'s element has keyboard focus. */
export async function isFocused(page: Page, name: string, role: Parameters<Page["getByRole"]>[0]): Promise<boolean> {
  return page.getByRole(role, { name, exact: true }).evaluate((el) => el === document.activeElement);
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
