/** Conversations over REST (protocol.md "Conversations"). Non-members get NOT_FOUND everywhere. */
import type { SenderNotice } from "../../protocol/common.js";
import { conversationRoutes as r } from "../../protocol/rest/conversations.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function conversationRoutes(app: App, s: Services): void {
  /** GET /api/v1/conversations → {conversations}, each with computed `unread`. */
  app.route({
    ...routeOptions(r.list),
    handler: async (request) => ({ conversations: await s.conversations.list(memberOf(request).user.id) }),
  });

  /** POST /api/v1/conversations → 201 {conversation}; the creator is facilitator. */
  app.route({
    ...routeOptions(r.create),
    handler: async (request, reply) => {
      const me = memberOf(request);
      await s.experiences.checkOffered(request.body.experiences ?? []);
      return reply.code(201).send({ conversation: await s.conversations.createGroup(me.user.id, request.body) });
    },
  });

  /** GET /api/v1/conversations/:id → {conversation}. */
  app.route({
    ...routeOptions(r.get),
    handler: async (request) => ({ conversation: await s.conversations.get(memberOf(request).user.id, request.params.id) }),
  });

  /** POST /api/v1/conversations/:id/members → {conversation}: join a public group. */
  app.route({
    ...routeOptions(r.join),
    handler: async (request) => ({ conversation: await s.conversations.join(memberOf(request).user.id, request.params.id) }),
  });

  /** DELETE /api/v1/conversations/:id/members/me → 204; a listener it frees may be matched again. */
  app.route({
    ...routeOptions(r.leave),
    handler: async (request, reply) => {
      const { freedListener } = await s.conversations.leave(memberOf(request).user.id, request.params.id);
      if (freedListener) s.listenerFreed(freedListener);
      return reply.code(204).send();
    },
  });

  /** PUT /api/v1/conversations/:id/checkin → {checkin}: my side of a one-to-one's check-in card. */
  app.route({
    ...routeOptions(r.checkin),
    handler: async (request) => ({
      checkin: await s.conversations.oneToOnes.checkin(memberOf(request).user.id, request.params.id, request.body),
    }),
  });

  /** POST /api/v1/conversations/:id/stay-in-touch → {stayInTouch: {mine, mutual}}. */
  app.route({
    ...routeOptions(r.stayInTouch),
    handler: async (request) => ({
      stayInTouch: await s.conversations.oneToOnes.stayInTouch(memberOf(request).user.id, request.params.id, request.body.stay),
    }),
  });

  /** GET /api/v1/conversations/:id/events?afterSeq=&beforeSeq=&limit= → {events, hasMore}. */
  app.route({
    ...routeOptions(r.history),
    handler: async (request) => s.conversations.history(memberOf(request).user.id, request.params.id, request.query),
  });

  /**
   * POST /api/v1/conversations/:id/messages → 201 {message}. Decided inside the
   * write (membership, closure, blocks); the same clientMsgId again from the
   * same sender answers the same message and adds nothing. Crisis language
   * adds `safety`, the author's private options, to the author's answer alone.
   */
  app.route({
    ...routeOptions(r.send),
    handler: async (request, reply) => {
      const me = memberOf(request);
      await s.limits.consume(["sendPerMember", me.user.id]);
      // A notice for the author alone (the crisis check) rides on their own answer, as on the socket.
      let safety: SenderNotice | undefined;
      const stored = await s.messages.send(me.user.id, { ...request.body, conversationId: request.params.id }, (_stored, notices) => {
        safety = notices[0];
      });
      const message = { id: stored.messageId, seq: stored.seq, conversationId: stored.conversationId, event: stored.event };
      return reply.code(201).send(safety ? { message, safety } : { message });
    },
  });

  /** PATCH /api/v1/conversations/:id/messages/:messageId → {event}: the author edits. */
  app.route({
    ...routeOptions(r.edit),
    handler: async (request) => {
      const { id, messageId } = request.params;
      return { event: await s.messages.edit(memberOf(request).user.id, id, messageId, request.body.body, request.body.contentWarning) };
    },
  });

  /** DELETE /api/v1/conversations/:id/messages/:messageId → 204: the author deletes; a tombstone stays. */
  app.route({
    ...routeOptions(r.remove),
    handler: async (request, reply) => {
      await s.messages.remove(memberOf(request).user.id, request.params.id, request.params.messageId);
      return reply.code(204).send();
    },
  });
}
