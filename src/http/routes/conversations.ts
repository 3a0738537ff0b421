/** Conversations over REST (protocol.md "Conversations"). Non-members get NOT_FOUND everywhere. */
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  conversationParams,
  createConversationBody,
  editMessageBody,
  emptyBody,
  historyQuery,
  messageParams,
  sendMessageBody,
} from "../../protocol/http/conversations.js";
import { checkinBody, stayInTouchBody } from "../../protocol/http/matching.js";
import { parseInput } from "../../protocol/validate.js";
import { requireAuth } from "../auth.js";
import type { Services } from "../services.js";

export function registerConversationRoutes(app: FastifyInstance, s: Services): void {
  const auth = (request: FastifyRequest) => requireAuth(request, s.accounts.sessions, s.config);
  const idOf = (request: FastifyRequest) => parseInput(conversationParams, request.params, "params").id;

  /** GET /api/v1/conversations → {conversations}, each with computed `unread`. */
  app.get("/api/v1/conversations", async (request) => {
    const me = await auth(request);
    return { conversations: await s.conversations.list(me.user.id) };
  });

  /** POST /api/v1/conversations → 201 {conversation}; the creator is facilitator. */
  app.post("/api/v1/conversations", async (request, reply) => {
    const me = await auth(request);
    const body = parseInput(createConversationBody, request.body);
    await s.experiences.checkOffered(body.experiences ?? []);
    return reply.code(201).send({ conversation: await s.conversations.createGroup(me.user.id, body) });
  });

  /** GET /api/v1/conversations/:id → {conversation}. */
  app.get("/api/v1/conversations/:id", async (request) => {
    const me = await auth(request);
    return { conversation: await s.conversations.get(me.user.id, idOf(request)) };
  });

  /** POST /api/v1/conversations/:id/members → {conversation}: join a public group. */
  app.post("/api/v1/conversations/:id/members", async (request) => {
    const me = await auth(request);
    const id = idOf(request);
    parseInput(emptyBody, request.body);
    return { conversation: await s.conversations.join(me.user.id, id) };
  });

  /** DELETE /api/v1/conversations/:id/members/me → 204; a listener it frees may be matched again. */
  app.delete("/api/v1/conversations/:id/members/me", async (request, reply) => {
    const me = await auth(request);
    const { freedListener } = await s.conversations.leave(me.user.id, idOf(request));
    if (freedListener) void s.matching.listenerAvailable(freedListener).catch((err: unknown) => request.log.warn({ err: String(err) }, "matching failed"));
    return reply.code(204).send();
  });

  /** PUT /api/v1/conversations/:id/checkin → {checkin}: my side of a one-to-one's check-in card. */
  app.put("/api/v1/conversations/:id/checkin", async (request) => {
    const me = await auth(request);
    const id = idOf(request);
    const body = parseInput(checkinBody, request.body);
    return { checkin: await s.conversations.oneToOnes.checkin(me.user.id, id, body) };
  });

  /** POST /api/v1/conversations/:id/stay-in-touch → {stayInTouch: {mine, mutual}}. */
  app.post("/api/v1/conversations/:id/stay-in-touch", async (request) => {
    const me = await auth(request);
    const id = idOf(request);
    const { stay } = parseInput(stayInTouchBody, request.body);
    return { stayInTouch: await s.conversations.oneToOnes.stayInTouch(me.user.id, id, stay) };
  });

  /** GET /api/v1/conversations/:id/events?afterSeq=&beforeSeq=&limit= → {events, hasMore}. */
  app.get("/api/v1/conversations/:id/events", async (request) => {
    const me = await auth(request);
    const id = idOf(request);
    const query = parseInput(historyQuery, request.query, "query");
    return s.conversations.history(me.user.id, id, query);
  });

  /**
   * POST /api/v1/conversations/:id/messages → 201 {message}. The same clientMsgId
   * again from the same sender answers the same message and adds nothing.
   */
  app.post("/api/v1/conversations/:id/messages", async (request, reply) => {
    const me = await auth(request);
    const conversationId = idOf(request);
    const body = parseInput(sendMessageBody, request.body);
    await s.limits.consume(["sendPerMember", me.user.id]);
    let stored = await s.messages.findOriginal(me.user.id, body.clientMsgId);
    if (!stored) {
      await s.messages.checkSend(me.user.id, conversationId);
      stored = await s.messages.doSend(me.user.id, { ...body, conversationId });
    }
    return reply.code(201).send({ message: { id: stored.messageId, seq: stored.seq, conversationId: stored.conversationId, event: stored.event } });
  });

  /** PATCH /api/v1/conversations/:id/messages/:messageId → {event}: the author edits. */
  app.patch("/api/v1/conversations/:id/messages/:messageId", async (request) => {
    const me = await auth(request);
    const { id, messageId } = parseInput(messageParams, request.params, "params");
    const body = parseInput(editMessageBody, request.body);
    return { event: await s.messages.edit(me.user.id, id, messageId, body.body, body.contentWarning) };
  });

  /** DELETE /api/v1/conversations/:id/messages/:messageId → 204: the author deletes; a tombstone stays. */
  app.delete("/api/v1/conversations/:id/messages/:messageId", async (request, reply) => {
    const me = await auth(request);
    const { id, messageId } = parseInput(messageParams, request.params, "params");
    await s.messages.remove(me.user.id, id, messageId);
    return reply.code(204).send();
  });
}
