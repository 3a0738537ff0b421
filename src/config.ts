/**
 * The one configuration module. Every setting has a name with its unit, an
 * environment variable and a matching `--flag` (protocol.md "Running an instance"
 * fixes the names of the first seven). Validated once at boot; a bad value stops
 * the process with a message naming the setting.
 */
import { parseArgs } from "node:util";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const positive = z.coerce.number().positive();
const positiveInt = z.coerce.number().int().positive();

/** key → [ENV_NAME, schema, default (as the text an operator would write)] */
const settings = {
  port: ["PORT", z.coerce.number().int().min(0).max(65535), "8080"],
  host: ["HOST", z.string().min(1), "127.0.0.1"],
  dataDir: ["DATA_DIR", z.string().min(1), "./data"],
  databaseUrl: [
    "DATABASE_URL",
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
      .optional(),
    undefined,
  ],
  redisUrl: [
    "REDIS_URL",
    z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis://")
      .optional(),
    undefined,
  ],
  redisKeyPrefix: ["REDIS_KEY_PREFIX", z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, "1–64 of letters, digits, : _ -"), "kindred:"],
  allowedOrigins: [
    "ALLOWED_ORIGINS",
    z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().transform((u) => new URL(u).origin)))
      .optional(),
    undefined,
  ],
  trustProxy: ["TRUST_PROXY", z.string().min(1), "false"],
  argon2MemoryKib: ["ARGON2_MEMORY_KIB", z.coerce.number().int().min(1024), "65536"],
  argon2TimeCost: ["ARGON2_TIME_COST", z.coerce.number().int().min(1), "3"],
  argon2Parallelism: ["ARGON2_PARALLELISM", z.coerce.number().int().min(1).max(16), "1"],
  sessionIdleHours: ["SESSION_IDLE_HOURS", positive, "336"],
  sessionAbsoluteHours: ["SESSION_ABSOLUTE_HOURS", positive, "2160"],
  logLevel: ["LOG_LEVEL", z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info"],
  logProbes: ["LOG_PROBES", bool, "false"],
  metricsToken: [
    "METRICS_TOKEN",
    z
      .string()
      .regex(/^[\x21-\x7e]{16,200}$/, "16–200 printable characters, no spaces")
      .optional(),
    undefined,
  ],
  rateLimitMultiplier: ["RATE_LIMIT_MULTIPLIER", positive, "1"],
  maxBodyBytes: ["MAX_BODY_BYTES", positiveInt, "65536"],
  heartbeatMs: ["HEARTBEAT_MS", z.coerce.number().int().min(100).max(30_000), "25000"],
  maxSocketsPerMember: ["MAX_SOCKETS_PER_MEMBER", positiveInt, "10"],
  maxSocketsPerAddress: ["MAX_SOCKETS_PER_ADDRESS", positiveInt, "200"],
  slowReaderBytes: ["SLOW_READER_BYTES", positiveInt, "1048576"],
  matchSlowAfterMs: ["MATCH_SLOW_AFTER_MS", positiveInt, "120000"],
  matchSweepMs: ["MATCH_SWEEP_MS", z.coerce.number().int().min(50), "5000"],
  matchGroupSize: ["MATCH_GROUP_SIZE", z.coerce.number().int().min(2).max(50), "6"],
  secureCookies: ["SECURE_COOKIES", bool, "false"],
  supporterBreakAfterMinutes: ["SUPPORTER_BREAK_AFTER_MINUTES", positive, "120"],
  retentionDays: ["RETENTION_DAYS", positiveInt.optional(), undefined],
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K][1]> };
export type ConfigKey = keyof Config;

export class ConfigError extends Error {}

/** URLs that may hold credentials: their passwords are masked when printed. */
const urlKeys = new Set<ConfigKey>(["databaseUrl", "redisUrl"]);
/** Secrets: never printed at all. */
const secretKeys = new Set<ConfigKey>(["metricsToken"]);

export const configKeys = Object.keys(settings) as ConfigKey[];

export function envName(key: ConfigKey): string {
  return settings[key][0];
}

export function flagName(key: ConfigKey): string {
  return envName(key).toLowerCase().replaceAll("_", "-");
}

/**
 * Reads settings from flags first, then the environment, then defaults.
 * `overrides` lets tests and tools pass values directly, as an operator would type them.
 */
export function loadConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<ConfigKey, string>> = {},
): Config {
  const flagOptions = Object.fromEntries(configKeys.map((k) => [flagName(k), { type: "string" as const }]));
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({ args: argv, options: flagOptions, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (err) {
    throw new ConfigError(`Unknown or malformed command-line option: ${(err as Error).message}`);
  }
  const config: Record<string, unknown> = {};
  for (const key of configKeys) {
    const [name, schema, fallback] = settings[key];
    const raw = overrides[key] ?? flags[flagName(key)] ?? nonEmpty(env[name]) ?? fallback;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => i.message).join("; ");
      throw new ConfigError(`Invalid setting ${name} (--${flagName(key)}): ${why}`);
    }
    config[key] = parsed.data;
  }
  return config as Config;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

/** The effective configuration with passwords in URLs masked, for the start-up log line. */
export function describeConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of configKeys) {
    const value = config[key];
    if (typeof value === "string" && secretKeys.has(key)) out[key] = "****";
    else out[key] = urlKeys.has(key) && typeof value === "string" ? maskUrl(value) : value;
  }
  return out;
}

function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "****";
  }
}

/** Fastify's `trustProxy`: "false", "true", a hop count, or a comma list of addresses/CIDRs. */
export function trustProxyOption(value: string): boolean | number | string[] {
  if (value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((s) => s.trim());
}
