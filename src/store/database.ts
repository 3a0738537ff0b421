/**
 * Opens the store: a SQLite file under DATA_DIR by default, PostgreSQL when
 * DATABASE_URL is set. Both go through Kysely, so queries are written once.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase, type Transaction, sql } from "kysely";
import pg from "pg";
import { type Checkpointer, startCheckpointer } from "./checkpointer.js";
import { migrateToLatest } from "./migrate.js";
import type { Database } from "./schema.js";
import { type SqliteConnection, type Statement, isSqliteUniqueViolation, openSqliteConnection } from "./sqlite-connection.js";

export type Store = Kysely<Database>;

/**
 * A write in progress. Distinct from `Store` on purpose: code that must run
 * inside a write takes a `Tx`, so handing it the database instead (which on
 * SQLite would wait for the open transaction forever, and on PostgreSQL would
 * escape it) is a type error.
 */
export type Tx = Transaction<Database>;

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string;
}

// PostgreSQL returns BIGINT as a string by default; our times fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Background work tied to an open store, stopped by `closeStore`. */
const checkpointers = new WeakMap<Store, Checkpointer>();

export async function openStore(options: StoreOptions): Promise<Store> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.dataDir);
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  if (!options.databaseUrl) checkpointers.set(db, await startCheckpointer(sqliteFile(options.dataDir)));
  return db;
}

/** Closes the store; for SQLite, the last close merges the write-ahead log into the database file. */
export async function closeStore(db: Store): Promise<void> {
  await checkpointers.get(db)?.stop();
  await db.destroy();
}

/**
 * After deleting a member's data: on SQLite, `secure_delete` has already overwritten the
 * deleted rows in the pages written since, but older images of those pages stay in the
 * write-ahead log until it is copied back and emptied. Resolves false if that could not
 * happen yet (a reader held it); the periodic checkpoints copy the pages later, and the log
 * is overwritten as it is reused. PostgreSQL keeps no files under DATA_DIR.
 */
export async function scrubDeletedData(db: Store): Promise<boolean> {
  return (await checkpointers.get(db)?.truncate()) ?? true;
}

export function sqliteFile(dataDir: string): string {
  return join(dataDir, "kindred.db");
}

function openSqlite(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = openSqliteConnection(sqliteFile(dataDir));
  // WAL for concurrent readers; FULL so that a commit (and the ack after it) survives power loss.
  file.exec("PRAGMA journal_mode = WAL");
  file.exec("PRAGMA synchronous = FULL");
  file.exec("PRAGMA foreign_keys = ON");
  file.exec("PRAGMA busy_timeout = 5000");
  // Checkpoints run in a worker thread (checkpointer.ts), never inside a commit on the event loop.
  file.exec("PRAGMA wal_autocheckpoint = 0");
  // Deleted rows are overwritten, not left readable in free pages (account deletion).
  file.exec("PRAGMA secure_delete = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(file) }) });
}

/**
 * Kysely prepares every query it runs; preparing cost a tenth of the CPU of a
 * send. The same SQL text gets the same prepared statement back instead.
 */
function cachingStatements(file: SqliteConnection, limit = 2000): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => file.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = file.prepare(text);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** True on PostgreSQL, where several nodes write at once and row locks order their writes. */
export function isPostgres(db: Store | Tx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** For /readyz: is the store answering? */
export async function storeIsReachable(db: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a whole transaction again when PostgreSQL ended it as a deadlock victim (40P01) or a
 * serialization failure (40001). Writes that lock several rows (a block, an account deletion)
 * can meet a group commit locking the same rows in another order; PostgreSQL then aborts one,
 * which loses nothing and is safe to retry from the start.
 */
export async function retryingConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string } | null)?.code;
      if (attempt >= attempts || (code !== "40P01" && code !== "40001")) throw err;
    }
  }
}

/** True when a write failed because a UNIQUE constraint was hit (either dialect). */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  return (err as { code?: string }).code === "23505" || isSqliteUniqueViolation(err);
}
