/**
 * The operator's command line (protocol.md "Running an instance"):
 *   npm run kindred -- admin grant <handle> <role> [--data-dir DIR | --database-url URL]
 *   npm run kindred -- admin revoke <handle> <role>
 * It opens the same store the server uses (DATA_DIR or DATABASE_URL, from the
 * environment or the same --flags as `npm start`, written `--flag value` or
 * `--flag=value`), says which one, and never creates a database: a command
 * pointed at the wrong directory must fail, not act on an empty new one.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ConfigKey, ConfigError, configKeys, describeConfig, flagName, loadConfig } from "../config.js";
import { grantRole, revokeRole, roles, rolesOf } from "../domain/accounts/roles.js";
import { KindredError } from "../protocol/errors.js";
import { closeStore, openStore, sqliteFile } from "../store/database.js";
import type { Role } from "../store/schema.js";

const usage = `Usage:
  npm run kindred -- admin grant <handle> <role>
  npm run kindred -- admin revoke <handle> <role>
Roles: ${roles.join(", ")}. Settings (DATA_DIR, DATABASE_URL, ...) as for npm start,
from the environment or as flags: --data-dir DIR, --database-url URL, ...`;

class UsageError extends Error {}
/** The store named by the settings is not there; exit 1 and create nothing. */
class NoDatabaseError extends Error {}

/** Splits the command line into positionals and settings, accepting `--flag value` and `--flag=value`. */
function parse(args: string[]): { positionals: string[]; settings: Partial<Record<ConfigKey, string>> } {
  const options = Object.fromEntries(configKeys.map((k) => [flagName(k), { type: "string" as const }]));
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
  const values = parsed.values as Record<string, string | undefined>;
  const settings: Partial<Record<ConfigKey, string>> = {};
  for (const key of configKeys) {
    const value = values[flagName(key)];
    if (value !== undefined) settings[key] = value;
  }
  return { positionals: parsed.positionals, settings };
}

async function run(args: string[], say: (line: string) => void): Promise<string> {
  const { positionals, settings } = parse(args);
  const [area, action, handle, role, ...rest] = positionals;
  if (area !== "admin" || (action !== "grant" && action !== "revoke") || !handle || !role || rest.length > 0) {
    throw new UsageError(usage);
  }
  if (!roles.includes(role as Role)) throw new UsageError(`Unknown role "${role}". Roles: ${roles.join(", ")}.`);
  const config = loadConfig([], process.env, settings);
  if (config.databaseUrl) {
    say(`Using the PostgreSQL database at ${describeConfig(config).databaseUrl as string}.`);
  } else {
    const file = resolve(sqliteFile(config.dataDir));
    if (!existsSync(file)) {
      throw new NoDatabaseError(
        `No Kindred database at ${file}. Point DATA_DIR (or --data-dir) at the server's data directory, ` + "or set DATABASE_URL. Nothing was created.",
      );
    }
    say(`Using the SQLite database at ${file}.`);
  }
  const db = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const user = action === "grant" ? await grantRole(db, handle, role as Role) : await revokeRole(db, handle, role as Role);
    const now = ["member", ...(await rolesOf(db, user.id))].join(", ");
    return `${action === "grant" ? "Granted" : "Revoked"} ${role} ${action === "grant" ? "to" : "from"} ${user.handle}. Roles now: ${now}.`;
  } finally {
    await closeStore(db);
  }
}

run(process.argv.slice(2), (line) => console.log(line)).then(
  (message) => console.log(message),
  (err: unknown) => {
    if (err instanceof NoDatabaseError) {
      console.error(err.message);
      process.exit(1);
    }
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof KindredError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error("kindred:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
