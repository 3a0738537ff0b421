/** Peer-led rooms (agreement, language, weekly schedule), invite links, matched small groups. */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("conversations").addColumn("language", "text").execute();
  await db.schema.alterTable("conversations").addColumn("agreement", "text").execute();
  await db.schema.alterTable("conversations").addColumn("schedule", "text").execute();
  await db.schema
    .createTable("invites")
    .addColumn("code_hash", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull().references("conversations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .execute();
  await db.schema.createIndex("invites_conversation_idx").on("invites").column("conversation_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("invites").execute();
  for (const column of ["schedule", "agreement", "language"]) await db.schema.alterTable("conversations").dropColumn(column).execute();
}
