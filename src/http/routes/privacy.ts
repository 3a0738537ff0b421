/** A member's own data: the export and account deletion (protocol.md "Authentication"). */
import { privacyRoutes as r } from "../../protocol/rest/privacy.js";
import { clearSessionCookie, memberOf } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function privacyRoutes(app: App, s: Services): void {
  /** GET /api/v1/me/export → 200, as a download named for the day it was made. */
  app.route({
    ...routeOptions(r.exportMe),
    handler: async (request, reply) => {
      const me = memberOf(request);
      const data = await s.myData.export(me.user.id, me.session.id);
      const day = data.exportedAt.slice(0, 10);
      return reply.header("content-disposition", `attachment; filename="kindred-export-${day}.json"`).send(data);
    },
  });

  /** DELETE /api/v1/me {password} → 204; everything goes in one transaction, then the sockets close. */
  app.route({
    ...routeOptions(r.deleteMe),
    handler: async (request, reply) => {
      const me = memberOf(request);
      await s.limits.consume(["deleteAccountPerMember", me.user.id]);
      const deleted = await s.accountDeletion.delete(me.user.id, request.body.password);
      if (!deleted.scrubbed) request.log.warn("account deleted; old copies of its data wait for the next checkpoints");
      for (const listener of deleted.freedListeners) s.listenerFreed(listener);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });

  /** GET /api/v1/conversations/:id/privacy → who can read it, retention, automated checks. */
  app.route({
    ...routeOptions(r.conversationPrivacy),
    handler: async (request) => s.retention.privacyOf(memberOf(request).user.id, request.params.id),
  });

  /** PUT /api/v1/conversations/:id/retention {days} → {retentionDays}, what now holds. */
  app.route({
    ...routeOptions(r.setRetention),
    handler: async (request) => ({ retentionDays: await s.retention.choose(memberOf(request).user.id, request.params.id, request.body.days) }),
  });
}
