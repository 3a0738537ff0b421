/**
 * What only one-to-one conversations have (product.md): the two-sided check-in
 * each person fills in, "stay in touch", and how a one-to-one ends. A check-in
 * is stored only in its own row, readable by both members through the
 * conversation view; each update is a `checkin.updated` event that says who
 * changed which answers, without their text, so a cleared answer is gone.
 * "Stay in touch" choices are private until both say yes.
 */
import { KindredError } from "../../protocol/errors.js";
import type { ConversationEvent } from "../../protocol/common.js";
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import type { Notifier } from "../notifier.js";
import { event } from "./conversations.js";
import { appendEvent } from "./log.js";
import { requireMembership } from "./membership.js";
import { canSend } from "./policy.js";

export interface CheckinInput {
  hopingFor?: string | null;
  timeAvailable?: string | null;
  avoidTopics?: string | null;
}

/** The answers of a check-in card, as named in requests and views. */
export const checkinFields = ["hopingFor", "timeAvailable", "avoidTopics"] as const;

export interface CheckinView {
  userId: string;
  hopingFor: string | null;
  timeAvailable: string | null;
  avoidTopics: string | null;
  updatedAt: string;
}

export class OneToOnes {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
  ) {}

  private async requireDirect(userId: string, conversationId: string) {
    const membership = await requireMembership(this.db, userId, conversationId);
    if (membership.kind !== "direct") {
      throw new KindredError("CONFLICT", { message: "Only one-to-one conversations have this.", details: { field: "conversationId" } });
    }
    return membership;
  }

  /**
   * PUT /api/v1/conversations/:id/checkin: fills in or updates my side of the
   * check-in card. Answers left out stay; `null` clears one. The event names the
   * changed fields only; both members read the text from the conversation view.
   * Check-in answers are words to the other member: the send's policy decides,
   * inside the write (not after a block, not once closed).
   */
  async checkin(userId: string, conversationId: string, input: CheckinInput, now = Date.now()): Promise<CheckinView> {
    await this.requireDirect(userId, conversationId);
    const stored = await this.commit.run(
      async (trx) => {
        await canSend(trx, userId, conversationId);
        const current = await trx
          .selectFrom("checkins")
          .selectAll()
          .where("conversation_id", "=", conversationId)
          .where("user_id", "=", userId)
          .executeTakeFirst();
        const row = {
          conversation_id: conversationId,
          user_id: userId,
          hoping_for: input.hopingFor !== undefined ? input.hopingFor : (current?.hoping_for ?? null),
          time_available: input.timeAvailable !== undefined ? input.timeAvailable : (current?.time_available ?? null),
          avoid_topics: input.avoidTopics !== undefined ? input.avoidTopics : (current?.avoid_topics ?? null),
          updated_at: now,
        };
        await trx
          .insertInto("checkins")
          .values(row)
          .onConflict((oc) =>
            oc
              .columns(["conversation_id", "user_id"])
              .doUpdateSet({ hoping_for: row.hoping_for, time_available: row.time_available, avoid_topics: row.avoid_topics, updated_at: now }),
          )
          .execute();
        const view = toCheckinView(row);
        // Who changed which answers, never the answers: the log is append-only, so text put
        // there could not be taken back when a member clears it. Clients read the card itself.
        const data = { userId, fields: checkinFields.filter((field) => input[field] !== undefined) };
        const seq = await appendEvent(trx, conversationId, { type: "checkin.updated", actorId: userId, data }, now);
        return { view, event: event(conversationId, seq, "checkin.updated", userId, now, data) };
      },
      (done) => this.notify.events([done.event]),
    );
    return stored.view;
  }

  async checkins(conversationId: string): Promise<CheckinView[]> {
    const rows = await this.db.selectFrom("checkins").selectAll().where("conversation_id", "=", conversationId).orderBy("updated_at").execute();
    return rows.map(toCheckinView);
  }

  /**
   * POST /api/v1/conversations/:id/stay-in-touch: my choice, told to nobody. When
   * both have said yes, a `conversation.kept` event tells them both.
   */
  async stayInTouch(userId: string, conversationId: string, stay: boolean, now = Date.now()): Promise<{ mine: boolean; mutual: boolean }> {
    await this.requireDirect(userId, conversationId);
    return this.commit
      .run(
        async (trx) => {
          const before = await mutualIn(trx, conversationId);
          await trx
            .updateTable("conversation_members")
            .set({ stay_in_touch: stay ? 1 : 0 })
            .where("conversation_id", "=", conversationId)
            .where("user_id", "=", userId)
            .execute();
          const mutual = await mutualIn(trx, conversationId);
          const events: ConversationEvent[] = [];
          if (mutual && !before) {
            const seq = await appendEvent(trx, conversationId, { type: "conversation.kept", actorId: null }, now);
            events.push(event(conversationId, seq, "conversation.kept", null, now, {}));
          }
          return { mine: stay, mutual, events };
        },
        (r) => this.notify.events(r.events),
      )
      .then(({ mine, mutual }) => ({ mine, mutual }));
  }

  async stayInTouchOf(userId: string, conversationId: string): Promise<{ mine: boolean; mutual: boolean }> {
    const rows = await this.db.selectFrom("conversation_members").select(["user_id", "stay_in_touch"]).where("conversation_id", "=", conversationId).execute();
    return { mine: rows.some((r) => r.user_id === userId && r.stay_in_touch === 1), mutual: rows.length === 2 && rows.every((r) => r.stay_in_touch === 1) };
  }

  /**
   * Leaving a one-to-one. If both chose "stay in touch", it only pauses: both stay
   * members and can come back to it. Otherwise it closes for new messages, the
   * leaver leaves, and the other keeps the history. Either way a listener matched
   * into it is free to be matched again; returns who that is.
   */
  async leave(userId: string, conversationId: string, now = Date.now()): Promise<{ freedListener: string | null }> {
    await this.requireDirect(userId, conversationId);
    const result = await this.commit.run(
      async (trx) => {
        const mutual = await mutualIn(trx, conversationId);
        const freed = await trx
          .updateTable("users")
          .set({ listening_in: null, available_since: now })
          .where("listening_in", "=", conversationId)
          .returning("id")
          .execute();
        const events: ConversationEvent[] = [];
        if (mutual) {
          const seq = await appendEvent(trx, conversationId, { type: "conversation.paused", actorId: userId }, now);
          events.push(event(conversationId, seq, "conversation.paused", userId, now, { userId }));
          return { events, left: false, freed: freed[0]?.id ?? null };
        }
        await trx.deleteFrom("conversation_members").where("conversation_id", "=", conversationId).where("user_id", "=", userId).execute();
        const leftSeq = await appendEvent(trx, conversationId, { type: "member.left", actorId: userId, data: { userId } }, now);
        events.push(event(conversationId, leftSeq, "member.left", userId, now, { userId }));
        const closed = await trx
          .updateTable("conversations")
          .set({ closed_at: now })
          .where("id", "=", conversationId)
          .where("closed_at", "is", null)
          .executeTakeFirst();
        if (closed.numUpdatedRows > 0n) {
          const seq = await appendEvent(trx, conversationId, { type: "conversation.closed", actorId: userId }, now);
          events.push(event(conversationId, seq, "conversation.closed", userId, now, {}));
        }
        return { events, left: true, freed: freed[0]?.id ?? null };
      },
      (r) => {
        this.notify.events(r.events);
        if (r.left) this.notify.left(userId, conversationId);
      },
    );
    return { freedListener: result.freed };
  }
}

async function mutualIn(trx: Store, conversationId: string): Promise<boolean> {
  const rows = await trx.selectFrom("conversation_members").select("stay_in_touch").where("conversation_id", "=", conversationId).execute();
  return rows.length === 2 && rows.every((r) => r.stay_in_touch === 1);
}

function toCheckinView(row: {
  user_id: string;
  hoping_for: string | null;
  time_available: string | null;
  avoid_topics: string | null;
  updated_at: number;
}): CheckinView {
  return {
    userId: row.user_id,
    hopingFor: row.hoping_for,
    timeAvailable: row.time_available,
    avoidTopics: row.avoid_topics,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
