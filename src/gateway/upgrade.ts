/**
 * Who may open a socket (protocol.md "WebSocket"): authenticated on the upgrade
 * by cookie or Bearer header (401 and no socket otherwise); a cookie upgrade
 * from a foreign Origin gets 403 (cross-site WebSocket hijacking); caps on
 * sockets per member and per address answer 429.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Config } from "../config.js";
import type { ResolvedSession, Sessions } from "../domain/accounts/sessions.js";
import { KindredError, foreignOriginError } from "../protocol/errors.js";
import { sessionCookie } from "../protocol/common.js";

/** Longer than any session token Kindred issues (the Bearer header has the same bound). */
const maxTokenLength = 128;

export interface UpgradeAuth extends ResolvedSession {
  address: string;
}

/**
 * The session cookie's value, read as the HTTP routes' cookie parser reads it,
 * so a cookie means the same on both paths: the first of duplicated names wins,
 * and a value that is not valid percent-encoding is kept as it is (it then
 * resolves to no session: 401, never a thrown URIError and a 500). Values
 * longer than any token we issue are not looked up at all.
 */
function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    const value = percentDecoded(part.slice(eq + 1).trim());
    return value.length > 0 && value.length <= maxTokenLength ? value : undefined;
  }
  return undefined;
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The origin this request was addressed to, as a browser on our own pages would send it. */
function ownOrigin(request: IncomingMessage, trustsProxy: boolean): string {
  const forwarded = trustsProxy
    ? String(request.headers["x-forwarded-proto"] ?? "")
        .split(",")[0]
        ?.trim()
    : "";
  const scheme = forwarded || ("encrypted" in request.socket && request.socket.encrypted ? "https" : "http");
  return `${scheme}://${request.headers.host ?? ""}`;
}

export async function authenticateUpgrade(request: IncomingMessage, sessions: Sessions, config: Config, address: string): Promise<UpgradeAuth> {
  const header = request.headers.authorization;
  let token: string | undefined;
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header);
    if (!m) throw new KindredError("UNAUTHENTICATED");
    token = m[1];
  } else {
    token = cookieValue(request.headers.cookie, sessionCookie);
    if (token === undefined) throw new KindredError("UNAUTHENTICATED");
    const origin = request.headers.origin;
    const allowed = config.allowedOrigins ?? [ownOrigin(request, config.trustProxy !== "false")];
    if (!origin || !allowed.includes(origin)) throw foreignOriginError();
  }
  const resolved = await sessions.resolve(token!);
  if (!resolved) throw new KindredError("UNAUTHENTICATED");
  return { ...resolved, address };
}

const reasons: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers a refused upgrade with a plain HTTP error in the protocol's error shape, and no socket. */
export function refuseUpgrade(socket: Duplex, error: KindredError): void {
  const body = JSON.stringify({ error: error.toBody() });
  const headers = [
    `HTTP/1.1 ${error.status} ${reasons[error.status] ?? "Error"}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "Connection: close",
  ];
  if (error.retryAfterMs !== undefined) headers.push(`Retry-After: ${Math.ceil(error.retryAfterMs / 1000)}`);
  socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
}
