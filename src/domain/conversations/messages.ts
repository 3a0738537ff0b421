/**
 * Sending, editing and deleting messages (protocol.md "Conversations" and the
 * `send` op). Delivery guarantees (docs/delivery.md):
 * - whether the sender may send (membership, closure, blocks) is decided by
 *   policy.ts inside the transaction that assigns the seq, never before it;
 * - the ack (`onStored`) runs only after the COMMIT that stores the message;
 * - a repeated `clientMsgId` from the same sender returns the original message
 *   and creates no event, even when the repeats race on different sockets or nodes;
 * - a failed send stores nothing, so the client may retry with the same id.
 */
import { newId } from "../../store/ids.js";
import { sql } from "kysely";
import { KindredError } from "../../protocol/errors.js";
import type { ConversationEvent } from "../../protocol/common.js";
import type { SendMessageBody } from "../../protocol/rest/conversations.js";
import type { SenderNotice } from "../../protocol/ws/server-frames.js";
import { type Store, type Tx, isUniqueViolation } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import { prepared } from "../../store/prepared.js";
import type { Notifier } from "../notifier.js";
import { event } from "./conversations.js";
import { appendEvent, messageData } from "./log.js";
import { canSend } from "./policy.js";
import { requireMembership } from "./membership.js";

export interface StoredMessage {
  conversationId: string;
  messageId: string;
  seq: number;
  /** True when this was a repeat of an earlier send: no new event exists. */
  duplicate: boolean;
  /** The `message.created` event (also rebuilt for a repeat, for REST answers). */
  event: ConversationEvent;
  /** Members the event must not reach (they blocked the sender), decided in the write. */
  hiddenFrom: string[];
  /** The sender's region as the write saw it (for after-send hooks; null on a repeat). */
  senderRegion: string | null;
}

export interface SendInput extends SendMessageBody {
  conversationId: string;
}

/**
 * Runs after the commit of a new message, before its fan-out, and speaks only
 * to the sender: what it returns goes to the sending socket right after the ack
 * (the crisis check is one). It must be quick and must not throw.
 */
export type AfterSendHook = (sent: { userId: string; region: string | null; conversationId: string; messageId: string; body: string }) => SenderNotice | null;

/** Told after COMMIT, in order: the stored message, then anything the hooks have for the sender alone. */
export type OnStored = (stored: StoredMessage, notices: SenderNotice[]) => void;

export class Messages {
  private readonly hooks: AfterSendHook[] = [];

  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
  ) {}

  /** Adds a hook that sees every new message after its commit and may answer its sender privately. */
  afterSend(hook: AfterSendHook): void {
    this.hooks.push(hook);
  }

  /**
   * The one send path, for REST, WebSocket and anything else. Inside the next
   * group commit: a repeated clientMsgId answers the original; otherwise the
   * policy decides (NOT_FOUND, CONFLICT when closed, BLOCKED) and the message
   * takes the next seq. `onStored` runs after COMMIT and before the event fans
   * out, so the sender's socket sees its ack (and any notice) first.
   */
  async send(userId: string, input: SendInput, onStored?: OnStored, now = Date.now()): Promise<StoredMessage> {
    const write = async (trx: Tx): Promise<StoredMessage> => {
      const existing = await findByClientMsgId(trx, userId, input.clientMsgId);
      if (existing) return existing;
      const reach = await canSend(trx, userId, input.conversationId);
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
      const created = event(input.conversationId, seq, "message.created", userId, now, data);
      return {
        conversationId: input.conversationId,
        messageId,
        seq,
        duplicate: false,
        event: created,
        hiddenFrom: reach.hiddenFrom,
        senderRegion: reach.region,
      };
    };
    const afterCommit = (stored: StoredMessage) => {
      const notices = stored.duplicate ? [] : this.noticesFor(userId, stored, input.body);
      onStored?.(stored, notices);
      if (!stored.duplicate) this.notify.events([stored.event], stored.hiddenFrom);
    };
    try {
      return await this.commit.run(write, afterCommit);
    } catch (err) {
      // The same clientMsgId committed by another node between our check and our insert.
      if (!isUniqueViolation(err)) throw err;
      const original = await findByClientMsgId(this.db, userId, input.clientMsgId);
      if (!original) throw err;
      onStored?.(original, []);
      return original;
    }
  }

  private noticesFor(userId: string, stored: StoredMessage, body: string): SenderNotice[] {
    const notices: SenderNotice[] = [];
    for (const hook of this.hooks) {
      const notice = hook({ userId, region: stored.senderRegion, conversationId: stored.conversationId, messageId: stored.messageId, body });
      if (notice) notices.push(notice);
    }
    return notices;
  }

  /**
   * PATCH /api/v1/conversations/:id/messages/:messageId: the author edits; a
   * `message.edited` event follows. Decided inside the write: the update only
   * touches a message that is still the author's, still undeleted, in a
   * conversation they still belong to; otherwise NOT_FOUND and no event, so an
   * edit racing a deletion can never put text back into a tombstone. New words
   * follow the send's policy: not into a closed conversation or across a block.
   */
  async edit(userId: string, conversationId: string, messageId: string, body: string, contentWarning: string | null | undefined, now = Date.now()) {
    await this.requireOwnMessage(userId, conversationId, messageId);
    const edited = await this.commit.run(
      async (trx) => {
        const reach = await canSend(trx, userId, conversationId);
        const update: { body: string; edited_at: number; content_warning?: string | null } = { body, edited_at: now };
        if (contentWarning !== undefined) update.content_warning = contentWarning;
        await claimOwnLiveMessage(trx, userId, conversationId, messageId, update);
        const seq = await appendEvent(trx, conversationId, { type: "message.edited", actorId: userId, messageId }, now);
        const row = await trx.selectFrom("messages").selectAll().where("id", "=", messageId).executeTakeFirstOrThrow();
        return { event: event(conversationId, seq, "message.edited", userId, now, messageData({ ...row, message_id: row.id })), hiddenFrom: reach.hiddenFrom };
      },
      (done) => this.notify.events([done.event], done.hiddenFrom),
    );
    return edited.event;
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
  trx: Tx,
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
    // Words erased by retention stay erased: an edit cannot bring them back.
    .where("expired_at", "is", null)
    .where((eb) =>
      eb.exists(eb.selectFrom("conversation_members as m").select("m.user_id").where("m.conversation_id", "=", conversationId).where("m.user_id", "=", userId)),
    )
    .executeTakeFirst();
  if (changed.numUpdatedRows !== 1n) throw new KindredError("NOT_FOUND");
}

// The send path's queries, prepared once (store/prepared.ts).
const byClientMsgId = prepared(2, (db, senderId: string, clientMsgId: string) =>
  db.selectFrom("messages").selectAll().where("sender_id", "=", senderId).where("client_msg_id", "=", clientMsgId),
);

const insertMessage = prepared(
  8,
  (
    db,
    id: string,
    conversationId: string,
    seq: number,
    senderId: string,
    clientMsgId: string,
    body: string,
    contentWarning: string | null,
    createdAt: number,
  ) =>
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
    hiddenFrom: [],
    senderRegion: null,
    event: event(row.conversation_id, seq, "message.created", senderId, Number(row.created_at), data),
  };
}
