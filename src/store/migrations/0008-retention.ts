/**
 * Retention (protocol.md "Privacy"): each member's choice for a conversation,
 * a room's choice made by its facilitator, and when a message's words expired.
 * Nothing is kept of expired words but the tombstone.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("conversation_members").addColumn("retention_days", "integer").execute();
  await db.schema.alterTable("conversations").addColumn("retention_days", "integer").execute();
  await db.schema.alterTable("messages").addColumn("expired_at", "bigint").execute();
  // The sweep looks for words older than a cutoff that are still there.
  await db.schema.createIndex("messages_created_idx").on("messages").column("created_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("messages_created_idx").execute();
  await db.schema.alterTable("messages").dropColumn("expired_at").execute();
  await db.schema.alterTable("conversations").dropColumn("retention_days").execute();
  await db.schema.alterTable("conversation_members").dropColumn("retention_days").execute();
}
