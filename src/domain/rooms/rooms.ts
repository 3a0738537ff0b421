/**
 * Peer-led rooms (product.md "A group facilitator"): the directory of public
 * rooms with their next session, invite links for invite-only rooms that the
 * facilitator can revoke, and the facilitator removing a member.
 */
import { randomBytes } from "node:crypto";
import { newId } from "../../store/ids.js";
import { KindredError } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import { sha256 } from "../accounts/secrets.js";
import { type ConversationView, type Conversations, event } from "../conversations/conversations.js";
import { appendEvent } from "../conversations/log.js";
import { requireMembership } from "../conversations/membership.js";
import type { Notifier } from "../notifier.js";
import type { Schedule } from "../../protocol/rest/conversations.js";
import { nextSession } from "./schedule.js";

export interface RoomListing {
  id: string;
  title: string | null;
  topic: string | null;
  experiences: string[];
  language: string | null;
  schedule: Schedule | null;
  nextSessionAt: string | null;
  memberCount: number;
}

export interface InviteView {
  id: string;
  createdAt: string;
  revoked: boolean;
}

export class Rooms {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly conversations: Conversations,
  ) {}

  /** GET /api/v1/rooms?experience=&language=: open public rooms, those with the soonest session first. */
  async directory(filter: { experience?: string; language?: string }, now = Date.now()): Promise<RoomListing[]> {
    const rows = await this.db
      .selectFrom("conversations as c")
      .select(["c.id", "c.title", "c.topic", "c.experiences", "c.language", "c.schedule"])
      .select((eb) =>
        eb.selectFrom("conversation_members as m").select(eb.fn.countAll<number>().as("n")).whereRef("m.conversation_id", "=", "c.id").as("member_count"),
      )
      .where("c.kind", "=", "group")
      .where("c.visibility", "=", "public")
      .where("c.closed_at", "is", null)
      .where((eb) => eb.or([eb("c.origin", "is", null), eb("c.origin", "!=", "match")]))
      .execute();
    const listings = rows
      .map((r) => {
        const schedule = r.schedule ? (JSON.parse(r.schedule) as Schedule) : null;
        return {
          id: r.id,
          title: r.title,
          topic: r.topic,
          experiences: JSON.parse(r.experiences) as string[],
          language: r.language,
          schedule,
          nextSessionAt: schedule ? nextSession(schedule, now).toISOString() : null,
          memberCount: Number(r.member_count ?? 0),
        };
      })
      .filter(
        (r) =>
          (!filter.experience || r.experiences.includes(filter.experience)) &&
          (!filter.language || !r.language || r.language.split("-")[0] === filter.language.split("-")[0]),
      );
    return listings.sort((a, b) => (a.nextSessionAt ?? "9999").localeCompare(b.nextSessionAt ?? "9999"));
  }

  private async requireFacilitator(userId: string, conversationId: string): Promise<void> {
    const membership = await requireMembership(this.db, userId, conversationId);
    if (membership.kind !== "group" || membership.role !== "facilitator") {
      throw new KindredError("FORBIDDEN", { message: "Only the room's facilitator can do that." });
    }
  }

  /** POST /api/v1/conversations/:id/invites: a new invite link; the code is shown this once. */
  async createInvite(userId: string, conversationId: string, now = Date.now()): Promise<InviteView & { code: string }> {
    await this.requireFacilitator(userId, conversationId);
    const code = randomBytes(16).toString("base64url");
    const id = newId(now);
    await this.db
      .insertInto("invites")
      .values({ code_hash: sha256(code), conversation_id: conversationId, id, created_by: userId, created_at: now, revoked_at: null })
      .execute();
    return { id, code, createdAt: new Date(now).toISOString(), revoked: false };
  }

  async listInvites(userId: string, conversationId: string): Promise<InviteView[]> {
    await this.requireFacilitator(userId, conversationId);
    const rows = await this.db.selectFrom("invites").selectAll().where("conversation_id", "=", conversationId).orderBy("created_at").execute();
    return rows.map((r) => ({ id: r.id, createdAt: new Date(Number(r.created_at)).toISOString(), revoked: r.revoked_at !== null }));
  }

  /** DELETE /api/v1/conversations/:id/invites/:inviteId: the link stops working. */
  async revokeInvite(userId: string, conversationId: string, inviteId: string, now = Date.now()): Promise<void> {
    await this.requireFacilitator(userId, conversationId);
    const result = await this.db
      .updateTable("invites")
      .set({ revoked_at: now })
      .where("id", "=", inviteId)
      .where("conversation_id", "=", conversationId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new KindredError("NOT_FOUND");
  }

  /** POST /api/v1/invites/:code: joins the room; an unknown or revoked code is NOT_FOUND. */
  async acceptInvite(userId: string, code: string): Promise<ConversationView> {
    const invite = await this.db.selectFrom("invites").selectAll().where("code_hash", "=", sha256(code)).executeTakeFirst();
    if (!invite || invite.revoked_at !== null) throw new KindredError("NOT_FOUND");
    return this.conversations.joinGroup(userId, invite.conversation_id, "invited");
  }

  /** DELETE /api/v1/conversations/:id/members/:userId: the facilitator removes a member, who sees why it ended. */
  async removeMember(facilitatorId: string, conversationId: string, userId: string, now = Date.now()): Promise<void> {
    await this.requireFacilitator(facilitatorId, conversationId);
    if (userId === facilitatorId) throw new KindredError("CONFLICT", { message: "To leave your own room, use leave.", details: { field: "userId" } });
    await this.commit.run(
      async (trx) => {
        const gone = await trx
          .deleteFrom("conversation_members")
          .where("conversation_id", "=", conversationId)
          .where("user_id", "=", userId)
          .executeTakeFirst();
        if (gone.numDeletedRows === 0n) throw new KindredError("NOT_FOUND");
        const data = { userId, removedBy: facilitatorId };
        const seq = await appendEvent(trx, conversationId, { type: "member.removed", actorId: facilitatorId, data }, now);
        return event(conversationId, seq, "member.removed", facilitatorId, now, data);
      },
      (removedEvent) => {
        this.notify.events([removedEvent]);
        this.notify.left(userId, conversationId);
      },
    );
  }
}
