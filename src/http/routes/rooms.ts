/** Peer-led rooms: the directory, invite links, and removing a member. */
import { roomRoutes as r } from "../../protocol/rest/rooms.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function roomRoutes(app: App, s: Services): void {
  /** GET /api/v1/rooms?experience=&language= → {rooms}: public rooms with their next session. */
  app.route({ ...routeOptions(r.directory), handler: async (request) => ({ rooms: await s.rooms.directory(request.query) }) });

  /** POST /api/v1/conversations/:id/invites → 201 {invite: {id, code, createdAt}}: facilitators only; the code is shown once. */
  app.route({
    ...routeOptions(r.createInvite),
    handler: async (request, reply) => reply.code(201).send({ invite: await s.rooms.createInvite(memberOf(request).user.id, request.params.id) }),
  });

  /** GET /api/v1/conversations/:id/invites → {invites}. */
  app.route({
    ...routeOptions(r.listInvites),
    handler: async (request) => ({ invites: await s.rooms.listInvites(memberOf(request).user.id, request.params.id) }),
  });

  /** DELETE /api/v1/conversations/:id/invites/:inviteId → 204: the link stops working. */
  app.route({
    ...routeOptions(r.revokeInvite),
    handler: async (request, reply) => {
      await s.rooms.revokeInvite(memberOf(request).user.id, request.params.id, request.params.inviteId);
      return reply.code(204).send();
    },
  });

  /** POST /api/v1/invites/:code → {conversation}: join the room the invite is for. */
  app.route({
    ...routeOptions(r.acceptInvite),
    handler: async (request) => ({ conversation: await s.rooms.acceptInvite(memberOf(request).user.id, request.params.code) }),
  });

  /** DELETE /api/v1/conversations/:id/members/:userId → 204: the facilitator removes a member. */
  app.route({
    ...routeOptions(r.removeMember),
    handler: async (request, reply) => {
      await s.rooms.removeMember(memberOf(request).user.id, request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  });
}
