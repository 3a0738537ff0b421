/** /healthz (the process serves), /readyz (the store and Redis answer), /metrics (Prometheus text). */
import type { Registry } from "prom-client";
import { communityRoutes as r } from "../../protocol/rest/community.js";
import { type App, routeOptions } from "../route.js";

export interface HealthChecks {
  /** True once every backing service answers and the server is not shutting down. */
  isReady(): Promise<boolean>;
  metrics: Registry;
}

export function healthRoutes(app: App, checks: HealthChecks): void {
  app.route({ ...routeOptions(r.health), handler: async () => ({ status: "ok" as const }) });

  app.route({
    ...routeOptions(r.ready),
    handler: async (_request, reply) => {
      if (await checks.isReady()) return reply.code(200).send({ status: "ready" });
      return reply.code(503).send({ status: "unavailable" });
    },
  });

  app.route({
    ...routeOptions(r.metrics),
    handler: async (_request, reply) => reply.type(checks.metrics.contentType).send(await checks.metrics.metrics()),
  });
}
