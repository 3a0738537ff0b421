/**
 * GET /api/v1/me/export: everything stored about a member, read in one
 * transaction so the parts agree with each other. Notes written about a member
 * by a supporter handing them over are left out: only the supporter they were
 * written for may read them (protocol.md "Peer support").
 */
import type { z } from "zod";
import type { myDataExport } from "../../protocol/rest/privacy.js";
import type { Store } from "../../store/database.js";
import type { Accounts } from "../accounts/accounts.js";

export type MyDataExport = z.infer<typeof myDataExport>;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export class MyData {
  constructor(
    private readonly db: Store,
    private readonly accounts: Accounts,
  ) {}

  async export(userId: string, currentSessionId: string, now = Date.now()): Promise<MyDataExport> {
    const user = await this.accounts.getUser(userId);
    const sessions = await this.accounts.sessions.list(userId);
    return this.db.transaction().execute(async (trx) => {
      const memberships = await trx
        .selectFrom("conversation_members as m")
        .innerJoin("conversations as c", "c.id", "m.conversation_id")
        .select(["m.conversation_id", "c.kind", "c.title", "m.role", "m.joined_at", "m.stay_in_touch"])
        .where("m.user_id", "=", userId)
        .orderBy("m.joined_at")
        .execute();
      const messages = await trx.selectFrom("messages").selectAll().where("sender_id", "=", userId).orderBy("created_at").orderBy("id").execute();
      const checkins = await trx.selectFrom("checkins").selectAll().where("user_id", "=", userId).orderBy("updated_at").execute();
      const requests = await trx.selectFrom("match_requests").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
      const requestTags = await trx
        .selectFrom("match_request_experiences as e")
        .innerJoin("match_requests as r", "r.id", "e.request_id")
        .select(["e.request_id", "e.tag_id"])
        .where("r.user_id", "=", userId)
        .execute();
      const blocked = await trx
        .selectFrom("blocks as b")
        .innerJoin("users as u", "u.id", "b.blocked_id")
        .select(["b.blocked_id", "u.handle", "b.created_at"])
        .where("b.blocker_id", "=", userId)
        .orderBy("b.created_at")
        .execute();
      return {
        exportedAt: iso(now),
        user,
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: iso(s.created_at),
          lastUsedAt: iso(s.last_used_at),
          expiresAt: iso(s.expires_at),
          current: s.id === currentSessionId,
        })),
        memberships: memberships.map((m) => ({
          conversationId: m.conversation_id,
          kind: m.kind,
          title: m.title,
          role: m.role,
          joinedAt: iso(m.joined_at),
          stayInTouch: m.stay_in_touch === 1,
        })),
        messages: messages.map((m) => ({
          id: m.id,
          conversationId: m.conversation_id,
          seq: m.seq,
          clientMsgId: m.client_msg_id,
          body: m.body,
          contentWarning: m.content_warning,
          createdAt: iso(m.created_at),
          editedAt: isoOrNull(m.edited_at),
          deleted: m.deleted_at !== null,
          expired: m.expired_at !== null,
        })),
        checkins: checkins.map((c) => ({
          conversationId: c.conversation_id,
          hopingFor: c.hoping_for,
          timeAvailable: c.time_available,
          avoidTopics: c.avoid_topics,
          updatedAt: iso(c.updated_at),
        })),
        matchRequests: requests.map((r) => ({
          id: r.id,
          mode: r.mode,
          anyone: r.anyone === 1,
          note: r.note,
          status: r.status,
          experiences: requestTags.filter((t) => t.request_id === r.id).map((t) => t.tag_id),
          conversationId: r.conversation_id,
          createdAt: iso(r.created_at),
          matchedAt: isoOrNull(r.matched_at),
        })),
        blocked: blocked.map((b) => ({ userId: b.blocked_id, handle: b.handle, blockedAt: iso(b.created_at) })),
        reports: [],
        moderationActions: [],
      };
    });
  }
}
