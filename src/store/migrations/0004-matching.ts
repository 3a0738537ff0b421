/**
 * Matching: requests, the listener's current match, conversations that end,
 * the two-sided check-in and "stay in touch".
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("listening_in", "text").execute();
  await db.schema.alterTable("users").addColumn("available_since", "bigint").execute();
  await db.schema.alterTable("conversations").addColumn("closed_at", "bigint").execute();
  await db.schema.alterTable("conversations").addColumn("origin", "text").execute();
  await db.schema
    .alterTable("conversation_members")
    .addColumn("stay_in_touch", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("match_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("experiences", "text", (c) => c.notNull())
    .addColumn("anyone", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("conversation_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("matched_at", "bigint")
    .addColumn("slow_notified", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("match_requests_waiting_idx").on("match_requests").columns(["status", "mode", "created_at"]).execute();
  await db.schema.createIndex("match_requests_user_idx").on("match_requests").column("user_id").execute();

  await db.schema
    .createTable("checkins")
    .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("hoping_for", "text")
    .addColumn("time_available", "text")
    .addColumn("avoid_topics", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkins_pk", ["conversation_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("checkins").execute();
  await db.schema.dropTable("match_requests").execute();
  await db.schema.alterTable("conversation_members").dropColumn("stay_in_touch").execute();
  await db.schema.alterTable("conversations").dropColumn("origin").execute();
  await db.schema.alterTable("conversations").dropColumn("closed_at").execute();
  await db.schema.alterTable("users").dropColumn("available_since").execute();
  await db.schema.alterTable("users").dropColumn("listening_in").execute();
}
