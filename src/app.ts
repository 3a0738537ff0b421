/**
 * Builds a Kindred server: store, bus, domain services, HTTP routes and the
 * WebSocket gateway wired together. `main.ts` listens with it; tests build one
 * per case on an ephemeral port with their own data directory.
 */
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { type Bus, LocalBus, topics } from "./bus/bus.js";
import { BusNotifier } from "./bus/notifier.js";
import { RedisPresence } from "./bus/presence.js";
import type { PresenceRegistry } from "./domain/presence.js";
import { RedisBus } from "./bus/redis-bus.js";
import { openRedis, redisIsReachable } from "./bus/redis.js";
import { type Config, trustProxyOption } from "./config.js";
import { Accounts } from "./domain/accounts/accounts.js";
import { PasswordHasher } from "./domain/accounts/passwords.js";
import { Sessions } from "./domain/accounts/sessions.js";
import { loadAgreement } from "./domain/community/agreement.js";
import { Conversations } from "./domain/conversations/conversations.js";
import { DeliveryReader } from "./domain/conversations/delivery.js";
import { Messages } from "./domain/conversations/messages.js";
import { OneToOnes } from "./domain/conversations/one-to-one.js";
import { CandidateSearch } from "./domain/matching/candidates.js";
import { GroupMatching } from "./domain/matching/groups.js";
import { Matching } from "./domain/matching/matching.js";
import { Rooms } from "./domain/rooms/rooms.js";
import { Blocks } from "./domain/safety/blocks.js";
import { Experiences } from "./domain/experiences/experiences.js";
import { loadResources } from "./domain/safety/resources.js";
import { ResourceList } from "./domain/safety/resource-list.js";
import { crisisCheck } from "./domain/safety/crisis-check.js";
import { DailyCrisisCount } from "./domain/safety/daily-count.js";
import { loadGuides } from "./domain/safety/guide.js";
import { FreeSupporters } from "./domain/support/free-supporters.js";
import { Handoffs } from "./domain/support/handoffs.js";
import { Shifts, breakSweepMs } from "./domain/support/shifts.js";
import { SupportRequests } from "./domain/support/support-requests.js";
import { Gateway } from "./gateway/gateway.js";
import { Hub } from "./gateway/hub.js";
import { loggerOptions } from "./observability/logging.js";
import { matchLog } from "./observability/match-log.js";
import { installMetrics } from "./observability/metrics.js";
import { installRequestLog } from "./observability/request-log.js";
import { committedBatch } from "./observability/live-metrics.js";
import { type Store, closeStore, openStore, scrubDeletedData, storeIsReachable } from "./store/database.js";
import { AccountDeletion } from "./domain/privacy/account-deletion.js";
import { MyData } from "./domain/privacy/my-data.js";
import { Retention } from "./domain/privacy/retention.js";
import { GroupCommit } from "./store/group-commit.js";
import { installErrorHandlers } from "./http/error-handler.js";
import { RateLimits } from "./domain/limits/rate-limits.js";
import { installAuth } from "./http/auth.js";
import { installSecurity } from "./http/security.js";
import { accountRoutes } from "./http/routes/accounts.js";
import { privacyRoutes } from "./http/routes/privacy.js";
import { communityRoutes } from "./http/routes/community.js";
import { conversationRoutes } from "./http/routes/conversations.js";
import { experienceRoutes } from "./http/routes/experiences.js";
import { healthRoutes } from "./http/routes/health.js";
import { matchingRoutes } from "./http/routes/matching.js";
import { pageRoutes } from "./http/routes/pages.js";
import { roomRoutes } from "./http/routes/rooms.js";
import { safetyRoutes } from "./http/routes/safety.js";
import { supportRoutes } from "./http/routes/support.js";
import type { App } from "./http/route.js";
import { validatorCompiler } from "./http/validation.js";
import type { Services } from "./http/services.js";
import { installStaticPages } from "./http/static.js";

export interface BuildOptions {
  /** Where logs go; stdout when not given. */
  logStream?: DestinationStream;
}

/** The routes get `Services`; tests and the command line also reach the store and presence registry. */
export interface Kindred {
  app: FastifyInstance;
  services: Services & { db: Store; presence: PresenceRegistry };
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
  const commit = new GroupCommit(db, logError("after-commit step failed"), committedBatch);
  const hasher = new PasswordHasher({
    memoryKib: config.argon2MemoryKib,
    timeCost: config.argon2TimeCost,
    parallelism: config.argon2Parallelism,
  });
  const sessions = new Sessions(db, { idleMs: config.sessionIdleHours * 3600_000, absoluteMs: config.sessionAbsoluteHours * 3600_000 }, notify);
  const agreement = loadAgreement();
  const blocks = new Blocks(db);
  const experiences = new Experiences(db);
  const reader = new DeliveryReader(db);
  const hub = new Hub(bus, reader, redis ? new RedisPresence(redis, config.redisKeyPrefix, 2 * config.heartbeatMs) : undefined);
  // Crisis lines: the shipped list until an administrator replaces it; a replacement tells every node.
  const resources = new ResourceList(db, loadResources(), () => bus.publish(topics.resources, { kind: "resources-replaced" }));
  const reloadResources = () => void resources.reload().catch(logError("reloading crisis lines failed"));
  bus.subscribe(topics.resources, reloadResources);
  if ((await resources.reload()).every((r) => r.default)) {
    app.log.info("crisis lines: serving the defaults from content/resources.json; add your local lines (docs/safety-policy.md)");
  }
  const conversations = new Conversations(db, commit, notify, blocks, new OneToOnes(db, commit, notify));
  const onMatched = matchLog(app.log);
  const groups = new GroupMatching(db, commit, notify, conversations, blocks, config.matchGroupSize, onMatched);
  const matching: Matching = new Matching(
    db,
    commit,
    notify,
    conversations,
    experiences,
    new CandidateSearch(db, blocks, hub.presence, (id) => matching.isTaken(id)),
    groups,
    {
      slowAfterMs: config.matchSlowAfterMs,
      // Read at each use, so a replaced list reaches matching's suggestions too.
      get resources() {
        return resources.all();
      },
      onMatched,
    },
  );
  const listenerFreed = (userId: string) => void matching.listenerAvailable(userId).catch(logError("matching failed"));
  const messages = new Messages(db, commit, notify);
  // The consent-only crisis check: a private notice to the author, one more in the day's count, nothing else.
  messages.afterSend(crisisCheck(resources, new DailyCrisisCount(commit)));
  const breakAfterMs = config.supporterBreakAfterMinutes * 60_000;
  const shifts = new Shifts(db, notify, breakAfterMs);
  const support = new SupportRequests(db, commit, notify, conversations, new FreeSupporters(db, hub.presence), resources);
  const accounts = new Accounts(db, hasher, sessions, experiences, agreement.version);
  const retention = new Retention(db, config.retentionDays ?? null);
  const services: Services = {
    config,
    listenerFreed,
    agreement,
    resources,
    accounts,
    conversations,
    messages,
    blocks,
    experiences,
    matching,
    rooms: new Rooms(db, commit, notify, conversations),
    limits: new RateLimits(config.rateLimitMultiplier, redis && { client: redis, keyPrefix: config.redisKeyPrefix }),
    guides: loadGuides(),
    shifts,
    support,
    handoffs: new Handoffs(db, commit, notify, support),
    myData: new MyData(db, accounts),
    retention,
    accountDeletion: new AccountDeletion(db, accounts, notify, () => scrubDeletedData(db)),
  };

  const gateway = new Gateway(
    config,
    sessions,
    hub,
    { hub, reader, conversations: services.conversations, messages: services.messages, limits: services.limits, onUnexpected: logError("frame failed") },
    app.log,
    // A member who is free to listen and comes online may be the match someone is waiting for.
    listenerFreed,
  );
  gateway.attach(app.server);
  const sweep = setInterval(() => void matching.sweep().catch(logError("matching sweep failed")), config.matchSweepMs);
  sweep.unref();
  const breakSweep = setInterval(() => void shifts.sweepBreaks().catch(logError("break sweep failed")), breakSweepMs(breakAfterMs));
  breakSweep.unref();
  // Words past their conversation's retention are erased within a minute.
  const retentionSweep = setInterval(() => void retention.sweep().catch(logError("retention sweep failed")), 60_000);
  retentionSweep.unref();
  // A lost "resources replaced" message leaves a node's copy stale for at most a minute.
  const resourceRefresh = setInterval(reloadResources, 60_000);
  resourceRefresh.unref();

  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
    clearInterval(sweep);
    clearInterval(breakSweep);
    clearInterval(retentionSweep);
    clearInterval(resourceRefresh);
    bus.unsubscribe(topics.resources, reloadResources);
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

  // Every API route comes from a definition in src/protocol/rest/ (schemas, access, docs): refuse any other.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/") && route.config?.access === undefined) {
      throw new Error(`${route.method} ${route.url} has no definition in src/protocol/rest/`);
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installAuth(app, sessions, config);
  const isReady = async () => !closing && (await storeIsReachable(db)) && (redis === undefined || (await redisIsReachable(redis)));
  const routes: Array<(scope: App) => void> = [
    (scope) => healthRoutes(scope, { isReady, metrics, metricsToken: config.metricsToken }),
    (scope) => communityRoutes(scope, services),
    (scope) => pageRoutes(scope, services),
    (scope) => accountRoutes(scope, services),
    (scope) => privacyRoutes(scope, services),
    (scope) => experienceRoutes(scope, services),
    (scope) => matchingRoutes(scope, services),
    (scope) => conversationRoutes(scope, services),
    (scope) => roomRoutes(scope, services),
    (scope) => safetyRoutes(scope, services),
    (scope) => supportRoutes(scope, services),
  ];
  for (const plugin of routes) await app.register(async (scope) => plugin(scope as App));
  await installStaticPages(app);
  return { app, services: { ...services, db, presence: hub.presence } };
}
