/** Sign-in, sign-out and the member's list of sessions (protocol.md "Authentication"). */
import type { FastifyInstance } from "fastify";
import { handleKey } from "../../domain/accounts/handle.js";
import { KindredError } from "../../protocol/errors.js";
import { sessionIdParams, signInBody } from "../../protocol/http/accounts.js";
import { parseInput } from "../../protocol/validate.js";
import { clearSessionCookie, requireAuth, setSessionCookie } from "../auth.js";
import type { Services } from "../services.js";

export function registerSessionRoutes(app: FastifyInstance, s: Services): void {
  const auth = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request, s.accounts.sessions, s.config);

  /** POST /api/v1/sessions → 200 {user, token}; unknown handle and wrong password look the same. */
  app.post("/api/v1/sessions", async (request, reply) => {
    const body = parseInput(signInBody, request.body);
    await s.limits.consume(["signInPerAddress", request.ip], ["signInPerHandle", handleKey(body.handle)]);
    const result = await s.accounts.signIn(body.handle, body.password);
    setSessionCookie(reply, request, s.config, result.token);
    return reply.send(result);
  });

  /** GET /api/v1/sessions → 200 {sessions: [{id, createdAt, lastUsedAt, expiresAt, current}]}. */
  app.get("/api/v1/sessions", async (request) => {
    const me = await auth(request);
    const sessions = await s.accounts.sessions.list(me.user.id);
    return {
      sessions: sessions.map((row) => ({
        id: row.id,
        createdAt: new Date(row.created_at).toISOString(),
        lastUsedAt: new Date(row.last_used_at).toISOString(),
        expiresAt: new Date(row.expires_at).toISOString(),
        current: row.id === me.session.id,
      })),
    };
  });

  /** DELETE /api/v1/sessions/current → 204; the token stops working at once. */
  app.delete("/api/v1/sessions/current", async (request, reply) => {
    const me = await auth(request);
    await s.accounts.sessions.end(me.user.id, me.session.id);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  /** DELETE /api/v1/sessions/:id → 204; ends another of the member's own sessions. */
  app.delete("/api/v1/sessions/:id", async (request, reply) => {
    const me = await auth(request);
    const { id } = parseInput(sessionIdParams, request.params, "params");
    if (!(await s.accounts.sessions.end(me.user.id, id))) throw new KindredError("NOT_FOUND");
    if (id === me.session.id) clearSessionCookie(reply);
    return reply.code(204).send();
  });
}
