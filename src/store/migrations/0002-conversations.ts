/**
 * Conversations, memberships, the per-conversation event log, messages and
 * blocks. `events` is the log that resume replays: its (conversation_id, seq)
 * key is gapless per conversation. Message text lives only in `messages`, so
 * an edit or a deletion changes it in one place.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("conversations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("topic", "text")
    .addColumn("visibility", "text")
    .addColumn("experiences", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("last_seq", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("conversation_members")
    .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("joined_seq", "bigint", (c) => c.notNull())
    .addColumn("read_seq", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("joined_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("conversation_members_pk", ["conversation_id", "user_id"])
    .execute();
  await db.schema.createIndex("conversation_members_user_idx").on("conversation_members").column("user_id").execute();

  await db.schema
    .createTable("events")
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("message_id", "text")
    .addColumn("data", "text")
    .addPrimaryKeyConstraint("events_pk", ["conversation_id", "seq"])
    .execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("sender_id", "text", (c) => c.notNull())
    .addColumn("client_msg_id", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("content_warning", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("edited_at", "bigint")
    .addColumn("deleted_at", "bigint")
    .addUniqueConstraint("messages_sender_client_msg_id", ["sender_id", "client_msg_id"])
    .execute();

  await db.schema
    .createTable("blocks")
    .addColumn("blocker_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("blocked_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("blocks_pk", ["blocker_id", "blocked_id"])
    .execute();
  await db.schema.createIndex("blocks_blocked_idx").on("blocks").column("blocked_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["blocks", "messages", "events", "conversation_members", "conversations"]) {
    await db.schema.dropTable(table).execute();
  }
}
