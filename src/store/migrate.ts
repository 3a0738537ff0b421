/**
 * Versioned migrations, run at start. Listed explicitly (not read from a folder)
 * so the same list works from TypeScript sources and from the built `dist/`.
 * Add a new file for every change; never edit one that has shipped.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as accounts from "./migrations/0001-accounts.js";
import * as conversations from "./migrations/0002-conversations.js";
import * as experiences from "./migrations/0003-experiences.js";
import * as matching from "./migrations/0004-matching.js";
import * as rooms from "./migrations/0005-rooms.js";
import * as support from "./migrations/0006-support.js";

const migrations: Record<string, Migration> = {
  "0001-accounts": accounts,
  "0002-conversations": conversations,
  "0003-experiences": experiences,
  "0004-matching": matching,
  "0005-rooms": rooms,
  "0006-support": support,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${why}`, { cause: error });
  }
}
