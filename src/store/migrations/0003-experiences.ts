/** The experience-tag catalogue, members' chosen tags, and its default contents. */
import type { Kysely } from "kysely";
import { defaultExperiences } from "./default-experiences.js";

/** The tables as this migration knows them (later migrations may change them). */
interface Tables {
  experience_tags: { id: string; label: string; description: string; position: number; retired_at: number | null; created_at: number };
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("experience_tags")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("retired_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_experiences")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("tag_id", "text", (c) => c.notNull().references("experience_tags.id"))
    .addPrimaryKeyConstraint("user_experiences_pk", ["user_id", "tag_id"])
    .execute();
  await db.schema.createIndex("user_experiences_tag_idx").on("user_experiences").column("tag_id").execute();

  const now = Date.now();
  await db
    .insertInto("experience_tags")
    .values(defaultExperiences.map((tag, position) => ({ ...tag, position, retired_at: null, created_at: now })))
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable("user_experiences").execute();
  await db.schema.dropTable("experience_tags").execute();
}
