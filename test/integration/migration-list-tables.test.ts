/**
 * Upgrading a store that holds data to 0006-list-tables, on SQLite and (when
 * configured) PostgreSQL: list fields move to child tables with their order,
 * check-in text leaves the event log, unreadable orphans go, and the new
 * foreign keys hold and cascade.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { openSqliteConnection } from "../../src/store/sqlite-connection.js";
import { migrateTo, migrateToLatest } from "../../src/store/migrate.js";
import { freshDatabase, scaleOutUrls } from "../helpers/postgres.js";
import { removeDataDir, tempDataDir } from "../helpers/server.js";

const now = 1_790_000_000_000;

/** Rows as a 0005 store held them: JSON list columns, check-in text in events, an orphaned event. */
async function seedOldStore(db: Kysely<any>): Promise<void> {
  const user = (id: string, languages: string) => ({
    id,
    handle: id,
    handle_key: id,
    display_name: null,
    about: null,
    languages,
    availability: "listen",
    region: null,
    on_duty: 0,
    password_hash: "x",
    adult_attested_at: now,
    agreement_version: "1",
    agreement_accepted_at: now,
    created_at: now,
  });
  await db
    .insertInto("users")
    .values([user("u1", '["pt-BR","en"]'), user("u2", "[]"), user("u3", "not json")])
    .execute();
  await db
    .insertInto("conversations")
    .values({ id: "c1", kind: "direct", title: null, topic: null, visibility: null, experiences: "[]", last_seq: 3, created_by: null, created_at: now })
    .execute();
  await db
    .insertInto("messages")
    .values({
      id: "m1",
      conversation_id: "c1",
      seq: 3,
      sender_id: "u1",
      client_msg_id: "k1",
      body: "hello",
      content_warning: null,
      created_at: now,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  await db
    .insertInto("events")
    .values([
      { conversation_id: "c1", seq: 1, type: "member.joined", actor_id: "u1", at: now, message_id: null, data: '{"userId":"u1","role":"member"}' },
      {
        conversation_id: "c1",
        seq: 2,
        type: "checkin.updated",
        actor_id: "u1",
        at: now,
        message_id: null,
        data: '{"userId":"u1","hopingFor":"a secret hope","timeAvailable":null,"avoidTopics":null}',
      },
      { conversation_id: "c1", seq: 3, type: "message.created", actor_id: "u1", at: now, message_id: "m1", data: null },
      { conversation_id: "gone", seq: 1, type: "member.joined", actor_id: "u1", at: now, message_id: null, data: null },
    ])
    .execute();
  await db
    .insertInto("checkins")
    .values({ conversation_id: "c1", user_id: "u1", hoping_for: "a secret hope", time_available: null, avoid_topics: null, updated_at: now })
    .execute();
  await db
    .insertInto("match_requests")
    .values([
      {
        id: "r1",
        user_id: "u1",
        mode: "one-to-one",
        experiences: '["trauma","grief","no-such-tag"]',
        anyone: 0,
        note: null,
        status: "waiting",
        conversation_id: null,
        created_at: now,
        matched_at: null,
        slow_notified: 0,
      },
      {
        id: "r2",
        user_id: "u2",
        mode: "group",
        experiences: "[]",
        anyone: 1,
        note: null,
        status: "waiting",
        conversation_id: null,
        created_at: now,
        matched_at: null,
        slow_notified: 0,
      },
    ])
    .execute();
}

async function checkUpgraded(db: Kysely<any>): Promise<void> {
  const languages = await db.selectFrom("user_languages").select(["user_id", "language", "base_language"]).orderBy("user_id").orderBy("position").execute();
  assert.deepEqual(
    languages,
    [
      { user_id: "u1", language: "pt-BR", base_language: "pt" },
      { user_id: "u1", language: "en", base_language: "en" },
      { user_id: "u2", language: "en", base_language: "en" },
      { user_id: "u3", language: "en", base_language: "en" },
    ],
    "order kept; none or unreadable becomes the default language",
  );
  const tags = await db.selectFrom("match_request_experiences").select(["request_id", "tag_id"]).orderBy("request_id").orderBy("tag_id").execute();
  assert.deepEqual(
    tags,
    [
      { request_id: "r1", tag_id: "grief" },
      { request_id: "r1", tag_id: "trauma" },
    ],
    "unknown tags are dropped",
  );
  const userColumns = Object.keys((await db.selectFrom("users").selectAll().executeTakeFirstOrThrow()) as object);
  assert.ok(!userColumns.includes("languages"), "the JSON column is gone");
  const requestColumns = Object.keys((await db.selectFrom("match_requests").selectAll().executeTakeFirstOrThrow()) as object);
  assert.ok(!requestColumns.includes("experiences"));

  const checkin = await db.selectFrom("events").select("data").where("type", "=", "checkin.updated").executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(checkin.data), { userId: "u1", fields: ["hopingFor", "timeAvailable", "avoidTopics"] });
  assert.deepEqual(
    (await db.selectFrom("events").select("conversation_id").distinct().execute()).map((r) => r.conversation_id),
    ["c1"],
    "the orphaned event is gone",
  );

  await assert.rejects(
    db
      .insertInto("events")
      .values({ conversation_id: "nowhere", seq: 1, type: "member.joined", actor_id: null, at: now, message_id: null, data: null })
      .execute(),
    "an event needs its conversation",
  );
  await assert.rejects(
    db.insertInto("user_languages").values({ user_id: "nobody", language: "en", base_language: "en", position: 0 }).execute(),
    "a language row needs its member",
  );
  await db.deleteFrom("users").where("id", "=", "u1").execute();
  assert.equal((await db.selectFrom("user_languages").selectAll().where("user_id", "=", "u1").execute()).length, 0, "languages die with the member");
  assert.equal((await db.selectFrom("match_request_experiences").selectAll().execute()).length, 0, "request experiences die with the request");
  assert.equal((await db.selectFrom("checkins").selectAll().execute()).length, 0, "check-ins die with their author");
  await db.deleteFrom("conversations").where("id", "=", "c1").execute();
  assert.equal((await db.selectFrom("events").selectAll().execute()).length, 0, "the log dies with its conversation");
  assert.equal((await db.selectFrom("messages").selectAll().execute()).length, 0, "messages die with their conversation");
}

test("SQLite: a 0005 store with data upgrades, and foreign keys are enforced afterwards", async () => {
  const dir = tempDataDir();
  const file = openSqliteConnection(join(dir, "upgrade.db"));
  file.exec("PRAGMA journal_mode = WAL");
  file.exec("PRAGMA foreign_keys = ON");
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: file }) });
  try {
    await migrateTo(db, "0005-rooms");
    await seedOldStore(db);
    await migrateToLatest(db);
    assert.deepEqual({ ...(file.prepare("PRAGMA foreign_keys").get() as object) }, { foreign_keys: 1 }, "foreign keys are back on after the rebuild");
    assert.deepEqual(file.prepare("PRAGMA foreign_key_check").all([]), []);
    assert.deepEqual({ ...(file.prepare("PRAGMA integrity_check").get() as object) }, { integrity_check: "ok" });
    await checkUpgraded(db);
  } finally {
    await db.destroy();
    removeDataDir(dir);
  }
});

test(
  "PostgreSQL: a 0005 store with data upgrades, and foreign keys are enforced afterwards",
  { skip: scaleOutUrls ? false : "DATABASE_URL is not set" },
  async () => {
    const database = await freshDatabase(scaleOutUrls!.databaseUrl);
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    try {
      await migrateTo(db, "0005-rooms");
      await seedOldStore(db);
      await migrateToLatest(db);
      await checkUpgraded(db);
    } finally {
      await db.destroy();
      await database.drop();
    }
  },
);
