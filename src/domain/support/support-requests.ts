/**
 * Opening support conversations with on-duty peer supporters (protocol.md
 * "Crisis support and supporters"): at a member's own request, and when a
 * member accepts a hand-off (handoffs.ts). Each one is a new one-to-one opened
 * in the same write that claims the supporter, so the conversation exists only
 * if the claim won; the supporter then gets `match.found`.
 */
import { KindredError } from "../../protocol/errors.js";
import type { Tx } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import { newId } from "../../store/ids.js";
import { type Conversations, type Joined, openDirect } from "../conversations/conversations.js";
import { requireMembership } from "../conversations/membership.js";
import type { Notifier } from "../notifier.js";
import type { ResourceList } from "../safety/resource-list.js";
import type { Store } from "../../store/database.js";
import { type FreeSupporter, type FreeSupporters, SupporterTaken, claimSupporter } from "./free-supporters.js";

export interface SupportOpened {
  conversationId: string;
  supporter: { id: string; handle: string };
}

export class SupportRequests {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly conversations: Conversations,
    readonly supporters: FreeSupporters,
    private readonly resources: ResourceList,
  ) {}

  /**
   * POST /api/v1/support-requests. A member who already has an open support
   * conversation gets that one again (a double tap claims nobody new). A
   * `fromConversationId` must be one of theirs; nothing from it is shared.
   */
  async request(memberId: string, fromConversationId?: string, now = Date.now()): Promise<SupportOpened> {
    if (fromConversationId) await requireMembership(this.db, memberId, fromConversationId);
    const open = await this.openSupportOf(memberId);
    if (open) return open;
    const opened = await this.openWithFirstFree(memberId, await this.supporters.find(memberId), () => Promise.resolve(), now);
    if (!opened) throw await this.noneFree(memberId);
    return opened;
  }

  /**
   * Tries `candidates` in order; each attempt is one write that opens the
   * conversation, claims the supporter and runs `alsoInWrite` (a hand-off's own
   * claim). A supporter taken meanwhile rolls back that attempt alone and the
   * next is tried; any other error ends the attempts. Undefined: nobody was free.
   * A hand-off's id rides on the supporter's `match.found`, so their client can
   * ask for the note left for them; its `afterCommit` runs once the winning
   * attempt is committed, after that `match.found`.
   */
  async openWithFirstFree(
    memberId: string,
    candidates: FreeSupporter[],
    alsoInWrite: (trx: Tx, conversationId: string, supporterId: string) => Promise<void>,
    now = Date.now(),
    handoff?: { id: string; afterCommit(): void },
  ): Promise<SupportOpened | undefined> {
    for (const candidate of candidates) {
      const requestId = newId(now);
      try {
        const joined = await this.commit.run(
          async (trx): Promise<Joined> => {
            const opened = await openDirect(trx, memberId, candidate.userId, "support", now);
            await claimSupporter(trx, candidate.userId, memberId, opened.conversationId);
            await trx
              .insertInto("support_conversations")
              .values({ conversation_id: opened.conversationId, request_id: requestId, member_id: memberId, supporter_id: candidate.userId, created_at: now })
              .execute();
            await alsoInWrite(trx, opened.conversationId, candidate.userId);
            return opened;
          },
          (opened) => {
            this.conversations.announce(opened);
            const found = { op: "match.found" as const, requestId, conversationId: opened.conversationId };
            this.notify.toUser(candidate.userId, handoff ? { ...found, handoffId: handoff.id } : found);
            handoff?.afterCommit();
          },
        );
        return { conversationId: joined.conversationId, supporter: { id: candidate.userId, handle: candidate.handle } };
      } catch (err) {
        if (!(err instanceof SupporterTaken)) throw err;
      }
    }
    return undefined;
  }

  /** NO_SUPPORTER_ON_DUTY, said honestly, with the lines for the member's region. */
  async noneFree(memberId: string): Promise<KindredError> {
    const member = await this.db.selectFrom("users").select("region").where("id", "=", memberId).executeTakeFirst();
    return new KindredError("NO_SUPPORTER_ON_DUTY", { details: { resources: this.resources.forRegion(member?.region) } });
  }

  /** The member's open support conversation (as the member, not as a supporter), if any. */
  private async openSupportOf(memberId: string): Promise<SupportOpened | undefined> {
    const row = await this.db
      .selectFrom("support_conversations as s")
      .innerJoin("conversations as c", "c.id", "s.conversation_id")
      .innerJoin("conversation_members as m", (join) => join.onRef("m.conversation_id", "=", "s.conversation_id").onRef("m.user_id", "=", "s.member_id"))
      .innerJoin("users as u", "u.id", "s.supporter_id")
      .select(["s.conversation_id", "s.supporter_id", "u.handle"])
      .where("s.member_id", "=", memberId)
      .where("c.closed_at", "is", null)
      .orderBy("s.created_at", "desc")
      .executeTakeFirst();
    return row && { conversationId: row.conversation_id, supporter: { id: row.supporter_id, handle: row.handle } };
  }
}
