/**
 * Warm hand-offs (protocol.md "Crisis support and supporters"; product.md: a
 * supporter can "tap out" to pass a conversation warmly to another). The
 * supporter offers; the member alone decides. Only when the member accepts is
 * a new one-to-one opened with another on-duty supporter (the one named, when
 * free), and only that supporter can read the note. The first conversation
 * stays open until someone leaves it. The supporter who offered hears the
 * member's answer (`handoff.decided`), and never who took over.
 */
import { KindredError, badRequest } from "../../protocol/errors.js";
import type { HandoffBody, HandoffStatus } from "../../protocol/rest/support.js";
import type { Store, Tx } from "../../store/database.js";
import type { HandoffRow } from "../../store/schema.js";
import type { GroupCommit } from "../../store/group-commit.js";
import { newId } from "../../store/ids.js";
import { closedError } from "../conversations/policy.js";
import { requireMembership } from "../conversations/membership.js";
import type { Notifier } from "../notifier.js";
import type { SupportRequests } from "./support-requests.js";

export interface HandoffNote {
  id: string;
  note: string;
  fromSupporterId: string;
  /** The new conversation, of the member and the supporter reading this. */
  conversationId: string;
}

const alreadyDecided = () => new KindredError("CONFLICT", { message: "This hand-off has already been accepted, declined or replaced." });

export class Handoffs {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly support: SupportRequests,
  ) {}

  /**
   * POST /api/v1/conversations/:id/handoff: by the supporter of an open support
   * conversation (a member of it who is not: FORBIDDEN; anyone else: NOT_FOUND).
   * Decided inside the write; a pending older offer is withdrawn. The member
   * gets `handoff.offer` after the commit; nothing else changes yet.
   */
  async offer(supporterId: string, conversationId: string, input: HandoffBody, now = Date.now()): Promise<{ conversationId: string; handoffId: string }> {
    const offered = await this.commit.run(
      async (trx) => {
        const membership = await requireMembership(trx, supporterId, conversationId);
        const support = await trx.selectFrom("support_conversations").selectAll().where("conversation_id", "=", conversationId).executeTakeFirst();
        if (!support || support.supporter_id !== supporterId) {
          throw new KindredError("FORBIDDEN", { message: "Only the peer supporter of a support conversation can hand it on." });
        }
        if (membership.closed) throw closedError();
        const named = input.toSupporterId ? await namedSupporter(trx, input.toSupporterId, supporterId, support.member_id) : undefined;
        await trx
          .updateTable("handoffs")
          .set({ status: "withdrawn", decided_at: now })
          .where("conversation_id", "=", conversationId)
          .where("status", "=", "offered")
          .execute();
        const id = newId(now);
        await trx
          .insertInto("handoffs")
          .values({
            id,
            conversation_id: conversationId,
            member_id: support.member_id,
            from_supporter_id: supporterId,
            to_supporter_id: named?.id ?? null,
            note: input.note,
            status: "offered",
            created_at: now,
            decided_at: null,
            accepted_by: null,
            new_conversation_id: null,
          })
          .execute();
        return { id, memberId: support.member_id, named };
      },
      ({ id, memberId, named }) =>
        this.notify.toUser(
          memberId,
          named ? { op: "handoff.offer", handoffId: id, conversationId, supporter: named } : { op: "handoff.offer", handoffId: id, conversationId },
        ),
    );
    return { conversationId, handoffId: offered.id };
  }

  /**
   * POST /api/v1/handoffs/:id/accept, by the member only (anyone else:
   * NOT_FOUND). The named supporter if free, else any free one but the supporter
   * tapping out, whose `match.found` names the hand-off. The offer is claimed in the same write that claims the
   * supporter and opens the conversation, so a double tap opens one. After that
   * commit the supporter tapping out gets `handoff.decided`, "accepted". Nobody
   * free: NO_SUPPORTER_ON_DUTY, and the offer stays open to try again.
   */
  async accept(memberId: string, handoffId: string, now = Date.now()): Promise<{ conversationId: string }> {
    const handoff = await this.ownOffer(this.db, memberId, handoffId);
    const candidates = await this.support.supporters.find(memberId, [handoff.from_supporter_id]);
    const named = candidates.filter((c) => c.userId === handoff.to_supporter_id);
    const ordered = [...named, ...candidates.filter((c) => c.userId !== handoff.to_supporter_id)];
    const opened = await this.support.openWithFirstFree(
      memberId,
      ordered,
      async (trx, newConversationId, newSupporterId) => {
        const claimed = await trx
          .updateTable("handoffs")
          .set({ status: "accepted", decided_at: now, accepted_by: newSupporterId, new_conversation_id: newConversationId })
          .where("id", "=", handoffId)
          .where("status", "=", "offered")
          .executeTakeFirst();
        if (claimed.numUpdatedRows !== 1n) throw alreadyDecided();
      },
      now,
      { id: handoffId, afterCommit: () => this.tellOfferer(handoff, "accepted") },
    );
    if (!opened) throw await this.support.noneFree(memberId);
    return { conversationId: opened.conversationId };
  }

  /**
   * POST /api/v1/handoffs/:id/decline, by the member only: the conversation
   * simply goes on. Decided inside the write (a racing accept or a newer offer
   * leaves it CONFLICT); after the commit the supporter who offered gets
   * `handoff.decided`, "declined".
   */
  async decline(memberId: string, handoffId: string, now = Date.now()): Promise<void> {
    await this.commit.run(
      async (trx) => {
        const handoff = await this.ownOffer(trx, memberId, handoffId);
        const declined = await trx
          .updateTable("handoffs")
          .set({ status: "declined", decided_at: now })
          .where("id", "=", handoffId)
          .where("status", "=", "offered")
          .executeTakeFirst();
        if (declined.numUpdatedRows !== 1n) throw alreadyDecided();
        return handoff;
      },
      (handoff) => this.tellOfferer(handoff, "declined"),
    );
  }

  /**
   * GET /api/v1/handoffs/:id/status: where the offer stands, for the supporter
   * who made it and nobody else (NOT_FOUND), for a client that was away when
   * `handoff.decided` came.
   */
  async statusFor(supporterId: string, handoffId: string): Promise<HandoffStatus> {
    const row = await this.db
      .selectFrom("handoffs")
      .select("status")
      .where("id", "=", handoffId)
      .where("from_supporter_id", "=", supporterId)
      .executeTakeFirst();
    if (!row) throw new KindredError("NOT_FOUND");
    return row.status;
  }

  /** GET /api/v1/handoffs/:id: the note, for the supporter the member was handed to and nobody else. */
  async noteFor(userId: string, handoffId: string): Promise<HandoffNote> {
    const row = await this.db
      .selectFrom("handoffs")
      .select(["id", "note", "from_supporter_id", "new_conversation_id"])
      .where("id", "=", handoffId)
      .where("accepted_by", "=", userId)
      .where("status", "=", "accepted")
      .executeTakeFirst();
    if (!row || row.new_conversation_id === null) throw new KindredError("NOT_FOUND");
    return { id: row.id, note: row.note, fromSupporterId: row.from_supporter_id, conversationId: row.new_conversation_id };
  }

  /**
   * The member's answer, to every socket of the supporter who offered: only the
   * outcome and their own conversation, never who took over or where.
   */
  private tellOfferer(handoff: HandoffRow, outcome: "accepted" | "declined"): void {
    this.notify.toUser(handoff.from_supporter_id, { op: "handoff.decided", handoffId: handoff.id, conversationId: handoff.conversation_id, outcome });
  }

  /** The member's own offer, still open; NOT_FOUND for anyone else, CONFLICT once decided. */
  private async ownOffer(db: Store, memberId: string, handoffId: string): Promise<HandoffRow> {
    const row = await db.selectFrom("handoffs").selectAll().where("id", "=", handoffId).where("member_id", "=", memberId).executeTakeFirst();
    if (!row) throw new KindredError("NOT_FOUND");
    if (row.status !== "offered") throw alreadyDecided();
    return row;
  }
}

/** A supporter named as the next one: must hold the badge and be neither the one tapping out nor the member. */
async function namedSupporter(trx: Tx, toSupporterId: string, fromSupporterId: string, memberId: string): Promise<{ id: string; handle: string }> {
  const row = await trx
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.handle"])
    .where("u.id", "=", toSupporterId)
    .where("r.role", "=", "supporter")
    .executeTakeFirst();
  if (!row || row.id === fromSupporterId || row.id === memberId) throw badRequest("toSupporterId", "name another peer supporter");
  return row;
}
