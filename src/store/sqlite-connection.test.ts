/**
 * The SQLite connection behaves the same whichever driver this Node.js uses
 * (node:sqlite on 22.16+ and 24, better-sqlite3 on 20), and statements that
 * the garbage collector frees while the event loop runs never abort the
 * process: on Node 24 they did, with better-sqlite3 12.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { removeDataDir, tempDataDir } from "../../test/helpers/server.js";
import { isUniqueViolation } from "./database.js";
import { type SqliteConnection, openSqliteConnection, sqliteDriver } from "./sqlite-connection.js";

let dir: string;
let db: SqliteConnection;

before(() => {
  dir = tempDataDir();
  db = openSqliteConnection(join(dir, "connection.db"));
  db.exec("create table notes (id integer primary key, text text not null unique)");
});

after(() => {
  db.close();
  removeDataDir(dir);
});

test("the driver is Node's own SQLite wherever it is complete, better-sqlite3 elsewhere", () => {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  const hasNodeSqlite = major > 22 || (major === 22 && minor >= 16);
  assert.equal(sqliteDriver, hasNodeSqlite ? "node:sqlite" : "better-sqlite3");
});

test("statements say whether they return rows, and rows are ordinary objects", () => {
  const insert = db.prepare("insert into notes (text) values (?)");
  assert.equal(insert.reader, false);
  assert.deepEqual(insert.run(["first"]), { changes: 1, lastInsertRowid: 1 });
  insert.run(["second"]);

  const select = db.prepare("select id, text from notes where id >= ? order by id");
  assert.equal(select.reader, true);
  assert.deepStrictEqual(select.all([1]), [
    { id: 1, text: "first" },
    { id: 2, text: "second" },
  ]);
  assert.deepStrictEqual(select.get([2]), { id: 2, text: "second" });
  assert.equal(select.get([3]), undefined);
  assert.deepStrictEqual([...select.iterate([2])], [{ id: 2, text: "second" }]);
  assert.equal(db.prepare("insert into notes (text) values (?) returning id").reader, true);
});

test("a UNIQUE or PRIMARY KEY conflict is recognised from either driver's error", () => {
  const conflict = (sql: string, parameters: unknown[]) => {
    try {
      db.prepare(sql).run(parameters);
    } catch (err) {
      return err;
    }
    assert.fail(`no conflict for ${sql}`);
  };
  assert.equal(isUniqueViolation(conflict("insert into notes (text) values (?)", ["first"])), true);
  assert.equal(isUniqueViolation(conflict("insert into notes (id, text) values (?, ?)", [1, "other"])), true);
  assert.equal(isUniqueViolation(conflict("insert into notes (text) values (?)", [null])), false, "NOT NULL is another constraint");
});

test("statements freed by the garbage collector between event-loop turns do not abort the process", () => {
  // A child process prepares thousands of throwaway statements across timer turns, so that
  // collections run outside any JavaScript context; it must finish and exit cleanly.
  const module = pathToFileURL(fileURLToPath(new URL("./sqlite-connection.ts", import.meta.url))).href;
  const file = join(dir, "collected.db");
  const script = `
    const { openSqliteConnection } = await import(${JSON.stringify(module)});
    const db = openSqliteConnection(${JSON.stringify(file)});
    let turns = 0;
    const turn = () => {
      for (let i = 0; i < 2000; i++) db.prepare("select " + (i % 50) + " as x").get();
      if (++turns < 150) setTimeout(turn, 1);
      else { db.close(); console.log("finished"); }
    };
    turn();
  `;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], { encoding: "utf8", timeout: 60_000 });
  assert.equal(child.signal, null, `the process was killed by ${child.signal}: ${child.stderr}`);
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), "finished");
});
