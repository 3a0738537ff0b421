/**
 * The operator's command line (protocol.md "Running an instance"):
 *   npm run kindred -- admin grant <handle> <role>
 *   npm run kindred -- admin revoke <handle> <role>
 * It opens the same store the server uses (DATA_DIR or DATABASE_URL, from the
 * environment or the same --flags as `npm start`).
 */
import { ConfigError, loadConfig } from "../config.js";
import { grantRole, revokeRole, roles, rolesOf } from "../domain/accounts/roles.js";
import { KindredError } from "../protocol/errors.js";
import { closeStore, openStore } from "../store/database.js";
import type { Role } from "../store/schema.js";

const usage = `Usage:
  npm run kindred -- admin grant <handle> <role>
  npm run kindred -- admin revoke <handle> <role>
Roles: ${roles.join(", ")}. Settings (DATA_DIR, DATABASE_URL, ...) as for npm start.`;

class UsageError extends Error {}

async function run(args: string[]): Promise<string> {
  const positional = args.filter((a) => !a.startsWith("--"));
  const flags = args.filter((a) => a.startsWith("--"));
  const [area, action, handle, role, ...rest] = positional;
  if (area !== "admin" || (action !== "grant" && action !== "revoke") || !handle || !role || rest.length > 0) {
    throw new UsageError(usage);
  }
  if (!roles.includes(role as Role)) throw new UsageError(`Unknown role "${role}". Roles: ${roles.join(", ")}.`);
  const config = loadConfig(flags);
  const db = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const user = action === "grant" ? await grantRole(db, handle, role as Role) : await revokeRole(db, handle, role as Role);
    const now = ["member", ...(await rolesOf(db, user.id))].join(", ");
    return `${action === "grant" ? "Granted" : "Revoked"} ${role} ${action === "grant" ? "to" : "from"} ${user.handle}. Roles now: ${now}.`;
  } finally {
    await closeStore(db);
  }
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof KindredError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error("kindred:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
