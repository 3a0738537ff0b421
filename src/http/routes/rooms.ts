/** Peer-led rooms: the directory, invite links, and removing a member. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { conversationParams, emptyBody, inviteCodeParams, inviteParams, memberParams, roomsQuery } from "../../protocol/http/conversations.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerRoomRoutes(app: FastifyInstance, s: Services): void {
  const auth = (request: FastifyRequest) => requireAuth(request, s.accounts.sessions, s.config);

  /** GET /api/v1/rooms?experience=&language= → {rooms}: public rooms with their next session. */
  app.get("/api/v1/rooms", async (request) => {
    await auth(request);
    return { rooms: await s.rooms.directory(parseInput(roomsQuery, request.query, "query")) };
  });

  /** POST /api/v1/conversations/:id/invites → 201 {invite: {id, code, createdAt}}: facilitators only; the code is shown once. */
  app.post("/api/v1/conversations/:id/invites", async (request, reply) => {
    const me = await auth(request);
    const { id } = parseInput(conversationParams, request.params, "params");
    parseInput(emptyBody, request.body);
    return reply.code(201).send({ invite: await s.rooms.createInvite(me.user.id, id) });
  });

  /** GET /api/v1/conversations/:id/invites → {invites}. */
  app.get("/api/v1/conversations/:id/invites", async (request) => {
    const me = await auth(request);
    const { id } = parseInput(conversationParams, request.params, "params");
    return { invites: await s.rooms.listInvites(me.user.id, id) };
  });

  /** DELETE /api/v1/conversations/:id/invites/:inviteId → 204: the link stops working. */
  app.delete("/api/v1/conversations/:id/invites/:inviteId", async (request, reply) => {
    const me = await auth(request);
    const { id, inviteId } = parseInput(inviteParams, request.params, "params");
    await s.rooms.revokeInvite(me.user.id, id, inviteId);
    return reply.code(204).send();
  });

  /** POST /api/v1/invites/:code → {conversation}: join the room the invite is for. */
  app.post("/api/v1/invites/:code", async (request) => {
    const me = await auth(request);
    const { code } = parseInput(inviteCodeParams, request.params, "params");
    parseInput(emptyBody, request.body);
    return { conversation: await s.rooms.acceptInvite(me.user.id, code) };
  });

  /** DELETE /api/v1/conversations/:id/members/:userId → 204: the facilitator removes a member. */
  app.delete("/api/v1/conversations/:id/members/:userId", async (request, reply) => {
    const me = await auth(request);
    const { id, userId } = parseInput(memberParams, request.params, "params");
    await s.rooms.removeMember(me.user.id, id, userId);
    return reply.code(204).send();
  });
}
