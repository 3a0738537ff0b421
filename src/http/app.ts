/**
 * Builds a Kindred server: store, domain services and HTTP routes wired
 * together. `main.ts` listens with it; tests build one per case on an
 * ephemeral port with their own data directory.
 */
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { type Config, trustProxyOption } from "../config.js";
import { Accounts } from "../domain/accounts/accounts.js";
import { PasswordHasher } from "../domain/accounts/passwords.js";
import { Sessions } from "../domain/accounts/sessions.js";
import { loadAgreement } from "../domain/community/agreement.js";
import { loggerOptions } from "../observability/logging.js";
import { installMetrics } from "../observability/metrics.js";
import { openStore } from "../store/database.js";
import { openRedis } from "../bus/redis.js";
import { installErrorHandlers } from "./error-handler.js";
import { RateLimits } from "./rate-limits.js";
import { registerAccountRoutes } from "./routes/accounts.js";
import { registerCommunityRoutes } from "./routes/community.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerMeRoutes } from "./routes/me.js";
import { registerSessionRoutes } from "./routes/sessions.js";
import { installSecurity } from "./security.js";
import type { Services } from "./services.js";
import { installStaticPages } from "./static.js";

export interface BuildOptions {
  /** Where logs go; stdout when not given. */
  logStream?: DestinationStream;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const db = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const hasher = new PasswordHasher({
    memoryKib: config.argon2MemoryKib,
    timeCost: config.argon2TimeCost,
    parallelism: config.argon2Parallelism,
  });
  const sessions = new Sessions(db, {
    idleMs: config.sessionIdleHours * 3600_000,
    absoluteMs: config.sessionAbsoluteHours * 3600_000,
  });
  const agreement = loadAgreement();
  const redis = config.redisUrl ? openRedis(config.redisUrl, (err) => app.log.warn({ err: err.message }, "redis error")) : undefined;
  const services: Services = {
    config,
    db,
    agreement,
    accounts: new Accounts(db, hasher, sessions, agreement.version),
    limits: new RateLimits(config.rateLimitMultiplier, redis && { client: redis, keyPrefix: config.redisKeyPrefix }),
  };

  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    // Fastify accepts a hop count too, though its types list only the other forms.
    trustProxy: trustProxyOption(config.trustProxy) as boolean | string[],
    bodyLimit: config.maxBodyBytes,
    // Ids and cursors are short; a long URL is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  });

  let closing = false;
  app.addHook("onClose", async () => {
    await db.destroy();
    await redis?.quit().catch(() => redis.disconnect());
  });
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Requests still in flight at shutdown finish, and their keep-alive connections close after
  // them, so the process exits as soon as the last one is answered.
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  installErrorHandlers(app);
  await installSecurity(app, config);
  await app.register(cookie);
  const metrics = installMetrics(app);

  registerHealthRoutes(app, { db, redis, metrics, isClosing: () => closing });
  registerCommunityRoutes(app, services);
  registerAccountRoutes(app, services);
  registerSessionRoutes(app, services);
  registerMeRoutes(app, services);
  await installStaticPages(app);
  return app;
}
