/**
 * GroupCommit on a real SQLite file: the writes of one event-loop turn share
 * one transaction, a failing write rejects alone while the rest commit, each
 * write's afterCommit runs after COMMIT and before any caller hears back, and
 * drain waits for everything queued.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { type Generated, Kysely, SqliteDialect, sql } from "kysely";
import { removeDataDir, tempDataDir } from "../../test/helpers/server.js";
import type { Store } from "./database.js";
import { GroupCommit } from "./group-commit.js";
import { type SqliteConnection, openSqliteConnection } from "./sqlite-connection.js";

interface Notes {
  notes: { id: Generated<number>; text: string };
}

let dir: string;
let file: string;
let db: Kysely<Notes>;
/** A second connection to the same file: it sees only what was committed. */
let outside: SqliteConnection;
let commit: GroupCommit;
let afterCommitErrors: unknown[];

beforeEach(async () => {
  dir = tempDataDir();
  file = join(dir, "group-commit.db");
  const main = openSqliteConnection(file);
  main.exec("PRAGMA journal_mode = WAL");
  db = new Kysely<Notes>({ dialect: new SqliteDialect({ database: main }) });
  await sql`create table notes (id integer primary key, text text not null unique)`.execute(db);
  outside = openSqliteConnection(file, { readonly: true });
  afterCommitErrors = [];
  commit = new GroupCommit(db as unknown as Store, (err) => afterCommitErrors.push(err));
});

afterEach(async () => {
  outside.close();
  await db.destroy();
  removeDataDir(dir);
});

const store = (trx: Store) => trx as unknown as Kysely<Notes>;
const insert = (text: string) => async (trx: Store) => {
  await store(trx).insertInto("notes").values({ text }).execute();
  return text;
};
const committed = () => (outside.prepare("select text from notes order by id").all([]) as Array<{ text: string }>).map((r) => r.text);

test("writes queued in one turn share one transaction; a later turn gets the next", async () => {
  const seen: Store[] = [];
  const write = (text: string) => async (trx: Store) => {
    seen.push(trx);
    return insert(text)(trx);
  };
  const first = [commit.run(write("a")), commit.run(write("b")), commit.run(write("c"))];
  await Promise.all(first);
  assert.equal(new Set(seen).size, 1, "one transaction for the three");
  await commit.run(write("d"));
  assert.equal(new Set(seen).size, 2, "the next turn is another transaction");
  assert.deepEqual(committed(), ["a", "b", "c", "d"]);
});

test("a failing write rejects alone, with its own error and nothing of it kept; the others commit", async () => {
  const failing = async (trx: Store) => {
    await store(trx).insertInto("notes").values({ text: "half-done" }).execute();
    throw new Error("this write fails after a first insert");
  };
  const called: string[] = [];
  const results = await Promise.allSettled([
    commit.run(insert("kept-1"), () => called.push("kept-1")),
    commit.run(failing, () => called.push("failing")),
    commit.run(insert("kept-1"), () => called.push("duplicate")), // violates the unique key
    commit.run(insert("kept-2"), () => called.push("kept-2")),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["fulfilled", "rejected", "rejected", "fulfilled"],
  );
  assert.match(String((results[1] as PromiseRejectedResult).reason), /fails after a first insert/);
  assert.match(String((results[2] as PromiseRejectedResult).reason), /UNIQUE/);
  assert.deepEqual(committed(), ["kept-1", "kept-2"], "the failed writes left nothing, not even their first insert");
  assert.deepEqual(called, ["kept-1", "kept-2"], "afterCommit runs only for writes that committed");
});

test("each afterCommit runs after COMMIT, in queue order, before any caller's promise resolves", async () => {
  const order: string[] = [];
  const runs = ["x", "y", "z"].map((text) =>
    commit
      .run(insert(text), () => {
        // Visible to another connection: the batch is committed before its follow-ups run.
        assert.ok(committed().includes(text), `${text} committed before its afterCommit`);
        order.push(`after ${text}`);
      })
      .then(() => order.push(`resolved ${text}`)),
  );
  await Promise.all(runs);
  assert.deepEqual(afterCommitErrors, []);
  assert.deepEqual(order, ["after x", "after y", "after z", "resolved x", "resolved y", "resolved z"]);
});

test("an afterCommit that throws is reported and does not stop the others", async () => {
  const called: string[] = [];
  const results = await Promise.allSettled([
    commit.run(insert("p"), () => {
      throw new Error("follow-up failed");
    }),
    commit.run(insert("q"), () => called.push("q")),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ["fulfilled", "fulfilled"],
    "the write itself committed",
  );
  assert.deepEqual(called, ["q"]);
  assert.equal(afterCommitErrors.length, 1);
  assert.deepEqual(committed(), ["p", "q"]);
});

test("drain resolves once everything queued so far is committed", async () => {
  let resolved = 0;
  for (let i = 0; i < 50; i++) void commit.run(insert(`n${i}`)).then(() => resolved++);
  assert.deepEqual(committed(), [], "nothing is committed before the turn ends");
  await commit.drain();
  assert.equal(committed().length, 50);
  // Callers hear back in the same turn as the commit, so by now every promise has resolved.
  await Promise.resolve();
  assert.equal(resolved, 50);
});
