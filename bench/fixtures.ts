/**
 * Seeds a Kindred data directory before the server starts: members with live
 * sessions (bearer tokens), groups of a given size, one-to-ones. Written straight
 * into the store with the project's own migrations and table types, because
 * creating 10,000 members through argon2 would measure hashing, not delivery.
 * Every member has the same real argon2id password hash, so sign-in works too.
 */
import { newId } from "../src/store/ids.js";
import { PasswordHasher } from "../src/domain/accounts/passwords.js";
import { newSessionToken, sha256 } from "../src/domain/accounts/secrets.js";
import { closeStore, openStore } from "../src/store/database.js";
import type { Insertable } from "kysely";
import type {
  ConversationMembersTable,
  ConversationsTable,
  EventsTable,
  SessionsTable,
  UserExperiencesTable,
  UserLanguagesTable,
  UsersTable,
} from "../src/store/schema.js";

export const benchPassword = "bench password for everyone";

export interface Seeded {
  userIds: string[];
  handles: string[];
  tokens: string[];
  /** Conversation ids with the indexes of their members. */
  groups: Array<{ id: string; members: number[] }>;
  directs: Array<{ id: string; members: number[] }>;
}

export interface SeedPlan {
  users: number;
  groupSize?: number;
  /** Put every member in groups of `groupSize` (in order). */
  groups?: boolean;
  /** Pair members 0–1, 2–3, ... in one-to-ones. */
  directs?: boolean;
  availability?: (i: number) => "talk" | "listen" | "either" | "away";
  experiences?: string[];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One real argon2id hash (at the server's default cost) shared by every seeding in a run. */
let sharedHash: Promise<string> | undefined;

export async function seed(dataDir: string, plan: SeedPlan): Promise<Seeded> {
  const db = await openStore({ dataDir });
  const now = Date.now();
  sharedHash ??= new PasswordHasher({ memoryKib: 65536, timeCost: 3, parallelism: 1 }).hash(benchPassword);
  const hash = await sharedHash;
  const seeded: Seeded = { userIds: [], handles: [], tokens: [], groups: [], directs: [] };
  const users: Insertable<UsersTable>[] = [];
  const sessions: Insertable<SessionsTable>[] = [];
  const tags: Insertable<UserExperiencesTable>[] = [];
  const languages: Insertable<UserLanguagesTable>[] = [];
  for (let i = 0; i < plan.users; i++) {
    const id = newId(now + i);
    const handle = `bench${i}`;
    const token = newSessionToken();
    seeded.userIds.push(id);
    seeded.handles.push(handle);
    seeded.tokens.push(token);
    const availability = plan.availability?.(i) ?? "talk";
    users.push({
      id,
      handle,
      handle_key: handle,
      display_name: null,
      about: null,
      availability,
      region: null,
      on_duty: 0,
      password_hash: hash,
      adult_attested_at: now,
      agreement_version: "bench",
      agreement_accepted_at: now,
      created_at: now,
      available_since: availability === "listen" || availability === "either" ? now : null,
    });
    sessions.push({ id: newId(now + i), user_id: id, token_hash: sha256(token), created_at: now, last_used_at: now, expires_at: now + 30 * 86_400_000 });
    for (const tag of plan.experiences ?? []) tags.push({ user_id: id, tag_id: tag });
    languages.push({ user_id: id, language: "en", base_language: "en", position: 0 });
  }
  await db.transaction().execute(async (trx) => {
    for (const c of chunks(users, 500)) await trx.insertInto("users").values(c).execute();
    for (const c of chunks(sessions, 2000)) await trx.insertInto("sessions").values(c).execute();
    for (const c of chunks(tags, 5000)) await trx.insertInto("user_experiences").values(c).execute();
    for (const c of chunks(languages, 5000)) await trx.insertInto("user_languages").values(c).execute();

    const conversations: Insertable<ConversationsTable>[] = [];
    const members: Insertable<ConversationMembersTable>[] = [];
    const events: Insertable<EventsTable>[] = [];
    const addConversation = (kind: "group" | "direct", memberIndexes: number[]) => {
      const id = newId();
      conversations.push({
        id,
        kind,
        title: kind === "group" ? `Bench room ${conversations.length}` : null,
        topic: null,
        visibility: kind === "group" ? ("public" as const) : null,
        last_seq: memberIndexes.length,
        created_by: null,
        created_at: now,
      });
      memberIndexes.forEach((m, k) => {
        const seq = k + 1;
        members.push({ conversation_id: id, user_id: seeded.userIds[m]!, role: "member" as const, joined_seq: seq, read_seq: seq, joined_at: now });
        events.push({
          conversation_id: id,
          seq,
          type: "member.joined",
          actor_id: seeded.userIds[m]!,
          at: now,
          message_id: null,
          data: JSON.stringify({ userId: seeded.userIds[m], role: "member" }),
        });
      });
      return id;
    };
    const size = plan.groupSize ?? 10;
    if (plan.groups) {
      for (let start = 0; start + size <= plan.users; start += size) {
        const indexes = Array.from({ length: size }, (_, k) => start + k);
        seeded.groups.push({ id: addConversation("group", indexes), members: indexes });
      }
    }
    if (plan.directs) {
      for (let a = 0; a + 1 < plan.users; a += 2) seeded.directs.push({ id: addConversation("direct", [a, a + 1]), members: [a, a + 1] });
    }
    for (const c of chunks(conversations, 1000)) await trx.insertInto("conversations").values(c).execute();
    for (const c of chunks(members, 2000)) await trx.insertInto("conversation_members").values(c).execute();
    for (const c of chunks(events, 2000)) await trx.insertInto("events").values(c).execute();
  });
  await closeStore(db);
  return seeded;
}
