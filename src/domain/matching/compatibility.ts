/**
 * Who may be matched with whom, as SQL conditions on a candidate's user id
 * column (protocol.md "Experiences and matching"): shares a language, is not
 * blocked either way, is not already in a live one-to-one with the requester,
 * shares an experience. Filtering in the query, not after it, is what lets a
 * page of candidates hold only compatible ones: a compatible member behind a
 * hundred incompatible ones is still found.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";

/** `column` (a user id) speaks a language with one of these base languages. */
export function speaksAnyOf(column: string, bases: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from user_languages ul where ul.user_id = ${sql.ref(column)} and ul.base_language in (${sql.join(bases)}))`;
}

/** Neither `column` nor `userId` blocked the other. */
export function notBlockedEitherWay(column: string, userId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from blocks b where (b.blocker_id = ${userId} and b.blocked_id = ${sql.ref(column)}) or (b.blocker_id = ${sql.ref(column)} and b.blocked_id = ${userId}))`;
}

/** `column` and `userId` share no direct conversation that is still open. */
export function noLiveOneToOneWith(column: string, userId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`not exists (
    select 1 from conversation_members mine
    join conversations c on c.id = mine.conversation_id
    join conversation_members other on other.conversation_id = mine.conversation_id
    where mine.user_id = ${userId} and other.user_id = ${sql.ref(column)} and c.kind = 'direct' and c.closed_at is null)`;
}

/** `column` (a user id) has one of these experiences on their profile. */
export function hasProfileExperience(column: string, tags: readonly string[]): RawBuilder<SqlBool> {
  if (tags.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from user_experiences ue where ue.user_id = ${sql.ref(column)} and ue.tag_id in (${sql.join(tags)}))`;
}

/** The request in `column` (a request id) asked about one of these experiences. */
export function requestAsksAbout(column: string, tags: readonly string[]): RawBuilder<SqlBool> {
  if (tags.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from match_request_experiences mre where mre.request_id = ${sql.ref(column)} and mre.tag_id in (${sql.join(tags)}))`;
}
