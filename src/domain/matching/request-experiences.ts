/** The experiences a match request asked about, one row each in `match_request_experiences`. */
import type { Store } from "../../store/database.js";

export async function experiencesOfRequest(db: Store, requestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("match_request_experiences as mre")
    .innerJoin("experience_tags as t", "t.id", "mre.tag_id")
    .select("mre.tag_id")
    .where("mre.request_id", "=", requestId)
    .orderBy("t.position")
    .execute();
  return rows.map((r) => r.tag_id);
}

export async function experiencesOfRequests(db: Store, requestIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (requestIds.length === 0) return map;
  const rows = await db.selectFrom("match_request_experiences").select(["request_id", "tag_id"]).where("request_id", "in", requestIds).execute();
  for (const r of rows) map.set(r.request_id, [...(map.get(r.request_id) ?? []), r.tag_id]);
  return map;
}

/** Stores a new request's experiences inside the caller's transaction. */
export async function setRequestExperiences(trx: Store, requestId: string, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length > 0)
    await trx
      .insertInto("match_request_experiences")
      .values(unique.map((tag_id) => ({ request_id: requestId, tag_id })))
      .execute();
}
