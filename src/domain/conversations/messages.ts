/**
 * Sending, editing and deleting messages (protocol.md "Conversations" and the
 * `send` op). Delivery guarantees (docs/delivery.md):
 * - the ack (`onStored`) runs only after the COMMIT that stores the message;
 * - a repeated `clientMsgId` from the same sender returns the original message
 *   and creates no event, even when the repeats race on different sockets or nodes;
 * - a failed send stores nothing, so the client may retry with the same id.
 */
import { newId } from "../../store/ids.js";
import { sql } from "kysely";
import { KindredError } from "../../protocol/errors.js";
import type { ConversationEvent } from "../../protocol/events.js";
import type { SendMessageBody } from "../../protocol/http/conversations.js";
import { type Store, isUniqueViolation } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import { prepared } from "../../store/prepared.js";
import type { Notifier } from "../notifier.js";
import type { Blocks } from "../safety/blocks.js";
import { event } from "./conversations.js";
import { appendEvent, messageData } from "./log.js";
import { otherMembers, requireMembership } from "./membership.js";

export interface StoredMessage {
  conversationId: string;
  messageId: string;
  seq: number;
  /** True when this was a repeat of an earlier send: no new event exists. */
  duplicate: boolean;
  /** The `message.created` event (also rebuilt for a repeat, for REST answers). */
  event: ConversationEvent;
}

export interface SendInput extends SendMessageBody {
  conversationId: string;
}

export class Messages {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly blocks: Blocks,
  ) {}

  /**
   * Decides whether `userId` may send to the conversation: NOT_FOUND for
   * non-members, CONFLICT once it closed, BLOCKED in a blocked direct chat.
   */
  async checkSend(userId: string, conversationId: string, known?: { member: boolean; noBlocks: boolean }): Promise<void> {
    // A socket that follows the conversation belongs to a member, and a member on neither side
    // of any block cannot be blocked here: nothing is left to decide. (doSend still checks
    // membership and closure inside its transaction, which is the final word.)
    if (known?.member && known.noBlocks) return;
    const membership = await requireMembership(this.db, userId, conversationId);
    if (membership.closed) throw closedError();
    if (membership.kind !== "direct") return;
    for (const other of await otherMembers(this.db, userId, conversationId)) {
      if (await this.blocks.isBlockedEitherWay(userId, other)) throw new KindredError("BLOCKED");
    }
  }

  /**
   * Stores the message in the next group commit. `onStored` runs after COMMIT and
   * before the event fans out, so the sender's socket sees its ack first.
   */
  async doSend(userId: string, input: SendInput, onStored?: (stored: StoredMessage) => void, now = Date.now()): Promise<StoredMessage> {
    const write = async (trx: Store): Promise<StoredMessage> => {
      const existing = await findByClientMsgId(trx, userId, input.clientMsgId);
      if (existing) return existing;
      const member = (await memberAndClosed.run(trx, input.conversationId, userId)).rows[0];
      if (!member) throw new KindredError("NOT_FOUND");
      if (member.closed_at !== null) throw closedError();
      const messageId = newId(now);
      const seq = await appendEvent(trx, input.conversationId, { type: "message.created", actorId: userId, messageId }, now);
      await insertMessage.run(trx, messageId, input.conversationId, seq, userId, input.clientMsgId, input.body, input.contentWarning ?? null, now);
      const data = messageData({
        message_id: messageId,
        client_msg_id: input.clientMsgId,
        body: input.body,
        content_warning: input.contentWarning ?? null,
        edited_at: null,
        deleted_at: null,
      });
      return { conversationId: input.conversationId, messageId, seq, duplicate: false, event: event(input.conversationId, seq, "message.created", userId, now, data) };
    };
    const afterCommit = (stored: StoredMessage) => {
      onStored?.(stored);
      if (!stored.duplicate) this.notify.events([stored.event]);
    };
    try {
      return await this.commit.run(write, afterCommit);
    } catch (err) {
      // The same clientMsgId committed by another node between our check and our insert.
      if (!isUniqueViolation(err)) throw err;
      const original = await findByClientMsgId(this.db, userId, input.clientMsgId);
      if (!original) throw err;
      onStored?.(original);
      return original;
    }
  }

  /** The message this sender already stored under `clientMsgId`, if any. */
  findOriginal(userId: string, clientMsgId: string): Promise<StoredMessage | undefined> {
    return findByClientMsgId(this.db, userId, clientMsgId);
  }

  /**
   * PATCH /api/v1/conversations/:id/messages/:messageId: the author edits; a
   * `message.edited` event follows. Decided inside the write: the update only
   * touches a message that is still the author's, still undeleted, in a
   * conversation they still belong to; otherwise NOT_FOUND and no event, so an
   * edit racing a deletion can never put text back into a tombstone.
   */
  async edit(userId: string, conversationId: string, messageId: string, body: string, contentWarning: string | null | undefined, now = Date.now()) {
    await this.requireOwnMessage(userId, conversationId, messageId);
    return this.commit.run(
      async (trx) => {
        const update: { body: string; edited_at: number; content_warning?: string | null } = { body, edited_at: now };
        if (contentWarning !== undefined) update.content_warning = contentWarning;
        await claimOwnLiveMessage(trx, userId, conversationId, messageId, update);
        const seq = await appendEvent(trx, conversationId, { type: "message.edited", actorId: userId, messageId }, now);
        const row = await trx.selectFrom("messages").selectAll().where("id", "=", messageId).executeTakeFirstOrThrow();
        return event(conversationId, seq, "message.edited", userId, now, messageData({ ...row, message_id: row.id }));
      },
      (edited) => this.notify.events([edited]),
    );
  }

  /**
   * DELETE /api/v1/conversations/:id/messages/:messageId: the text is erased, a
   * tombstone stays. Decided inside the write like an edit: a message already
   * deleted (a repeat, or a race) is NOT_FOUND and adds no second event.
   */
  async remove(userId: string, conversationId: string, messageId: string, now = Date.now()) {
    await this.requireOwnMessage(userId, conversationId, messageId);
    return this.commit.run(
      async (trx) => {
        await claimOwnLiveMessage(trx, userId, conversationId, messageId, { body: null, content_warning: null, deleted_at: now });
        const seq = await appendEvent(trx, conversationId, { type: "message.deleted", actorId: userId, messageId }, now);
        return event(conversationId, seq, "message.deleted", userId, now, { messageId, body: null, deleted: true });
      },
      (deleted) => this.notify.events([deleted]),
    );
  }

  private async requireOwnMessage(userId: string, conversationId: string, messageId: string): Promise<void> {
    await requireMembership(this.db, userId, conversationId);
    const message = await this.db
      .selectFrom("messages")
      .select(["sender_id", "deleted_at"])
      .where("id", "=", messageId)
      .where("conversation_id", "=", conversationId)
      .executeTakeFirst();
    if (!message || message.deleted_at !== null) throw new KindredError("NOT_FOUND");
    if (message.sender_id !== userId) throw new KindredError("FORBIDDEN", { message: "Only the author can change a message." });
  }
}

/**
 * Changes a message only while it is `userId`'s own, not deleted, in a
 * conversation `userId` is still a member of; NOT_FOUND otherwise. Runs inside
 * the write's transaction, so the check and the change are one step.
 */
async function claimOwnLiveMessage(
  trx: Store,
  userId: string,
  conversationId: string,
  messageId: string,
  change: { body: string | null; edited_at?: number; content_warning?: string | null; deleted_at?: number },
): Promise<void> {
  const changed = await trx
    .updateTable("messages")
    .set(change)
    .where("id", "=", messageId)
    .where("conversation_id", "=", conversationId)
    .where("sender_id", "=", userId)
    .where("deleted_at", "is", null)
    .where((eb) =>
      eb.exists(eb.selectFrom("conversation_members as m").select("m.user_id").where("m.conversation_id", "=", conversationId).where("m.user_id", "=", userId)),
    )
    .executeTakeFirst();
  if (changed.numUpdatedRows !== 1n) throw new KindredError("NOT_FOUND");
}

function closedError(): KindredError {
  return new KindredError("CONFLICT", { message: "This conversation has ended; it takes no new messages.", details: { field: "conversationId" } });
}

// The send path's queries, prepared once (store/prepared.ts).
const byClientMsgId = prepared(2, (db, senderId: string, clientMsgId: string) =>
  db.selectFrom("messages").selectAll().where("sender_id", "=", senderId).where("client_msg_id", "=", clientMsgId),
);

const memberAndClosed = prepared(2, (db, conversationId: string, userId: string) =>
  db
    .selectFrom("conversation_members as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select("c.closed_at")
    .where("m.conversation_id", "=", conversationId)
    .where("m.user_id", "=", userId),
);

const insertMessage = prepared(
  8,
  (db, id: string, conversationId: string, seq: number, senderId: string, clientMsgId: string, body: string, contentWarning: string | null, createdAt: number) =>
    db.insertInto("messages").values({
      id,
      conversation_id: conversationId,
      seq,
      sender_id: senderId,
      client_msg_id: clientMsgId,
      body,
      content_warning: contentWarning,
      created_at: createdAt,
      edited_at: sql`null`,
      deleted_at: sql`null`,
    }),
);

async function findByClientMsgId(db: Store, senderId: string, clientMsgId: string): Promise<StoredMessage | undefined> {
  const row = (await byClientMsgId.run(db, senderId, clientMsgId)).rows[0];
  if (!row) return undefined;
  const seq = Number(row.seq);
  const data = messageData({ ...row, message_id: row.id });
  return {
    conversationId: row.conversation_id,
    messageId: row.id,
    seq,
    duplicate: true,
    event: event(row.conversation_id, seq, "message.created", senderId, Number(row.created_at), data),
  };
}
