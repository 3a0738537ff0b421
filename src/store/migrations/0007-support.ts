/**
 * Crisis support: the editable list of crisis lines, the one daily count of
 * crisis notices (nothing else about them is kept), supporters' shifts, the
 * support conversations they are in, and warm hand-offs between supporters.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per UTC day, no member, conversation or text: the only record a crisis notice leaves.
  await db.schema
    .createTable("safety_daily_counts")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();

  // Empty until an administrator replaces the list; until then content/resources.json is served.
  await db.schema
    .createTable("crisis_resources")
    .addColumn("position", "integer", (c) => c.primaryKey())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("supporter_shifts")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("started_at", "bigint")
    .addColumn("break_due_at", "bigint")
    .addColumn("break_notified_at", "bigint")
    .addColumn("serving_in", "text")
    .execute();
  await db.schema.createIndex("supporter_shifts_break_idx").on("supporter_shifts").column("break_due_at").execute();

  await db.schema
    .createTable("support_conversations")
    .addColumn("conversation_id", "text", (c) => c.primaryKey().references("conversations.id").onDelete("cascade"))
    .addColumn("request_id", "text", (c) => c.notNull().unique())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("supporter_id", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_conversations_member_idx").on("support_conversations").column("member_id").execute();
  await db.schema.createIndex("support_conversations_supporter_idx").on("support_conversations").column("supporter_id").execute();

  await db.schema
    .createTable("handoffs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("from_supporter_id", "text", (c) => c.notNull())
    .addColumn("to_supporter_id", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("decided_at", "bigint")
    .addColumn("accepted_by", "text")
    .addColumn("new_conversation_id", "text")
    .execute();
  await db.schema.createIndex("handoffs_conversation_idx").on("handoffs").column("conversation_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["handoffs", "support_conversations", "supporter_shifts", "crisis_resources", "safety_daily_counts"]) {
    await db.schema.dropTable(table).execute();
  }
}
