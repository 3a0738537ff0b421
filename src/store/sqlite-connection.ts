/**
 * One synchronous connection to a SQLite file, through whichever driver the
 * running Node.js can use safely:
 *
 * - Node's own `node:sqlite` wherever it is built in and complete (Node 22.16+
 *   and 24). better-sqlite3 12 must not be loaded there: from Node 24 on, each
 *   of its objects removes a cleanup hook when the garbage collector frees it,
 *   and a collection that runs outside a JavaScript context (V8 schedules many
 *   as background tasks) then aborts the whole process with
 *   `Assertion failed: (env) != nullptr`, mid-run, not only at exit.
 * - better-sqlite3 on Node 20, which has no `node:sqlite`. Its 13.x line, free
 *   of that bug, needs a newer Node-API than Node 20 offers.
 *
 * Both speak the same small surface below, so the store, its migrations, the
 * checkpoint worker and the tests never ask which driver they have.
 */
import { createRequire } from "node:module";
import type { SqliteDatabase, SqliteStatement } from "kysely";

export interface SqliteConnection extends SqliteDatabase {
  /** Runs statements that take no parameters and return nothing wanted (schema, PRAGMA settings). */
  exec(text: string): void;
  prepare(text: string): Statement;
}

/** Kysely's statement shape, plus `get` for the first row. */
export interface Statement extends SqliteStatement {
  get(parameters?: readonly unknown[]): unknown;
}

export type SqliteDriver = "node:sqlite" | "better-sqlite3";

/** What this file needs of `node:sqlite` (the Node 20 type definitions do not describe it). */
interface NodeSqlite {
  DatabaseSync: new (path: string, options: { readOnly: boolean; enableForeignKeyConstraints: boolean }) => NodeSqliteDatabase;
  StatementSync: { prototype: object };
}
interface NodeSqliteDatabase {
  exec(text: string): void;
  prepare(text: string): NodeSqliteStatement;
  close(): void;
}
interface NodeSqliteStatement {
  all(...parameters: unknown[]): unknown[];
  get(...parameters: unknown[]): unknown;
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
  columns(): Array<{ name: string }>;
  setReturnArrays(enabled: boolean): void;
}

const require = createRequire(import.meta.url);

function loadNodeSqlite(): NodeSqlite | undefined {
  try {
    const module = require("node:sqlite") as NodeSqlite;
    // Both arrived in Node 22.16: `columns()` tells a query that returns rows from one that
    // does not, and `setReturnArrays()` lets rows be built as ordinary objects.
    const statement = module.StatementSync.prototype;
    return "columns" in statement && "setReturnArrays" in statement ? module : undefined;
  } catch {
    return undefined;
  }
}

const nodeSqlite = loadNodeSqlite();

export const sqliteDriver: SqliteDriver = nodeSqlite ? "node:sqlite" : "better-sqlite3";

/** The file a worker thread `require`s to open its own connection with the same driver. */
export const betterSqliteModule = nodeSqlite ? undefined : require.resolve("better-sqlite3");

export function openSqliteConnection(file: string, options: { readonly?: boolean } = {}): SqliteConnection {
  const readonly = options.readonly ?? false;
  return nodeSqlite ? openWithNodeSqlite(nodeSqlite, file, readonly) : openWithBetterSqlite(file, readonly);
}

function openWithNodeSqlite(module: NodeSqlite, file: string, readonly: boolean): SqliteConnection {
  // Foreign keys start off, as on better-sqlite3: the store turns them on itself, and the
  // migrations that rebuild tables turn them off while they do.
  const db = new module.DatabaseSync(file, { readOnly: readonly, enableForeignKeyConstraints: false });
  return {
    exec: (text) => db.exec(text),
    close: () => db.close(),
    prepare(text) {
      const statement = db.prepare(text);
      // Rows as ordinary objects, as better-sqlite3 makes them (node:sqlite's own have a null
      // prototype): built from value arrays, so each row is allocated once.
      const names = statement.columns().map((column) => column.name);
      statement.setReturnArrays(true);
      const toRow = (values: unknown) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = (values as unknown[])[i];
        return row;
      };
      return {
        reader: names.length > 0,
        all: (parameters) => statement.all(...parameters).map(toRow),
        get: (parameters = []) => {
          const values = statement.get(...parameters);
          return values === undefined ? undefined : toRow(values);
        },
        run: (parameters) => statement.run(...parameters),
        *iterate(parameters) {
          for (const values of statement.iterate(...parameters)) yield toRow(values);
        },
      };
    },
  };
}

function openWithBetterSqlite(file: string, readonly: boolean): SqliteConnection {
  // Its database and statements already have this shape: arrays bind as positional parameters.
  const Database = require("better-sqlite3") as new (file: string, options: { readonly: boolean }) => SqliteConnection;
  return new Database(file, { readonly });
}

/** True when a SQLite write failed on a UNIQUE or PRIMARY KEY constraint, whichever driver raised it. */
export function isSqliteUniqueViolation(err: { code?: string; errcode?: number }): boolean {
  // better-sqlite3 names the extended result code; node:sqlite gives its number.
  const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
  const SQLITE_CONSTRAINT_UNIQUE = 2067;
  return (
    err.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    err.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    err.errcode === SQLITE_CONSTRAINT_UNIQUE ||
    err.errcode === SQLITE_CONSTRAINT_PRIMARYKEY
  );
}
