/** The signed-in member's own profile (protocol.md "Authentication": GET/PATCH /api/v1/me). */
import type { FastifyInstance } from "fastify";
import { updateMeBody } from "../../protocol/http/accounts.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerMeRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/me → 200 {user}. */
  app.get("/api/v1/me", async (request) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    return { user: await s.accounts.view(me.user) };
  });

  /** PATCH /api/v1/me → 200 {user}; validates every field before writing any. */
  app.patch("/api/v1/me", async (request) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    const patch = parseInput(updateMeBody, request.body);
    await s.accounts.checkUpdateProfile(me.user.id, patch);
    const user = await s.accounts.doUpdateProfile(me.user.id, patch);
    if (patch.availability === "listen" || patch.availability === "either") {
      void s.matching.listenerAvailable(me.user.id).catch((err: unknown) => request.log.warn({ err: String(err) }, "matching failed"));
    }
    return { user };
  });
}
