/**
 * The instance's experience-tag catalogue and members' chosen tags
 * (protocol.md "Experiences and matching"). Tags describe experiences, never
 * diagnoses. Retiring a tag stops offering it; profiles that have it keep it.
 */
import { KindredError, badRequest } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";

export interface ExperienceView {
  id: string;
  label: string;
  description: string;
}

export interface AdminExperienceView extends ExperienceView {
  retired: boolean;
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugOf(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

export class Experiences {
  constructor(private readonly db: Store) {}

  /** GET /api/v1/experiences: the tags on offer, in the catalogue's order. */
  async catalogue(): Promise<ExperienceView[]> {
    return this.db.selectFrom("experience_tags").select(["id", "label", "description"]).where("retired_at", "is", null).orderBy("position").execute();
  }

  /** The whole catalogue, retired tags included (for administrators). */
  async all(): Promise<AdminExperienceView[]> {
    const rows = await this.db.selectFrom("experience_tags").selectAll().orderBy("position").execute();
    return rows.map((r) => ({ id: r.id, label: r.label, description: r.description, retired: r.retired_at !== null }));
  }

  /** Adds a tag; its id is the label's slug unless one is given. */
  async create(input: { id?: string; label: string; description: string }, now = Date.now()): Promise<AdminExperienceView> {
    const id = input.id ?? slugOf(input.label);
    if (!slugPattern.test(id)) throw badRequest(input.id ? "id" : "label", "needs letters or digits for an id such as heard-voices");
    const exists = await this.db.selectFrom("experience_tags").select("id").where("id", "=", id).executeTakeFirst();
    if (exists) throw new KindredError("CONFLICT", { message: `A tag with the id "${id}" exists already.`, details: { field: "id" } });
    const last = await this.db
      .selectFrom("experience_tags")
      .select((eb) => eb.fn.max("position").as("max"))
      .executeTakeFirst();
    await this.db
      .insertInto("experience_tags")
      .values({ id, label: input.label, description: input.description, position: Number(last?.max ?? -1) + 1, retired_at: null, created_at: now })
      .execute();
    return { id, label: input.label, description: input.description, retired: false };
  }

  /** Renames, re-describes, retires or restores a tag. */
  async update(id: string, patch: { label?: string; description?: string; retired?: boolean }, now = Date.now()): Promise<AdminExperienceView> {
    const update: { label?: string; description?: string; retired_at?: number | null } = {};
    if (patch.label !== undefined) update.label = patch.label;
    if (patch.description !== undefined) update.description = patch.description;
    if (patch.retired !== undefined) update.retired_at = patch.retired ? now : null;
    if (Object.keys(update).length > 0) {
      const result = await this.db.updateTable("experience_tags").set(update).where("id", "=", id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new KindredError("NOT_FOUND");
    }
    const row = await this.db.selectFrom("experience_tags").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw new KindredError("NOT_FOUND");
    return { id: row.id, label: row.label, description: row.description, retired: row.retired_at !== null };
  }

  /** Throws naming the entry when a tag is not on offer (for requests and rooms). */
  async checkOffered(tagIds: string[], field = "experiences"): Promise<void> {
    const offered = new Set((await this.catalogue()).map((t) => t.id));
    tagIds.forEach((id, i) => {
      if (!offered.has(id)) throw badRequest(`${field}.${i}`, `unknown experience "${id}"`);
    });
  }

  async ofUser(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("user_experiences as ue")
      .innerJoin("experience_tags as t", "t.id", "ue.tag_id")
      .select("ue.tag_id")
      .where("ue.user_id", "=", userId)
      .orderBy("t.position")
      .execute();
    return rows.map((r) => r.tag_id);
  }

  /**
   * Checks tags a member picks: each must be on offer, or already on their
   * profile (a retired tag can be kept, not newly chosen). Throws naming the entry.
   */
  async checkChoice(userId: string, tagIds: string[], field = "experiences"): Promise<void> {
    if (tagIds.length === 0) return;
    const known = await this.db.selectFrom("experience_tags").select(["id", "retired_at"]).where("id", "in", tagIds).execute();
    const kept = new Set(await this.ofUser(userId));
    tagIds.forEach((id, i) => {
      const tag = known.find((t) => t.id === id);
      if (!tag) throw badRequest(`${field}.${i}`, `unknown experience "${id}"`);
      if (tag.retired_at !== null && !kept.has(id)) throw badRequest(`${field}.${i}`, `"${id}" is no longer offered`);
    });
  }

  /** Replaces a member's tags (inside the caller's transaction when given one). */
  async setForUser(trx: Store, userId: string, tagIds: string[]): Promise<void> {
    await trx.deleteFrom("user_experiences").where("user_id", "=", userId).execute();
    const unique = [...new Set(tagIds)];
    if (unique.length > 0)
      await trx
        .insertInto("user_experiences")
        .values(unique.map((tag_id) => ({ user_id: userId, tag_id })))
        .execute();
  }
}
