/**
 * Crisis support and supporters (protocol.md "Crisis support and supporters",
 * "Safety"): support requests, hand-offs, the administrator's crisis lines and
 * the guide for peers.
 */
import { KindredError } from "../../protocol/errors.js";
import { supportRoutes as r } from "../../protocol/rest/support.js";
import { memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function supportRoutes(app: App, s: Services): void {
  /**
   * POST /api/v1/support-requests → 201 {conversationId, supporter}: a new
   * one-to-one with a free on-duty supporter, claimed inside the write that
   * opens it. None free: 409 NO_SUPPORTER_ON_DUTY with `details.resources`.
   */
  app.route({
    ...routeOptions(r.requestSupport),
    handler: async (request, reply) => {
      const opened = await s.support.request(memberOf(request).user.id, request.body.fromConversationId);
      return reply.code(201).send(opened);
    },
  });

  /** POST /api/v1/conversations/:id/handoff → 201 {conversationId, handoffId}; the member gets `handoff.offer`. */
  app.route({
    ...routeOptions(r.offerHandoff),
    handler: async (request, reply) => {
      const offered = await s.handoffs.offer(memberOf(request).user.id, request.params.id, request.body);
      return reply.code(201).send(offered);
    },
  });

  /** POST /api/v1/handoffs/:id/accept → 201 {conversationId}: the member's yes opens the new conversation. */
  app.route({
    ...routeOptions(r.acceptHandoff),
    handler: async (request, reply) => reply.code(201).send(await s.handoffs.accept(memberOf(request).user.id, request.params.id)),
  });

  /** POST /api/v1/handoffs/:id/decline → 204: the member's no; nothing else changes. */
  app.route({
    ...routeOptions(r.declineHandoff),
    handler: async (request, reply) => {
      await s.handoffs.decline(memberOf(request).user.id, request.params.id);
      return reply.code(204).send();
    },
  });

  /** GET /api/v1/handoffs/:id → {handoff}: the note, for the supporter who took over and nobody else (NOT_FOUND). */
  app.route({
    ...routeOptions(r.getHandoff),
    handler: async (request) => ({ handoff: await s.handoffs.noteFor(memberOf(request).user.id, request.params.id) }),
  });

  /** GET /api/v1/handoffs/:id/status → {status}: how the member answered, for the supporter who offered and nobody else (NOT_FOUND). */
  app.route({
    ...routeOptions(r.handoffStatus),
    handler: async (request) => ({ status: await s.handoffs.statusFor(memberOf(request).user.id, request.params.id) }),
  });

  /** PUT /api/v1/admin/resources → {resources}: administrators replace the list, for every node. */
  app.route({
    ...routeOptions(r.replaceResources),
    handler: async (request) => {
      if (!(await s.accounts.hasRole(memberOf(request).user.id, "admin"))) {
        throw new KindredError("FORBIDDEN", { message: "Only administrators can change the crisis lines." });
      }
      return { resources: await s.resources.replace(request.body.resources) };
    },
  });

  /** GET /api/v1/guide?lang=en|es → {guide: {language, text}}; no session needed. */
  app.route({
    ...routeOptions(r.guide),
    handler: async (request) => {
      const language = request.query.lang ?? "en";
      return { guide: { language, text: s.guides[language] } };
    },
  });
}
