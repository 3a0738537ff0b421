/**
 * What the message log shows, worked out from the events held and the messages not yet
 * confirmed: one row per message (edits, removals and erasures applied), a note for what happened to the
 * conversation, local echoes for what the server has not put in the log yet, and, for each
 * message, whether it starts a new day or continues the previous sender's run.
 */
import type { ConversationEvent } from "../../api/types";
import type { Outgoing, OutgoingStatus } from "../../socket/outbox";

/** Messages from one sender less than this far apart are shown as one run. */
const runGapMs = 5 * 60_000;

export type NoteKind = "joined" | "left" | "removed" | "checkin" | "kept" | "paused" | "closed";

export interface Row {
  key: string;
  /** A line about the conversation itself ("Ana joined"), not a message. */
  note?: NoteKind;
  authorId: string | null;
  mine: boolean;
  at: string;
  body: string | null;
  contentWarning?: string;
  removed?: boolean;
  /** The words were erased once they passed the time the conversation keeps them. */
  expired?: boolean;
  edited?: boolean;
  state?: OutgoingStatus;
  clientMsgId?: string;
  seq?: number;
  /** The first row of its day (in the member's own time zone). */
  newDay: boolean;
  /** Same sender as the row before, a few minutes apart: the name is not repeated on screen. */
  continued: boolean;
}

const notes: Partial<Record<ConversationEvent["type"], NoteKind>> = {
  "member.joined": "joined",
  "member.left": "left",
  "member.removed": "removed",
  "checkin.updated": "checkin",
  "conversation.kept": "kept",
  "conversation.paused": "paused",
  "conversation.closed": "closed",
};

/** A calendar day in the viewer's time zone, as a comparable key. */
export function dayKey(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

type RowDraft = Omit<Row, "newDay" | "continued">;

interface MessageData {
  body?: string | null;
  deleted?: boolean;
  expired?: boolean;
}

/** What a message event says is left of the message: nothing (removed or erased), or its words. */
function tombstoneOf(type: ConversationEvent["type"], data: MessageData): "removed" | "expired" | undefined {
  if (type === "message.deleted" || data.deleted === true) return "removed";
  if (data.expired === true) return "expired";
  return data.body === null || data.body === undefined ? "removed" : undefined;
}

export function buildRows(events: ConversationEvent[], pending: Outgoing[], myId: string | undefined): Row[] {
  const drafts: RowDraft[] = [];
  const byMessageId = new Map<string, RowDraft>();
  const confirmed = new Set<string>();

  for (const event of events) {
    const data = event.data as {
      messageId?: string;
      clientMsgId?: string;
      body?: string | null;
      contentWarning?: string;
      userId?: string;
      deleted?: boolean;
      expired?: boolean;
      removedBy?: string;
    };
    if (event.type === "message.created") {
      const mine = event.actorId !== null && event.actorId === myId;
      if (data.clientMsgId && mine) confirmed.add(data.clientMsgId);
      const gone = tombstoneOf(event.type, data);
      const row: RowDraft = {
        key: `e${event.seq}`,
        authorId: event.actorId,
        mine,
        at: event.at,
        body: gone ? null : (data.body ?? null),
        contentWarning: gone ? undefined : data.contentWarning,
        removed: gone === "removed",
        state: mine ? "sent" : undefined,
        seq: event.seq,
      };
      if (gone === "expired") row.expired = true;
      drafts.push(row);
      if (data.messageId) byMessageId.set(data.messageId, row);
    } else if (event.type === "message.edited" || event.type === "message.deleted") {
      const original = data.messageId ? byMessageId.get(data.messageId) : undefined;
      if (!original) continue;
      const gone = tombstoneOf(event.type, data);
      if (gone) {
        original.body = null;
        delete original.contentWarning;
        // Removed by someone stays removed, even if an older copy says the words were erased.
        if (gone === "removed" || original.removed) {
          original.removed = true;
          delete original.expired;
        } else {
          original.expired = true;
        }
      } else {
        original.body = data.body ?? null;
        original.contentWarning = data.contentWarning;
        original.edited = true;
      }
    } else {
      const note = notes[event.type];
      if (!note) continue;
      // member.* name the member concerned in data.userId; the actor may be a facilitator.
      drafts.push({ key: `e${event.seq}`, note, authorId: data.userId ?? event.actorId, mine: false, at: event.at, body: null, seq: event.seq });
    }
  }
  // Local echo: what the member wrote and the server has not yet put in the log.
  for (const item of pending) {
    if (confirmed.has(item.clientMsgId)) continue;
    drafts.push({
      key: item.clientMsgId,
      authorId: myId ?? null,
      mine: true,
      at: item.createdAt,
      body: item.body,
      contentWarning: item.contentWarning,
      state: item.status,
      clientMsgId: item.clientMsgId,
      seq: item.seq,
    });
  }

  const rows: Row[] = [];
  let previous: Row | undefined;
  for (const draft of drafts) {
    const newDay = !previous || dayKey(previous.at) !== dayKey(draft.at);
    const continued =
      !newDay &&
      previous !== undefined &&
      !previous.note &&
      !draft.note &&
      previous.authorId === draft.authorId &&
      previous.mine === draft.mine &&
      Date.parse(draft.at) - Date.parse(previous.at) < runGapMs;
    const row: Row = { ...draft, newDay, continued };
    rows.push(row);
    previous = row;
  }
  return rows;
}

/** The member's own message the other member has read up to: it says "Seen" (one-to-ones only). */
export function lastSeenRow(rows: Row[], seenSeq: number): string | undefined {
  let key: string | undefined;
  for (const row of rows) if (row.mine && !row.note && row.seq !== undefined && row.seq <= seenSeq) key = row.key;
  return key;
}
