/** Blocks (protocol.md "Safety"). */
import type { FastifyInstance } from "fastify";
import { blockBody, blockParams } from "../../protocol/http/conversations.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerBlockRoutes(app: FastifyInstance, s: Services): void {
  /** GET /api/v1/blocks → {blocks: [{userId}]}: whom I have blocked. */
  app.get("/api/v1/blocks", async (request) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    return { blocks: (await s.blocks.listBlocked(me.user.id)).map((userId) => ({ userId })) };
  });

  /** POST /api/v1/blocks → 204; blocking twice changes nothing. */
  app.post("/api/v1/blocks", async (request, reply) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    const { userId } = parseInput(blockBody, request.body);
    await s.blocks.block(me.user.id, userId);
    return reply.code(204).send();
  });

  /** DELETE /api/v1/blocks/:userId → 204. */
  app.delete("/api/v1/blocks/:userId", async (request, reply) => {
    const me = await requireAuth(request, s.accounts.sessions, s.config);
    const { userId } = parseInput(blockParams, request.params, "params");
    await s.blocks.unblock(me.user.id, userId);
    return reply.code(204).send();
  });
}
