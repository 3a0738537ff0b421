/**
 * /healthz (the process serves), /readyz (the store and Redis answer), /metrics
 * (Prometheus text; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { KindredError } from "../../protocol/errors.js";
import type { Redis } from "ioredis";
import { redisIsReachable } from "../../bus/redis.js";
import type { Registry } from "prom-client";
import { type Store, storeIsReachable } from "../../store/database.js";

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { db: Store; redis: Redis | undefined; metrics: Registry; isClosing: () => boolean; metricsToken: string | undefined },
): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const ready =
      !deps.isClosing() &&
      (await storeIsReachable(deps.db)) &&
      (deps.redis === undefined || (await redisIsReachable(deps.redis)));
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable" });
  });

  app.get("/metrics", async (request, reply) => {
    if (deps.metricsToken !== undefined && !bearerMatches(request.headers.authorization, deps.metricsToken)) {
      throw new KindredError("UNAUTHENTICATED");
    }
    return reply.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
}

/** Compares digests in constant time, so the token cannot be guessed a byte at a time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${token}`));
}
