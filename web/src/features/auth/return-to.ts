/**
 * Where a signed-out visitor was going when they were sent to sign in (an invite link, a
 * conversation), so that signing in, or joining and finishing onboarding, takes them there
 * instead of home. Kept in this tab's storage, never in the address: an invite code is a secret
 * and must not reach a query string, a log or a Referer header. Only a path on this origin is
 * accepted (OWASP: unvalidated redirects and forwards), and never one of the getting-in pages.
 * Sign-out forgets it with everything else the tab keeps (socket/tab-storage.ts).
 */
import { type TabStorage, tabStorage } from "../../socket/tab-storage";

/** Its name in the tab's storage (stored as "kindred.returnTo"). */
export const returnToName = "returnTo";

/** Pages a visitor is sent to, not pages they were going to. */
const gettingIn = new Set(["sign-in", "sign-up", "recover", "recovery-codes", "signed-out", "under-18"]);

const someOrigin = "http://return-to.invalid";

/**
 * A path on this origin ("/invite/abc?x=1"), or undefined: not "//host" or "/\host" (which
 * browsers read as another host), no control characters, nothing a URL parser would place on
 * another origin, and not a getting-in page.
 */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2000) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, someOrigin);
  } catch {
    return undefined;
  }
  if (url.origin !== someOrigin) return undefined;
  if (gettingIn.has(url.pathname.split("/")[1] ?? "")) return undefined;
  return value;
}

/** Whether the address is a room's invite link. */
export function isInvite(path: string | undefined): boolean {
  return path?.startsWith("/invite/") ?? false;
}

export class ReturnTo {
  constructor(private readonly storage: TabStorage = tabStorage) {}

  /** On the way to sign-in: keep the address, if it is one we may go back to. */
  remember(path: string): void {
    const safe = safeReturnTo(path);
    if (safe) this.storage.write(returnToName, safe);
  }

  /** The kept address, still kept. */
  peek(): string | undefined {
    return safeReturnTo(this.storage.read<unknown>(returnToName));
  }

  /** The kept address, now forgotten: it is used once. */
  take(): string | undefined {
    const path = this.peek();
    this.forget();
    return path;
  }

  forget(): void {
    this.storage.remove(returnToName);
  }
}

export const returnTo = new ReturnTo();
