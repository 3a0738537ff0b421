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
import * as listTables from "./migrations/0006-list-tables.js";
import * as support from "./migrations/0007-support.js";
import * as retention from "./migrations/0008-retention.js";

const migrations: Record<string, Migration> = {
  "0001-accounts": accounts,
  "0002-conversations": conversations,
  "0003-experiences": experiences,
  "0004-matching": matching,
  "0005-rooms": rooms,
  "0006-list-tables": listTables,
  "0007-support": support,
  "0008-retention": retention,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  await check(new Migrator({ db, provider }).migrateToLatest());
}

/** Migrates up (or down) to the named migration: for upgrade tests that start from an older schema. */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  await check(new Migrator({ db, provider }).migrateTo(name));
}

async function check(run: ReturnType<Migrator["migrateToLatest"]>): Promise<void> {
  const { error, results } = await run;
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${why}`, { cause: error });
  }
}
