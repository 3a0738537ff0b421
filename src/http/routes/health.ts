/** /healthz (the process serves), /readyz (the store and Redis answer), /metrics (Prometheus text). */
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { redisIsReachable } from "../../bus/redis.js";
import type { Registry } from "prom-client";
import { type Store, storeIsReachable } from "../../store/database.js";

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { db: Store; redis: Redis | undefined; metrics: Registry; isClosing: () => boolean },
): void {
  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const ready =
      !deps.isClosing() &&
      (await storeIsReachable(deps.db)) &&
      (deps.redis === undefined || (await redisIsReachable(deps.redis)));
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable" });
  });

  app.get("/metrics", async (_request, reply) => {
    return reply.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
}
