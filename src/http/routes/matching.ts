/** Matching (protocol.md "Experiences and matching"). */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { matchRequestBody, matchRequestParams } from "../../protocol/http/matching.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerMatchingRoutes(app: FastifyInstance, s: Services): void {
  const auth = (request: FastifyRequest) => requireAuth(request, s.accounts.sessions, s.config);
  const idOf = (request: FastifyRequest) => parseInput(matchRequestParams, request.params, "params").id;

  /**
   * POST /api/v1/match-requests → 202 {request}: matched at once when someone
   * fits (`status: "matched"`, `conversationId`), otherwise waiting; both sides
   * get `match.found` on their sockets when it happens.
   */
  app.post("/api/v1/match-requests", async (request, reply) => {
    const me = await auth(request);
    const body = parseInput(matchRequestBody, request.body);
    await s.matching.checkRequest(body);
    return reply.code(202).send({ request: await s.matching.doRequest(me.user.id, body) });
  });

  /** GET /api/v1/match-requests/:id → {request}, with an honest wait and, when slow, suggestions. */
  app.get("/api/v1/match-requests/:id", async (request) => {
    const me = await auth(request);
    return { request: await s.matching.get(me.user.id, idOf(request)) };
  });

  /** DELETE /api/v1/match-requests/:id → 204: stop waiting. */
  app.delete("/api/v1/match-requests/:id", async (request, reply) => {
    const me = await auth(request);
    await s.matching.cancel(me.user.id, idOf(request));
    return reply.code(204).send();
  });
}
