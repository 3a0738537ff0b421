/**
 * Builds a Kindred server: store, bus, domain services, HTTP routes and the
 * WebSocket gateway wired together. `main.ts` listens with it; tests build one
 * per case on an ephemeral port with their own data directory.
 */
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { DestinationStream } from "pino";
import { type Bus, LocalBus } from "../bus/bus.js";
import { BusNotifier } from "../bus/notifier.js";
import { RedisPresence } from "../bus/presence.js";
import { RedisBus } from "../bus/redis-bus.js";
import { openRedis } from "../bus/redis.js";
import { type Config, trustProxyOption } from "../config.js";
import { Accounts } from "../domain/accounts/accounts.js";
import { PasswordHasher } from "../domain/accounts/passwords.js";
import { Sessions } from "../domain/accounts/sessions.js";
import { loadAgreement } from "../domain/community/agreement.js";
import { Conversations } from "../domain/conversations/conversations.js";
import { Messages } from "../domain/conversations/messages.js";
import { OneToOnes } from "../domain/conversations/one-to-one.js";
import { CandidateSearch } from "../domain/matching/candidates.js";
import { GroupMatching } from "../domain/matching/groups.js";
import { Matching } from "../domain/matching/matching.js";
import { Rooms } from "../domain/rooms/rooms.js";
import { Blocks } from "../domain/safety/blocks.js";
import { Experiences } from "../domain/experiences/experiences.js";
import { loadResources } from "../domain/safety/resources.js";
import { Gateway } from "../gateway/gateway.js";
import { Hub } from "../gateway/hub.js";
import { loggerOptions } from "../observability/logging.js";
import { matchLog } from "../observability/match-log.js";
import { installMetrics } from "../observability/metrics.js";
import { installRequestLog } from "../observability/request-log.js";
import { closeStore, openStore } from "../store/database.js";
import { GroupCommit } from "../store/group-commit.js";
import { installErrorHandlers } from "./error-handler.js";
import { RateLimits } from "./rate-limits.js";
import { registerAccountRoutes } from "./routes/accounts.js";
import { registerBlockRoutes } from "./routes/blocks.js";
import { registerCommunityRoutes } from "./routes/community.js";
import { registerConversationRoutes } from "./routes/conversations.js";
import { registerExperienceRoutes } from "./routes/experiences.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerMatchingRoutes } from "./routes/matching.js";
import { registerRoomRoutes } from "./routes/rooms.js";
import { registerMeRoutes } from "./routes/me.js";
import { registerPageRoutes } from "./routes/pages.js";
import { registerSessionRoutes } from "./routes/sessions.js";
import { installSecurity } from "./security.js";
import type { Services } from "./services.js";
import { installStaticPages } from "./static.js";

export interface BuildOptions {
  /** Where logs go; stdout when not given. */
  logStream?: DestinationStream;
}

export interface Kindred {
  app: FastifyInstance;
  services: Services;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<Kindred> {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    // Fastify accepts a hop count too, though its types list only the other forms.
    trustProxy: trustProxyOption(config.trustProxy) as boolean | string[],
    bodyLimit: config.maxBodyBytes,
    // Ids and cursors are short; a long URL is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // request-log.ts writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const logError = (what: string) => (err: unknown) => app.log.warn({ err: err instanceof Error ? err.message : String(err) }, what);

  const db = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const redis = config.redisUrl ? openRedis(config.redisUrl, logError("redis error")) : undefined;
  const bus: Bus = redis
    ? new RedisBus(redis, openRedis(config.redisUrl!, logError("redis error")), config.redisKeyPrefix, logError("bus error"))
    : new LocalBus();
  const notify = new BusNotifier(bus);
  const commit = new GroupCommit(db, logError("after-commit step failed"));
  const hasher = new PasswordHasher({
    memoryKib: config.argon2MemoryKib,
    timeCost: config.argon2TimeCost,
    parallelism: config.argon2Parallelism,
  });
  const sessions = new Sessions(
    db,
    { idleMs: config.sessionIdleHours * 3600_000, absoluteMs: config.sessionAbsoluteHours * 3600_000 },
    notify,
  );
  const agreement = loadAgreement();
  const blocks = new Blocks(db, notify);
  const experiences = new Experiences(db);
  const hub = new Hub(bus, db, blocks, redis ? new RedisPresence(redis, config.redisKeyPrefix, 2 * config.heartbeatMs) : undefined);
  const resources = loadResources();
  const conversations = new Conversations(db, commit, notify, blocks, new OneToOnes(db, commit, notify));
  const onMatched = matchLog(app.log);
  const groups = new GroupMatching(db, commit, notify, conversations, blocks, config.matchGroupSize, onMatched);
  const matching: Matching = new Matching(db, commit, notify, conversations, experiences, new CandidateSearch(db, blocks, hub.presence, (id) => matching.isTaken(id)), groups, {
    slowAfterMs: config.matchSlowAfterMs,
    resources,
    onMatched,
  });
  const services: Services = {
    config,
    db,
    agreement,
    resources,
    accounts: new Accounts(db, hasher, sessions, experiences, agreement.version),
    conversations,
    messages: new Messages(db, commit, notify, blocks),
    blocks,
    experiences,
    matching,
    rooms: new Rooms(db, commit, notify, conversations),
    presence: hub.presence,
    limits: new RateLimits(config.rateLimitMultiplier, redis && { client: redis, keyPrefix: config.redisKeyPrefix }),
  };

  const gateway = new Gateway(
    config,
    sessions,
    hub,
    { hub, conversations: services.conversations, messages: services.messages, blocks, limits: services.limits, onUnexpected: logError("frame failed") },
    app.log,
    // A member who is free to listen and comes online may be the match someone is waiting for.
    (userId) => void matching.listenerAvailable(userId).catch(logError("matching failed")),
  );
  gateway.attach(app.server);
  const sweep = setInterval(() => void matching.sweep().catch(logError("matching sweep failed")), config.matchSweepMs);
  sweep.unref();

  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
    clearInterval(sweep);
    await gateway.close();
  });
  app.addHook("onClose", async () => {
    await commit.drain();
    await bus.close();
    await redis?.quit().catch(() => redis.disconnect());
    await closeStore(db);
  });
  // Requests still in flight at shutdown finish, and their keep-alive connections close after
  // them, so the process exits as soon as the last one is answered.
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  installErrorHandlers(app);
  await installSecurity(app, config);
  await app.register(cookie);
  const metrics = installMetrics(app, { openSockets: () => hub.connections().length });
  installRequestLog(app, config);

  registerHealthRoutes(app, { db, redis, metrics, isClosing: () => closing, metricsToken: config.metricsToken });
  registerCommunityRoutes(app, services);
  registerAccountRoutes(app, services);
  registerSessionRoutes(app, services);
  registerMeRoutes(app, services);
  registerConversationRoutes(app, services);
  registerBlockRoutes(app, services);
  registerExperienceRoutes(app, services);
  registerMatchingRoutes(app, services);
  registerRoomRoutes(app, services);
  registerPageRoutes(app, services);
  await installStaticPages(app);
  return { app, services };
}
