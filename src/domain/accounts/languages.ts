/**
 * The languages a member speaks, one row each in `user_languages`, so matching
 * filters on them in SQL. A member who set none is treated as speaking the
 * instance's default language, `en` (protocol.md "Crisis support and supporters").
 */
import type { Store } from "../../store/database.js";

export const defaultLanguage = "en";

/** "pt" for "pt-BR": members who share a base language can talk. */
export function baseLanguage(code: string): string {
  return code.split("-")[0]!;
}

/** A member's languages, in the order they gave them. */
export async function languagesOf(db: Store, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("user_languages").select("language").where("user_id", "=", userId).orderBy("position").execute();
  return rows.map((r) => r.language);
}

/** Languages of several members at once (for answers that list many). */
export async function languagesOfMany(db: Store, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom("user_languages").select(["user_id", "language"]).where("user_id", "in", userIds).orderBy("position").execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.language]);
  return map;
}

/** The base languages a member is matched on: theirs, or the default when they set none. */
export async function matchingBasesOf(db: Store, userId: string): Promise<string[]> {
  const languages = await languagesOf(db, userId);
  return [...new Set((languages.length ? languages : [defaultLanguage]).map(baseLanguage))];
}

/** Replaces a member's languages inside the caller's transaction. */
export async function setLanguages(trx: Store, userId: string, languages: string[]): Promise<void> {
  await trx.deleteFrom("user_languages").where("user_id", "=", userId).execute();
  const unique = [...new Set(languages)];
  if (unique.length === 0) return;
  await trx
    .insertInto("user_languages")
    .values(unique.map((language, position) => ({ user_id: userId, language, base_language: baseLanguage(language), position })))
    .execute();
}
