/**
 * Who may see a conversation. A non-member gets NOT_FOUND for every route and
 * frame, exactly as for a conversation that does not exist (protocol.md
 * "Errors"), so nothing hints that it is there.
 */
import { KindredError } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";

export interface Membership {
  conversationId: string;
  kind: "direct" | "group";
  role: "member" | "facilitator";
  joinedSeq: number;
  readSeq: number;
  lastSeq: number;
  closed: boolean;
}

export async function findMembership(db: Store, userId: string, conversationId: string): Promise<Membership | undefined> {
  const row = await db
    .selectFrom("conversation_members as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select(["c.id", "c.kind", "c.last_seq", "c.closed_at", "m.role", "m.joined_seq", "m.read_seq"])
    .where("m.user_id", "=", userId)
    .where("m.conversation_id", "=", conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    conversationId: row.id,
    kind: row.kind,
    role: row.role,
    joinedSeq: Number(row.joined_seq),
    readSeq: Number(row.read_seq),
    lastSeq: Number(row.last_seq),
    closed: row.closed_at !== null,
  };
}

export async function requireMembership(db: Store, userId: string, conversationId: string): Promise<Membership> {
  const membership = await findMembership(db, userId, conversationId);
  if (!membership) throw new KindredError("NOT_FOUND");
  return membership;
}

/** The other members of a conversation. */
export async function otherMembers(db: Store, userId: string, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("conversation_members")
    .select("user_id")
    .where("conversation_id", "=", conversationId)
    .where("user_id", "!=", userId)
    .execute();
  return rows.map((r) => r.user_id);
}
