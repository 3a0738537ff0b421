/**
 * Who can read a conversation, how long its words are kept, and the sweep
 * that erases them afterwards (protocol.md "Privacy").
 *
 * Which choice holds: in a room with a facilitator, the facilitator's choice
 * for the room; anywhere else (one-to-ones, matched small groups), the
 * shortest of the members' own choices. The instance default (RETENTION_DAYS)
 * caps either. Past it a message keeps its event and seq, and its words are
 * erased: `{messageId, body: null, expired: true}`.
 */
import { KindredError } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";

export type RetentionChoice = 1 | 7 | 30 | null;

export interface ConversationPrivacy {
  whoCanRead: string[];
  retentionDays: number | null;
  myRetentionDays: number | null;
  automatedChecks: string[];
}

const dayMs = 24 * 3600_000;

/** What reads a member's messages on the server, in the words the privacy panel uses. */
const automatedChecks = [
  "A crisis-language check reads each message you send, on this server only. If it finds words of crisis, only you see options for more support: nobody is told, and nothing is kept but a count of how many such notices were shown each day.",
  "Rate limits count how many messages you send, never what they say.",
];

interface MemberRow {
  user_id: string;
  handle: string;
  role: "member" | "facilitator";
  retention_days: number | null;
  kind: "direct" | "group";
  room_retention_days: number | null;
}

export class Retention {
  constructor(
    private readonly db: Store,
    /** The instance's cap in days, or null to keep words until someone deletes them. */
    private readonly defaultDays: number | null,
  ) {}

  /** GET /api/v1/conversations/:id/privacy, for members only (anyone else: NOT_FOUND). */
  async privacyOf(userId: string, conversationId: string): Promise<ConversationPrivacy> {
    const members = await this.members(conversationId);
    const me = members.find((m) => m.user_id === userId);
    if (!me) throw new KindredError("NOT_FOUND");
    const others = members.filter((m) => m.user_id !== userId).map((m) => `@${m.handle}`);
    const roomRules = members.some((m) => m.role === "facilitator");
    const whoCanRead = [
      others.length === 0
        ? "Only you: nobody else is in this conversation now."
        : others.length === 1
          ? `You and ${others[0]}, the other member now in it.`
          : `You, ${listInWords(others)}, the other members now in it.`,
      me.kind === "group" ? "Someone who joins later reads only what is written after they join, never what came before." : "Nobody can join a one-to-one.",
      "Nobody else can read it through Kindred: not administrators, supporters or other members.",
      "The people who run this Kindred instance look after the server where it is stored, so they could read it there.",
    ];
    return {
      whoCanRead,
      retentionDays: this.holding(members),
      myRetentionDays: roomRules ? (me.role === "facilitator" ? me.room_retention_days : null) : me.retention_days,
      automatedChecks,
    };
  }

  /**
   * PUT /api/v1/conversations/:id/retention: a member's own choice, or in a room
   * the facilitator's choice for everyone. Words already older than what now holds
   * are erased at once.
   */
  async choose(userId: string, conversationId: string, days: RetentionChoice, now = Date.now()): Promise<number | null> {
    const members = await this.members(conversationId);
    const me = members.find((m) => m.user_id === userId);
    if (!me) throw new KindredError("NOT_FOUND");
    if (members.some((m) => m.role === "facilitator")) {
      if (me.role !== "facilitator") {
        throw new KindredError("FORBIDDEN", { message: "In a room, a facilitator chooses how long its words are kept.", details: { field: "days" } });
      }
      await this.db.updateTable("conversations").set({ retention_days: days }).where("id", "=", conversationId).execute();
      for (const m of members) m.room_retention_days = days;
    } else {
      await this.db
        .updateTable("conversation_members")
        .set({ retention_days: days })
        .where("conversation_id", "=", conversationId)
        .where("user_id", "=", userId)
        .execute();
      me.retention_days = days;
    }
    const holding = this.holding(members);
    if (holding !== null) await this.expire(conversationId, now - holding * dayMs, now);
    return holding;
  }

  /** Erases every message past the retention that holds for it. Safe to run on every node at once. */
  async sweep(now = Date.now()): Promise<void> {
    if (this.defaultDays !== null) await this.expire(null, now - this.defaultDays * dayMs, now);
    const chosen = await this.db
      .selectFrom("conversation_members")
      .select("conversation_id")
      .where("retention_days", "is not", null)
      .union(this.db.selectFrom("conversations").select("id as conversation_id").where("retention_days", "is not", null))
      .execute();
    for (const { conversation_id } of chosen) {
      const holding = this.holding(await this.members(conversation_id));
      if (holding !== null) await this.expire(conversation_id, now - holding * dayMs, now);
    }
  }

  private members(conversationId: string): Promise<MemberRow[]> {
    return this.db
      .selectFrom("conversation_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .innerJoin("conversations as c", "c.id", "m.conversation_id")
      .select(["m.user_id", "u.handle", "m.role", "m.retention_days", "c.kind", "c.retention_days as room_retention_days"])
      .where("m.conversation_id", "=", conversationId)
      .orderBy("m.joined_at")
      .execute();
  }

  private holding(members: MemberRow[]): number | null {
    const roomRules = members.some((m) => m.role === "facilitator");
    const choices = roomRules ? [members[0]?.room_retention_days ?? null] : members.map((m) => m.retention_days);
    const caps = [...choices, this.defaultDays].filter((d): d is number => d !== null);
    return caps.length > 0 ? Math.min(...caps) : null;
  }

  /** Erases the words of messages written before `cutoff` (in one conversation, or everywhere). */
  private async expire(conversationId: string | null, cutoff: number, now: number): Promise<void> {
    let update = this.db
      .updateTable("messages")
      .set({ body: null, content_warning: null, expired_at: now })
      .where("created_at", "<", cutoff)
      .where("expired_at", "is", null)
      .where("deleted_at", "is", null);
    if (conversationId !== null) update = update.where("conversation_id", "=", conversationId);
    await update.execute();
  }
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
