/** Matching (protocol.md "Experiences and matching"). */
import { matchingRoutes as r } from "../../protocol/rest/matching.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function matchingRoutes(app: App, s: Services): void {
  /**
   * POST /api/v1/match-requests → 202 {request}: matched at once when someone
   * fits (`status: "matched"`, `conversationId`), otherwise waiting; both sides
   * get `match.found` on their sockets when it happens.
   */
  app.route({
    ...routeOptions(r.request),
    handler: async (request, reply) => {
      await s.matching.checkRequest(request.body);
      return reply.code(202).send({ request: await s.matching.doRequest(memberOf(request).user.id, request.body) });
    },
  });

  /** GET /api/v1/match-requests/:id → {request}, with an honest wait and, when slow, suggestions. */
  app.route({
    ...routeOptions(r.get),
    handler: async (request) => ({ request: await s.matching.get(memberOf(request).user.id, request.params.id) }),
  });

  /** DELETE /api/v1/match-requests/:id → 204: stop waiting. */
  app.route({
    ...routeOptions(r.cancel),
    handler: async (request, reply) => {
      await s.matching.cancel(memberOf(request).user.id, request.params.id);
      return reply.code(204).send();
    },
  });
}
