/** Blocks and crisis resources (protocol.md "Safety"). */
import { safetyRoutes as r } from "../../protocol/rest/safety.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function safetyRoutes(app: App, s: Services): void {
  /** GET /api/v1/blocks → {blocks: [{userId, handle, displayName, blockedAt}]}: whom I have blocked, newest first. */
  app.route({
    ...routeOptions(r.listBlocks),
    handler: async (request) => ({
      blocks: (await s.blocks.listBlocked(memberOf(request).user.id)).map((b) => ({ ...b, blockedAt: new Date(b.blockedAt).toISOString() })),
    }),
  });

  /** POST /api/v1/blocks → 204; blocking twice changes nothing. */
  app.route({
    ...routeOptions(r.block),
    handler: async (request, reply) => {
      await s.blocks.block(memberOf(request).user.id, request.body.userId);
      return reply.code(204).send();
    },
  });

  /** DELETE /api/v1/blocks/:userId → 204. */
  app.route({
    ...routeOptions(r.unblock),
    handler: async (request, reply) => {
      await s.blocks.unblock(memberOf(request).user.id, request.params.userId);
      return reply.code(204).send();
    },
  });

  /**
   * GET /api/v1/resources?region= → {resources}: crisis lines and warmlines, read
   * from the store so every node answers with the latest list. No session
   * needed: a person in crisis must reach help without signing in.
   */
  app.route({
    ...routeOptions(r.resources),
    handler: async (request) => {
      await s.resources.reload();
      return { resources: s.resources.forRegion(request.query.region) };
    },
  });
}
