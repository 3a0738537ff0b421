/**
 * /healthz (the process serves), /readyz (the store and Redis answer), /metrics
 * (Prometheus text; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Registry } from "prom-client";
import { KindredError } from "../../protocol/errors.js";
import { communityRoutes as r } from "../../protocol/rest/community.js";
import { type App, routeOptions } from "../route.js";

export interface HealthChecks {
  /** True once every backing service answers and the server is not shutting down. */
  isReady(): Promise<boolean>;
  metrics: Registry;
  metricsToken: string | undefined;
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
    handler: async (request, reply) => {
      if (checks.metricsToken !== undefined && !bearerMatches(request.headers.authorization, checks.metricsToken)) {
        throw new KindredError("UNAUTHENTICATED");
      }
      return reply.type(checks.metrics.contentType).send(await checks.metrics.metrics());
    },
  });
}

/** Compares digests in constant time, so the token cannot be guessed a byte at a time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${token}`));
}
