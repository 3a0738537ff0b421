/**
 * Headless Chromium for browser tests. Chromium comes from Debian (/usr/bin/chromium), never from
 * a Playwright download; when it is missing, browser tests skip instead of failing.
 */
import { existsSync } from "node:fs";
import { type Browser, type Page, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium: boolean = existsSync(chromiumPath);
/** Pass as `test(name, { skip: skipBrowser }, ...)`. */
export const skipBrowser: string | false = hasChromium ? false : `no ${chromiumPath}`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    timeout: 30_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Reports CSP violations to the console, where `watchPage` sees them (injected by CDP, so CSP does not block it). */
const reportCspViolations = `document.addEventListener("securitypolicyviolation", (e) =>
  console.error("Content-Security-Policy violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));`;

/**
 * Records everything a page says that a test may want to assert on: every console message,
 * uncaught page errors, failed requests and HTTP error responses. Call before `page.goto`.
 */
export async function watchPage(page: Page): Promise<{ console: string[]; problems: string[] }> {
  const seen = { console: [] as string[], problems: [] as string[] };
  await page.addInitScript(reportCspViolations);
  page.on("console", (message) => {
    const where = message.location().url;
    const line = `console.${message.type()}: ${message.text()}${where ? ` (${where})` : ""}`;
    seen.console.push(line);
    if (message.type() === "error" || /content.security.policy/i.test(message.text())) seen.problems.push(line);
  });
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // ERR_ABORTED is the page itself cancelling (a navigation or a closed tab while a lazy chunk
    // was loading), not a request that the server or the network failed.
    if (reason === "net::ERR_ABORTED") return;
    seen.problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) seen.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return seen;
}
