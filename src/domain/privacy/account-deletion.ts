/**
 * DELETE /api/v1/me: a member leaves Kindred in one step (protocol.md
 * "Authentication"). One transaction does all of it, so a crash leaves either
 * the whole account or none of it:
 *
 * - every message they sent becomes a tombstone (`body: null, deleted: true`),
 *   each announced as `message.deleted` so it vanishes from open screens too;
 * - they leave every conversation (`member.left`); a one-to-one closes, and so
 *   does a matched group left with fewer than two; a listener matched with them
 *   is free again;
 * - hand-off notes about or by them, and support pairings, are erased;
 * - the user row goes, and with it (foreign keys, on delete cascade) sessions,
 *   recovery codes, languages, experiences, roles, blocks either way, match
 *   requests, check-in answers and shifts. The handle is free again.
 *
 * After the commit their sockets close on every node, and the store is asked
 * to scrub what it deleted (SQLite: secure_delete already overwrote the rows;
 * a TRUNCATE checkpoint empties the write-ahead log of older page images).
 */
import type { ConversationEvent } from "../../protocol/common.js";
import { type Store, type Tx, retryingConflicts } from "../../store/database.js";
import type { Accounts } from "../accounts/accounts.js";
import { event } from "../conversations/conversations.js";
import { lockConversationsOf } from "../conversations/policy.js";
import { appendEvent } from "../conversations/log.js";
import type { Notifier } from "../notifier.js";
import { KindredError } from "../../protocol/errors.js";

export interface DeletedAccount {
  /** Listeners who were matched with the member and may now be matched again. */
  freedListeners: string[];
  /** False when the store could not yet overwrite every old copy of the deleted data (it will, at its next checkpoints). */
  scrubbed: boolean;
}

export class AccountDeletion {
  constructor(
    private readonly db: Store,
    private readonly accounts: Accounts,
    private readonly notify: Notifier,
    /** Overwrites what the store still keeps of deleted rows (see `scrubDeletedData` in the store). */
    private readonly scrub: () => Promise<boolean>,
  ) {}

  async delete(userId: string, password: string, now = Date.now()): Promise<DeletedAccount> {
    if (!(await this.accounts.passwordMatches(userId, password))) {
      throw new KindredError("FORBIDDEN", { message: "That password is not right, so nothing was deleted.", details: { field: "password" } });
    }
    const done = await retryingConflicts(() => this.db.transaction().execute((trx) => erase(trx, userId, now)));
    this.notify.events(done.events);
    for (const conversationId of done.left) this.notify.left(userId, conversationId);
    this.accounts.sessions.endedAll(userId);
    return { freedListeners: done.freedListeners, scrubbed: await this.scrub() };
  }
}

async function erase(trx: Tx, userId: string, now: number) {
  const events: ConversationEvent[] = [];
  // On PostgreSQL, under the locks every send takes (policy.ts): a send already deciding commits
  // first and is tombstoned below with the rest; any later one finds no membership.
  await lockConversationsOf(trx, userId);

  const live = await trx.selectFrom("messages").select(["id", "conversation_id"]).where("sender_id", "=", userId).where("deleted_at", "is", null).execute();
  await trx
    .updateTable("messages")
    .set({ body: null, content_warning: null, deleted_at: now })
    .where("sender_id", "=", userId)
    .where("deleted_at", "is", null)
    .execute();
  for (const message of live) {
    const seq = await appendEvent(trx, message.conversation_id, { type: "message.deleted", actorId: userId, messageId: message.id }, now);
    events.push(event(message.conversation_id, seq, "message.deleted", userId, now, { messageId: message.id, body: null, deleted: true }));
  }

  const memberships = await trx
    .selectFrom("conversation_members as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select(["m.conversation_id", "c.kind", "c.origin", "c.closed_at"])
    .where("m.user_id", "=", userId)
    .execute();
  const freedListeners: string[] = [];
  for (const membership of memberships) {
    const conversationId = membership.conversation_id;
    await trx.deleteFrom("conversation_members").where("conversation_id", "=", conversationId).where("user_id", "=", userId).execute();
    const leftSeq = await appendEvent(trx, conversationId, { type: "member.left", actorId: userId, data: { userId } }, now);
    events.push(event(conversationId, leftSeq, "member.left", userId, now, { userId }));
    const remaining = await trx
      .selectFrom("conversation_members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("conversation_id", "=", conversationId)
      .executeTakeFirstOrThrow();
    const closes = membership.kind === "direct" || (membership.origin === "match" && Number(remaining.n) < 2);
    if (closes && membership.closed_at === null) {
      await trx.updateTable("conversations").set({ closed_at: now }).where("id", "=", conversationId).execute();
      const closedSeq = await appendEvent(trx, conversationId, { type: "conversation.closed", actorId: null }, now);
      events.push(event(conversationId, closedSeq, "conversation.closed", null, now, {}));
    }
    if (membership.kind === "direct") {
      const freed = await trx
        .updateTable("users")
        .set({ listening_in: null, available_since: now })
        .where("listening_in", "=", conversationId)
        .where("id", "!=", userId)
        .returning("id")
        .execute();
      freedListeners.push(...freed.map((f) => f.id));
    }
  }

  await trx
    .deleteFrom("handoffs")
    .where((eb) =>
      eb.or([eb("member_id", "=", userId), eb("from_supporter_id", "=", userId), eb("to_supporter_id", "=", userId), eb("accepted_by", "=", userId)]),
    )
    .execute();
  await trx
    .deleteFrom("support_conversations")
    .where((eb) => eb.or([eb("member_id", "=", userId), eb("supporter_id", "=", userId)]))
    .execute();
  await trx.deleteFrom("users").where("id", "=", userId).execute();

  return { events, left: memberships.map((m) => m.conversation_id), freedListeners };
}
