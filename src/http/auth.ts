/**
 * Who is asking (protocol.md "Authentication"): a session token from the
 * `Authorization: Bearer` header or the session cookie. A state-changing request
 * authenticated by cookie must come from an allowed Origin (OWASP CSRF
 * Prevention Cheat Sheet, "Verifying Origin"); bearer tokens are never sent by
 * browsers on their own, so they need no such check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import type { ResolvedSession, Sessions } from "../domain/accounts/sessions.js";
import { sessionCookie } from "../protocol/common.js";
import { KindredError, foreignOriginError } from "../protocol/errors.js";

export interface Auth extends ResolvedSession {
  via: "bearer" | "cookie";
  token: string;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(request: FastifyRequest): boolean {
  return !safeMethods.has(request.method);
}

/** The origins allowed for cookie-authenticated requests: ALLOWED_ORIGINS, or the server's own. */
export function isAllowedOrigin(request: FastifyRequest, config: Config, origin: string): boolean {
  if (config.allowedOrigins) return config.allowedOrigins.includes(origin);
  return origin === `${request.protocol}://${request.host}`;
}

function tokenOf(request: FastifyRequest): { token: string; via: Auth["via"] } | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header);
    if (!m) throw new KindredError("UNAUTHENTICATED", { message: "Use Authorization: Bearer <token>." });
    return { token: m[1]!, via: "bearer" };
  }
  const cookie = request.cookies[sessionCookie];
  return cookie ? { token: cookie, via: "cookie" } : null;
}

/** The signed-in member, or UNAUTHENTICATED / FORBIDDEN before the handler changes anything. */
export async function requireAuth(request: FastifyRequest, sessions: Sessions, config: Config): Promise<Auth> {
  const found = tokenOf(request);
  if (!found) throw new KindredError("UNAUTHENTICATED");
  if (found.via === "cookie" && isStateChanging(request)) {
    const origin = request.headers.origin;
    if (!origin || !isAllowedOrigin(request, config, origin)) {
      throw foreignOriginError();
    }
  }
  const resolved = await sessions.resolve(found.token);
  if (!resolved) throw new KindredError("UNAUTHENTICATED", { message: "Your session has ended. Please sign in again." });
  return { ...resolved, ...found };
}

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in member on routes whose access is `member`; set by the auth hook before anything is parsed. */
    member: Auth | null;
  }
}

/**
 * The one auth hook: every route whose definition says `access: "member"` is
 * refused with UNAUTHENTICATED (or FORBIDDEN for a foreign Origin) before its
 * body is even parsed. Routes without a definition are public pages.
 */
export function installAuth(app: FastifyInstance, sessions: Sessions, config: Config): void {
  app.decorateRequest("member", null);
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config.access === "member") request.member = await requireAuth(request, sessions, config);
  });
}

/** The member the auth hook found; only called by handlers of `member` routes. */
export function memberOf(request: FastifyRequest): Auth {
  if (!request.member) throw new KindredError("UNAUTHENTICATED");
  return request.member;
}

/** HttpOnly, SameSite=Lax, Path=/; Secure when served over TLS (or when configured). */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config, token: string): void {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config.secureCookies || request.protocol === "https",
    maxAge: Math.floor((config.sessionAbsoluteHours * 3600_000) / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: "/" });
}
