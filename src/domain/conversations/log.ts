/**
 * The per-conversation event log (delivery-notes.md "order"): seq is assigned
 * inside the write transaction by bumping `conversations.last_seq`, never from
 * clocks, so it starts at 1 and has no gaps. Message events carry no text of
 * their own: it is read from `messages`, so edits and deletions change the
 * one stored copy.
 */
import { type Selectable, sql } from "kysely";
import type { ConversationEvent, EventType } from "../../protocol/common.js";
import type { Store } from "../../store/database.js";
import type { EventsTable, MessagesTable } from "../../store/schema.js";
import { prepared } from "../../store/prepared.js";

export interface NewEvent {
  type: EventType;
  actorId: string | null;
  messageId?: string;
  data?: Record<string, unknown>;
}

const bumpSeq = prepared(1, (db, conversationId: string) =>
  db
    .updateTable("conversations")
    .set({ last_seq: sql`last_seq + 1` })
    .where("id", "=", conversationId)
    .returning("last_seq"),
);

const insertEvent = prepared(
  7,
  (db, conversationId: string, seq: number, type: string, actorId: string | null, at: number, messageId: string | null, data: string | null) =>
    db.insertInto("events").values({ conversation_id: conversationId, seq, type, actor_id: actorId, at, message_id: messageId, data }),
);

/** Appends one event; returns its seq. Must run inside the caller's transaction. */
export async function appendEvent(trx: Store, conversationId: string, event: NewEvent, at: number): Promise<number> {
  const bumped = await bumpSeq.run(trx, conversationId);
  const row = bumped.rows[0];
  if (!row) throw new Error(`no conversation ${conversationId}`);
  const seq = Number(row.last_seq);
  await insertEvent.run(trx, conversationId, seq, event.type, event.actorId, at, event.messageId ?? null, event.data ? JSON.stringify(event.data) : null);
  return seq;
}

export interface EventQuery {
  afterSeq?: number;
  beforeSeq?: number;
  /** Never show events before this seq (a member sees the log from their own join on). */
  fromSeq?: number;
  limit: number;
  /** Newest first when paging backwards; the result is always returned oldest first. */
  newestFirst?: boolean;
  /** Message events whose author is in this set are left out (the reader blocked them). */
  hiddenAuthors?: ReadonlySet<string>;
}

/** Reads a page of the log with message text filled in. */
export async function readEvents(db: Store, conversationId: string, q: EventQuery): Promise<ConversationEvent[]> {
  let query = db
    .selectFrom("events")
    .leftJoin("messages", "messages.id", "events.message_id")
    .select([
      "events.seq",
      "events.type",
      "events.actor_id",
      "events.at",
      "events.message_id",
      "events.data",
      "messages.client_msg_id",
      "messages.body",
      "messages.content_warning",
      "messages.edited_at",
      "messages.deleted_at",
      "messages.expired_at",
    ])
    .where("events.conversation_id", "=", conversationId);
  if (q.afterSeq !== undefined) query = query.where("events.seq", ">", q.afterSeq);
  if (q.beforeSeq !== undefined) query = query.where("events.seq", "<", q.beforeSeq);
  if (q.fromSeq !== undefined) query = query.where("events.seq", ">=", q.fromSeq);
  const rows = await query
    .orderBy("events.seq", q.newestFirst ? "desc" : "asc")
    .limit(q.limit)
    .execute();
  if (q.newestFirst) rows.reverse();
  const events = rows.map((row) => toEvent(conversationId, row));
  return q.hiddenAuthors?.size ? events.filter((e) => !hides(q.hiddenAuthors!, e)) : events;
}

function hides(hidden: ReadonlySet<string>, event: ConversationEvent): boolean {
  return event.type.startsWith("message.") && event.actorId !== null && hidden.has(event.actorId);
}

/** A log row joined with its message, if any (all message columns null for other events). */
type EventRow = Pick<EventsTable, "seq" | "type" | "actor_id" | "at" | "message_id" | "data"> & {
  [K in "client_msg_id" | "body" | "content_warning" | "edited_at" | "deleted_at" | "expired_at"]: Selectable<MessagesTable>[K] | null;
};

export function toEvent(conversationId: string, row: EventRow): ConversationEvent {
  const data: Record<string, unknown> = row.data ? (JSON.parse(row.data) as Record<string, unknown>) : {};
  if (row.message_id) Object.assign(data, messageData(row));
  return {
    conversationId,
    seq: Number(row.seq),
    type: row.type as ConversationEvent["type"],
    at: new Date(Number(row.at)).toISOString(),
    actorId: row.actor_id,
    data,
  };
}

/** The message's current state as event data: a deleted message is a tombstone, and so is one past retention. */
export function messageData(m: {
  message_id: string | null;
  client_msg_id: string | null;
  body: string | null;
  content_warning: string | null;
  edited_at: number | null;
  deleted_at: number | null;
  expired_at?: number | null;
}): Record<string, unknown> {
  const data: Record<string, unknown> = { messageId: m.message_id, clientMsgId: m.client_msg_id };
  if (m.deleted_at !== null) return { ...data, body: null, deleted: true };
  if (m.expired_at != null) return { ...data, body: null, expired: true };
  data.body = m.body;
  if (m.content_warning !== null) data.contentWarning = m.content_warning;
  if (m.edited_at !== null) data.editedAt = new Date(Number(m.edited_at)).toISOString();
  return data;
}
