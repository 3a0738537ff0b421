/**
 * What the gateway reads from the store to deliver (replays, gap fills, the
 * presence snapshot), so transport code never touches tables. Who must not
 * receive what comes from the store here too, never from a per-socket cache.
 */
import type { ConversationEvent } from "../../protocol/common.js";
import { isMessageEvent } from "../../protocol/common.js";
import type { Store } from "../../store/database.js";
import { type EventQuery, readEvents } from "./log.js";
import { type Reach, canSignal } from "./policy.js";

export interface Deliverable {
  event: ConversationEvent;
  /** Members who blocked the author of a message event: it is not theirs to see. */
  hiddenFrom: string[];
}

export class DeliveryReader {
  constructor(private readonly db: Store) {}

  /** A page of the log, each event with the members it is hidden from. */
  async events(conversationId: string, q: EventQuery): Promise<Deliverable[]> {
    const events = await readEvents(this.db, conversationId, q);
    const authors = [
      ...new Set(
        events
          .filter(isMessageEvent)
          .map((e) => e.actorId)
          .filter((id): id is string => id !== null),
      ),
    ];
    const blockers = new Map<string, string[]>();
    if (authors.length > 0) {
      const rows = await this.db.selectFrom("blocks").select(["blocker_id", "blocked_id"]).where("blocked_id", "in", authors).execute();
      for (const row of rows) blockers.set(row.blocked_id, [...(blockers.get(row.blocked_id) ?? []), row.blocker_id]);
    }
    return events.map((event) => ({
      event,
      hiddenFrom: isMessageEvent(event) && event.actorId !== null ? (blockers.get(event.actorId) ?? []) : [],
    }));
  }

  async lastSeq(conversationId: string): Promise<number> {
    const row = await this.db.selectFrom("conversations").select("last_seq").where("id", "=", conversationId).executeTakeFirst();
    return Number(row?.last_seq ?? 0);
  }

  /** Members on either side of a block with `userId`: they see none of each other's presence. */
  async apartFrom(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("blocks")
      .select(["blocker_id", "blocked_id"])
      .where((eb) => eb.or([eb("blocker_id", "=", userId), eb("blocked_id", "=", userId)]))
      .execute();
    return rows.map((r) => (r.blocker_id === userId ? r.blocked_id : r.blocker_id));
  }

  /** The people who share one of `conversationIds` with `userId` and may see their presence. */
  async peersOf(userId: string, conversationIds: string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("conversation_members")
      .select("user_id")
      .distinct()
      .where("conversation_id", "in", conversationIds)
      .where("user_id", "!=", userId)
      .execute();
    const apart = new Set(await this.apartFrom(userId));
    return rows.map((r) => r.user_id).filter((id) => !apart.has(id));
  }

  /** May `userId` signal (typing) in the conversation, and who must not see it? Throws NOT_FOUND / BLOCKED. */
  signalReach(userId: string, conversationId: string): Promise<Reach> {
    return canSignal(this.db, userId, conversationId);
  }
}
