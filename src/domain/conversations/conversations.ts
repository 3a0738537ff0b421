/**
 * Conversations and membership (protocol.md "Conversations"). Every change is
 * an event in the conversation's log, written through group commit, and the
 * notifier hears of it only after the commit that makes it true.
 */
import { newId } from "../../store/ids.js";
import { KindredError } from "../../protocol/errors.js";
import type { ConversationEvent } from "../../protocol/common.js";
import type { CreateConversationBody, HistoryQuery } from "../../protocol/rest/conversations.js";
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";
import type { Notifier } from "../notifier.js";
import type { Blocks } from "../safety/blocks.js";
import { appendEvent, readEvents } from "./log.js";
import { findMembership, requireMembership } from "./membership.js";
import { canSignal } from "./policy.js";
import type { CheckinView, OneToOnes } from "./one-to-one.js";
import type { Schedule } from "../../protocol/rest/conversations.js";
import { nextSession } from "../rooms/schedule.js";

export interface MemberView {
  userId: string;
  handle: string;
  displayName: string | null;
  role: "member" | "facilitator";
}

export interface ConversationView {
  id: string;
  kind: "direct" | "group";
  title: string | null;
  topic: string | null;
  visibility: "public" | "invite" | null;
  experiences: string[];
  members: MemberView[];
  lastSeq: number;
  readSeq: number;
  unread: number;
  /** Closed conversations keep their history but take no new messages. */
  closed: boolean;
  /** "match" when opened by matching. */
  origin: string | null;
  /** One-to-ones only: both sides' check-in cards. */
  checkins?: CheckinView[];
  /** One-to-ones only: my choice, and whether both chose to stay in touch. */
  stayInTouch?: { mine: boolean; mutual: boolean };
  /** Rooms: their own agreement, language and weekly session. */
  agreement?: string | null;
  language?: string | null;
  schedule?: Schedule | null;
  nextSessionAt?: string | null;
}

/** What a write that adds members produced: announced after its commit. */
export interface Joined {
  conversationId: string;
  events: ConversationEvent[];
  joins: Array<{ userId: string; seq: number }>;
}

export class Conversations {
  constructor(
    private readonly db: Store,
    private readonly commit: GroupCommit,
    private readonly notify: Notifier,
    private readonly blocks: Blocks,
    readonly oneToOnes: OneToOnes,
  ) {}

  /** POST /api/v1/conversations: a group whose creator is its facilitator. */
  async createGroup(userId: string, input: CreateConversationBody, now = Date.now()): Promise<ConversationView> {
    const id = newId(now);
    await this.commit.run(
      async (trx): Promise<Joined> => {
        await trx
          .insertInto("conversations")
          .values({
            id,
            kind: "group",
            title: input.title,
            topic: input.topic || null,
            visibility: input.visibility,
            experiences: JSON.stringify(input.experiences ?? []),
            created_by: userId,
            created_at: now,
            agreement: input.agreement || null,
            language: input.language ?? null,
            schedule: input.schedule ? JSON.stringify(input.schedule) : null,
          })
          .execute();
        return addMember(trx, id, userId, "facilitator", now);
      },
      (joined) => this.announce(joined),
    );
    return this.view(userId, id);
  }

  /** A direct conversation between two members. */
  async createDirect(a: string, b: string, now = Date.now()): Promise<string> {
    const joined = await this.commit.run(
      (trx) => openDirect(trx, a, b, null, now),
      (j) => this.announce(j),
    );
    return joined.conversationId;
  }

  /** POST /api/v1/conversations/:id/members: join a public group; joining again changes nothing. */
  async join(userId: string, conversationId: string, now = Date.now()): Promise<ConversationView> {
    return this.joinGroup(userId, conversationId, "public", now);
  }

  /**
   * Joins a group: "public" for rooms anyone may join, "invited" for a member
   * holding a valid invite. Closed groups, one-to-ones and groups the member
   * may not see answer NOT_FOUND.
   */
  async joinGroup(userId: string, conversationId: string, access: "public" | "invited", now = Date.now()): Promise<ConversationView> {
    if (await findMembership(this.db, userId, conversationId)) return this.view(userId, conversationId);
    const conversation = await this.db
      .selectFrom("conversations")
      .select(["kind", "visibility", "closed_at"])
      .where("id", "=", conversationId)
      .executeTakeFirst();
    if (!conversation || conversation.kind !== "group" || conversation.closed_at !== null) throw new KindredError("NOT_FOUND");
    if (access === "public" && conversation.visibility !== "public") throw new KindredError("NOT_FOUND");
    await this.commit.run(
      async (trx): Promise<Joined> => {
        // Joined meanwhile (a double tap): nothing to add.
        if (await findMembership(trx, userId, conversationId)) return { conversationId, events: [], joins: [] };
        return addMember(trx, conversationId, userId, "member", now);
      },
      (joined) => this.announce(joined),
    );
    return this.view(userId, conversationId);
  }

  /**
   * DELETE /api/v1/conversations/:id/members/me: the leaver gets the `member.left`
   * event, then no more. One-to-ones end as `OneToOnes.leave` says. Returns the
   * listener this freed, if any, so matching can offer them again.
   */
  async leave(userId: string, conversationId: string, now = Date.now()): Promise<{ freedListener: string | null }> {
    const membership = await requireMembership(this.db, userId, conversationId);
    if (membership.kind === "direct") return this.oneToOnes.leave(userId, conversationId, now);
    await this.commit.run(
      async (trx) => {
        const removed = await trx
          .deleteFrom("conversation_members")
          .where("conversation_id", "=", conversationId)
          .where("user_id", "=", userId)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) throw new KindredError("NOT_FOUND");
        const seq = await appendEvent(trx, conversationId, { type: "member.left", actorId: userId, data: { userId } }, now);
        const events = [event(conversationId, seq, "member.left", userId, now, { userId })];
        // A matched small group lives while two members remain.
        const group = await trx.selectFrom("conversations").select(["origin", "closed_at"]).where("id", "=", conversationId).executeTakeFirstOrThrow();
        const remaining = await trx
          .selectFrom("conversation_members")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("conversation_id", "=", conversationId)
          .executeTakeFirstOrThrow();
        if (group.origin === "match" && group.closed_at === null && Number(remaining.n) < 2) {
          await trx.updateTable("conversations").set({ closed_at: now }).where("id", "=", conversationId).execute();
          const closedSeq = await appendEvent(trx, conversationId, { type: "conversation.closed", actorId: null }, now);
          events.push(event(conversationId, closedSeq, "conversation.closed", null, now, {}));
        }
        return events;
      },
      (events) => {
        this.notify.events(events);
        this.notify.left(userId, conversationId);
      },
    );
    return { freedListener: null };
  }

  /** GET /api/v1/conversations: unread is computed from the log (others' events after my read marker), never stored. */
  async list(userId: string): Promise<ConversationView[]> {
    const rows = await this.db
      .selectFrom("conversation_members")
      .select("conversation_id")
      .where("user_id", "=", userId)
      .orderBy("joined_at", "desc")
      .execute();
    return Promise.all(rows.map((r) => this.view(userId, r.conversation_id)));
  }

  /** GET /api/v1/conversations/:id. */
  async get(userId: string, conversationId: string): Promise<ConversationView> {
    await requireMembership(this.db, userId, conversationId);
    return this.view(userId, conversationId);
  }

  /**
   * GET /api/v1/conversations/:id/events: pages both ways. `afterSeq` reads
   * forwards; otherwise the newest page before `beforeSeq` (or the end). A
   * member sees the log from their own join on.
   */
  async history(userId: string, conversationId: string, q: HistoryQuery): Promise<{ events: ConversationEvent[]; hasMore: boolean }> {
    const membership = await requireMembership(this.db, userId, conversationId);
    const { hidden } = await this.blocks.setsFor(userId);
    const forwards = q.afterSeq !== undefined;
    const page = await readEvents(this.db, conversationId, {
      afterSeq: q.afterSeq,
      beforeSeq: q.beforeSeq,
      fromSeq: membership.joinedSeq,
      limit: q.limit + 1,
      newestFirst: !forwards,
    });
    const hasMore = page.length > q.limit;
    const kept = hasMore ? (forwards ? page.slice(0, q.limit) : page.slice(1)) : page;
    return { events: kept.filter((e) => !(e.type.startsWith("message.") && e.actorId && hidden.has(e.actorId))), hasMore };
  }

  /**
   * `read` frame: the marker only moves forward, and never past the end of the
   * log. Membership and who may see it (blocks) are decided inside the write.
   */
  async markRead(userId: string, conversationId: string, seq: number): Promise<void> {
    await this.commit.run(
      async (trx) => {
        const reach = await canSignal(trx, userId, conversationId);
        const membership = await requireMembership(trx, userId, conversationId);
        const target = Math.min(seq, membership.lastSeq);
        if (target <= membership.readSeq) return null;
        await trx
          .updateTable("conversation_members")
          .set({ read_seq: target })
          .where("conversation_id", "=", conversationId)
          .where("user_id", "=", userId)
          .where("read_seq", "<", target)
          .execute();
        return { target, apart: reach.apart };
      },
      (moved) => {
        if (moved) this.notify.read(conversationId, userId, moved.target, moved.apart);
      },
    );
  }

  /** Conversation ids and last seqs of a member's conversations (for a new socket). */
  async followed(userId: string): Promise<Array<{ conversationId: string; lastSeq: number; joinedSeq: number }>> {
    const rows = await this.db
      .selectFrom("conversation_members as m")
      .innerJoin("conversations as c", "c.id", "m.conversation_id")
      .select(["c.id", "c.last_seq", "m.joined_seq"])
      .where("m.user_id", "=", userId)
      .execute();
    return rows.map((r) => ({ conversationId: r.id, lastSeq: Number(r.last_seq), joinedSeq: Number(r.joined_seq) }));
  }

  /** Tells everyone concerned about new members, after the commit that added them. */
  announce(joined: Joined): void {
    this.notify.events(joined.events);
    for (const j of joined.joins) this.notify.joined(j.userId, joined.conversationId, j.seq);
  }

  /**
   * Events after the read marker that someone else caused: a member's own
   * messages are never unread to them. Counted from the log each time (an index
   * range of at most the unread events), never kept as a counter that could drift.
   */
  private async unreadAfter(userId: string, conversationId: string, readSeq: number): Promise<number> {
    const row = await this.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("conversation_id", "=", conversationId)
      .where("seq", ">", readSeq)
      .where((eb) => eb.or([eb("actor_id", "is", null), eb("actor_id", "!=", userId)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async view(userId: string, conversationId: string): Promise<ConversationView> {
    const conversation = await this.db.selectFrom("conversations").selectAll().where("id", "=", conversationId).executeTakeFirstOrThrow();
    const members = await this.db
      .selectFrom("conversation_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["m.user_id", "m.role", "m.read_seq", "u.handle", "u.display_name"])
      .where("m.conversation_id", "=", conversationId)
      .orderBy("m.joined_at")
      .execute();
    const lastSeq = Number(conversation.last_seq);
    const readSeq = Number(members.find((m) => m.user_id === userId)?.read_seq ?? 0);
    const unread = readSeq >= lastSeq ? 0 : await this.unreadAfter(userId, conversationId, readSeq);
    const schedule = conversation.schedule ? (JSON.parse(conversation.schedule) as Schedule) : null;
    const extra =
      conversation.kind === "direct"
        ? { checkins: await this.oneToOnes.checkins(conversationId), stayInTouch: await this.oneToOnes.stayInTouchOf(userId, conversationId) }
        : {
            agreement: conversation.agreement,
            language: conversation.language,
            schedule,
            nextSessionAt: schedule ? nextSession(schedule).toISOString() : null,
          };
    return {
      id: conversation.id,
      kind: conversation.kind,
      title: conversation.title,
      topic: conversation.topic,
      visibility: conversation.visibility,
      experiences: JSON.parse(conversation.experiences) as string[],
      members: members.map((m) => ({ userId: m.user_id, handle: m.handle, displayName: m.display_name, role: m.role })),
      lastSeq,
      readSeq,
      unread,
      closed: conversation.closed_at !== null,
      origin: conversation.origin,
      ...extra,
    };
  }
}

/** Opens a direct conversation between two members inside the caller's transaction. */
export async function openDirect(trx: Store, a: string, b: string, origin: "match" | "support" | null, now: number): Promise<Joined> {
  const id = newId(now);
  await trx.insertInto("conversations").values({ id, kind: "direct", created_at: now, created_by: null, origin }).execute();
  const first = await addMember(trx, id, a, "member", now);
  const second = await addMember(trx, id, b, "member", now);
  return { conversationId: id, events: [...first.events, ...second.events], joins: [...first.joins, ...second.joins] };
}

/** Adds a member and their `member.joined` event; their own join counts as read. */
async function addMember(trx: Store, conversationId: string, userId: string, role: "member" | "facilitator", now: number): Promise<Joined> {
  const seq = await appendEvent(trx, conversationId, { type: "member.joined", actorId: userId, data: { userId, role } }, now);
  await trx
    .insertInto("conversation_members")
    .values({ conversation_id: conversationId, user_id: userId, role, joined_seq: seq, read_seq: seq, joined_at: now })
    .execute();
  return { conversationId, events: [event(conversationId, seq, "member.joined", userId, now, { userId, role })], joins: [{ userId, seq }] };
}

export function event(
  conversationId: string,
  seq: number,
  type: ConversationEvent["type"],
  actorId: string | null,
  at: number,
  data: Record<string, unknown>,
): ConversationEvent {
  return { conversationId, seq, type, at: new Date(at).toISOString(), actorId, data };
}
