/**
 * List fields become child tables, so matching can filter on them in SQL:
 * a member's languages (`user_languages`) and a match request's experiences
 * (`match_request_experiences`), moved out of their JSON columns with the data
 * they hold. A member's experiences already live in `user_experiences`.
 *
 * Rows that belong to rows get the foreign keys they lacked: the log and the
 * messages belong to their conversation, a check-in to its author. Rows whose
 * parent no longer exists could never be read; they are removed first, so the
 * constraints hold on existing data.
 *
 * `checkin.updated` events no longer carry the answers' text (it lives only in
 * the check-in row): earlier events are rewritten to name the fields they changed.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

/** The tables as this migration knows them (later migrations may change them). */
interface Tables {
  users: { id: string; languages: string };
  user_languages: { user_id: string; language: string; base_language: string; position: number };
  match_requests: { id: string; experiences: string };
  match_request_experiences: { request_id: string; tag_id: string };
  experience_tags: { id: string };
  events: { conversation_id: string; seq: number; type: string; data: string | null };
}

const checkinFields = ["hopingFor", "timeAvailable", "avoidTopics"];

export async function up(db: Kysely<Tables>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // SQLite runs migrations outside a transaction (no transactional DDL in Kysely's view), and
  // rebuilding a table needs foreign keys off; the whole change is still one transaction.
  if (sqlite) {
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`begin immediate`.execute(db);
  }
  try {
    await createListTables(db);
    await moveLanguages(db);
    await moveRequestExperiences(db);
    await scrubCheckinEvents(db);
    await removeOrphans(db);
    if (sqlite) await addForeignKeysSqlite(db);
    else await addForeignKeysPostgres(db);
    if (sqlite) {
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken in ${broken.rows.map((r) => r.table).join(", ")}`);
      await sql`commit`.execute(db);
    }
  } catch (err) {
    if (sqlite) await sql`rollback`.execute(db);
    throw err;
  } finally {
    if (sqlite) await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function createListTables(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("user_languages")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    // "pt" for "pt-BR": members who share a base language can talk, so matching filters on it.
    .addColumn("base_language", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_languages_pk", ["user_id", "language"])
    .execute();
  await db.schema.createIndex("user_languages_base_idx").on("user_languages").columns(["base_language", "user_id"]).execute();

  await db.schema
    .createTable("match_request_experiences")
    .addColumn("request_id", "text", (c) => c.notNull().references("match_requests.id").onDelete("cascade"))
    .addColumn("tag_id", "text", (c) => c.notNull().references("experience_tags.id"))
    .addPrimaryKeyConstraint("match_request_experiences_pk", ["request_id", "tag_id"])
    .execute();
  await db.schema.createIndex("match_request_experiences_tag_idx").on("match_request_experiences").columns(["tag_id", "request_id"]).execute();
}

function parsedList(json: string | null): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === "string" && v.length > 0))] : [];
  } catch {
    return [];
  }
}

async function moveLanguages(db: Kysely<Tables>): Promise<void> {
  const users = await db.selectFrom("users").select(["id", "languages"]).execute();
  const rows = users.flatMap((u) => {
    // A member who set no languages is matched as speaking the default one (protocol.md).
    const languages = parsedList(u.languages);
    return (languages.length ? languages : ["en"]).map((language, position) => ({ user_id: u.id, language, base_language: language.split("-")[0]!, position }));
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("user_languages")
      .values(rows.slice(i, i + 500))
      .execute();
  await db.schema.alterTable("users").dropColumn("languages").execute();
}

async function moveRequestExperiences(db: Kysely<Tables>): Promise<void> {
  const known = new Set((await db.selectFrom("experience_tags").select("id").execute()).map((t) => t.id));
  const requests = await db.selectFrom("match_requests").select(["id", "experiences"]).execute();
  const rows = requests.flatMap((r) =>
    parsedList(r.experiences)
      .filter((tag) => known.has(tag))
      .map((tag_id) => ({ request_id: r.id, tag_id })),
  );
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("match_request_experiences")
      .values(rows.slice(i, i + 500))
      .execute();
  await db.schema.alterTable("match_requests").dropColumn("experiences").execute();
}

async function scrubCheckinEvents(db: Kysely<Tables>): Promise<void> {
  const events = await db.selectFrom("events").select(["conversation_id", "seq", "data"]).where("type", "=", "checkin.updated").execute();
  for (const e of events) {
    const old = (e.data ? JSON.parse(e.data) : {}) as Record<string, unknown>;
    const data = JSON.stringify({ userId: old.userId ?? null, fields: checkinFields.filter((f) => f in old) });
    await db.updateTable("events").set({ data }).where("conversation_id", "=", e.conversation_id).where("seq", "=", e.seq).execute();
  }
}

/** Rows whose parent is gone could never be read: removed, so the new keys hold. */
async function removeOrphans(db: Kysely<Tables>): Promise<void> {
  await sql`delete from events where conversation_id not in (select id from conversations)`.execute(db);
  await sql`delete from messages where conversation_id not in (select id from conversations)`.execute(db);
  await sql`delete from checkins where user_id not in (select id from users)`.execute(db);
}

async function addForeignKeysPostgres(db: Kysely<Tables>): Promise<void> {
  await sql`alter table events add constraint events_conversation_fk foreign key (conversation_id) references conversations (id) on delete cascade`.execute(db);
  await sql`alter table messages add constraint messages_conversation_fk foreign key (conversation_id) references conversations (id) on delete cascade`.execute(
    db,
  );
  await sql`alter table checkins add constraint checkins_user_fk foreign key (user_id) references users (id) on delete cascade`.execute(db);
  await sql`create index messages_conversation_idx on messages (conversation_id, seq)`.execute(db);
}

/**
 * SQLite cannot add a constraint to a table: each table is rebuilt with it
 * (create the new shape, copy, drop, rename), as SQLite's documentation
 * describes for schema changes it does not support directly.
 */
async function addForeignKeysSqlite(db: Kysely<Tables>): Promise<void> {
  await rebuild(
    db,
    "events",
    sql`create table events_rebuilt (
      conversation_id text not null references conversations (id) on delete cascade,
      seq bigint not null,
      type text not null,
      actor_id text,
      at bigint not null,
      message_id text,
      data text,
      constraint events_pk primary key (conversation_id, seq)
    )`,
    "conversation_id, seq, type, actor_id, at, message_id, data",
  );
  await rebuild(
    db,
    "messages",
    sql`create table messages_rebuilt (
      id text primary key,
      conversation_id text not null references conversations (id) on delete cascade,
      seq bigint not null,
      sender_id text not null,
      client_msg_id text not null,
      body text,
      content_warning text,
      created_at bigint not null,
      edited_at bigint,
      deleted_at bigint,
      constraint messages_sender_client_msg_id unique (sender_id, client_msg_id)
    )`,
    "id, conversation_id, seq, sender_id, client_msg_id, body, content_warning, created_at, edited_at, deleted_at",
  );
  await sql`create index messages_conversation_idx on messages (conversation_id, seq)`.execute(db);
  await rebuild(
    db,
    "checkins",
    sql`create table checkins_rebuilt (
      conversation_id text not null references conversations (id) on delete cascade,
      user_id text not null references users (id) on delete cascade,
      hoping_for text,
      time_available text,
      avoid_topics text,
      updated_at bigint not null,
      constraint checkins_pk primary key (conversation_id, user_id)
    )`,
    "conversation_id, user_id, hoping_for, time_available, avoid_topics, updated_at",
  );
}

async function rebuild(db: Kysely<Tables>, table: string, create: ReturnType<typeof sql>, columns: string): Promise<void> {
  await create.execute(db);
  await sql`insert into ${sql.table(`${table}_rebuilt`)} (${sql.raw(columns)}) select ${sql.raw(columns)} from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(`${table}_rebuilt`)} rename to ${sql.table(table)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0006-list-tables cannot be undone: restore the backup taken before upgrading");
}
