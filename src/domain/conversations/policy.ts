/**
 * Who may reach whom in a conversation (engineering.md "Decide inside the
 * write"). Every path that carries one member's words or presence to another
 * asks here, from the store, in the same transaction that writes: sends,
 * edits, check-ins, typing, read state. Nothing here trusts a cache; a cache
 * elsewhere may only answer an early "no".
 *
 * - Not a member (or no such conversation): NOT_FOUND, so nothing hints it exists.
 * - A closed conversation takes no new words: CONFLICT.
 * - In a one-to-one, a block either way: BLOCKED.
 * - In a group, blocks hide: the words of a member go to nobody who blocked
 *   them, and typing, read state and presence to nobody on either side of a block.
 * (Mutes and suspensions join these rules when moderation lands.)
 *
 * On PostgreSQL two nodes write at once, and a rule read before this write
 * holds the conversation's row lock could be stale by its commit: a block,
 * leave or close committed in between would be missed, and a message would
 * land after the block's 204. So `canSend` takes that lock before it reads,
 * and every change to who may write takes the same lock: leaving and closing
 * update the row, and a block locks the conversations its two members share
 * (`lockConversationsOf`). SQLite has one writer at a time and needs none.
 */
import { KindredError } from "../../protocol/errors.js";
import { type Store, type Tx, isPostgres } from "../../store/database.js";
import { prepared } from "../../store/prepared.js";

export interface Reach {
  kind: "direct" | "group";
  /** The member's region for crisis resources, read in the same query (after-send hooks need it). */
  region: string | null;
  /** Members who must not receive this member's messages (they blocked the sender). */
  hiddenFrom: string[];
  /** Members on either side of a block with this member: no typing, read state or presence. */
  apart: string[];
}

const memberRow = prepared(2, (db, conversationId: string, userId: string) =>
  db
    .selectFrom("conversation_members as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["c.kind", "c.closed_at", "u.region"])
    .where("m.conversation_id", "=", conversationId)
    .where("m.user_id", "=", userId),
);

/** Blocks between this member and the other members of the conversation, in either direction. */
const blocksWithMembers = prepared(2, (db, conversationId: string, userId: string) =>
  db
    .selectFrom("blocks as b")
    .innerJoin("conversation_members as m", (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb("b.blocker_id", "=", eb.ref("m.user_id")), eb("b.blocked_id", "=", userId)]),
          eb.and([eb("b.blocked_id", "=", eb.ref("m.user_id")), eb("b.blocker_id", "=", userId)]),
        ]),
      ),
    )
    .select(["b.blocker_id", "b.blocked_id"])
    .where("m.conversation_id", "=", conversationId),
);

const lockConversation = prepared(1, (db, conversationId: string) => db.selectFrom("conversations").select("id").where("id", "=", conversationId).forUpdate());

/**
 * Locks, in id order (so two such writes never wait on each other in a cycle), every
 * conversation the member is in, or only those shared with `sharedWith`: a block locks what
 * its two members share, an account deletion everything the member is in.
 */
export async function lockConversationsOf(trx: Tx, userId: string, sharedWith?: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx
    .selectFrom("conversations")
    .select("id")
    .where("id", "in", (eb) => {
      const mine = eb.selectFrom("conversation_members as m").select("m.conversation_id").where("m.user_id", "=", userId);
      if (sharedWith === undefined) return mine;
      return mine.where("m.conversation_id", "in", eb.selectFrom("conversation_members as o").select("o.conversation_id").where("o.user_id", "=", sharedWith));
    })
    .orderBy("id")
    .forUpdate()
    .execute();
}

async function reachOf(db: Store | Tx, userId: string, conversationId: string, words: boolean): Promise<Reach> {
  const member = (await memberRow.run(db, conversationId, userId)).rows[0];
  if (!member) throw new KindredError("NOT_FOUND");
  if (words && member.closed_at !== null) throw closedError();
  const blocks = (await blocksWithMembers.run(db, conversationId, userId)).rows;
  if (member.kind === "direct" && blocks.length > 0) throw new KindredError("BLOCKED");
  const hiddenFrom = blocks.filter((b) => b.blocked_id === userId).map((b) => b.blocker_id);
  const apart = blocks.map((b) => (b.blocker_id === userId ? b.blocked_id : b.blocker_id));
  return { kind: member.kind, region: member.region, hiddenFrom, apart };
}

/** May `userId` add words (a message, an edit, a check-in answer) to the conversation? Throws if not. */
export async function canSend(trx: Tx, userId: string, conversationId: string): Promise<Reach> {
  if (isPostgres(trx)) await lockConversation.run(trx, conversationId);
  return reachOf(trx, userId, conversationId, true);
}

/**
 * May `userId` signal the others (typing, read state)? Read state moves in closed
 * conversations too; a one-to-one with a block carries nothing either way.
 */
export function canSignal(db: Store | Tx, userId: string, conversationId: string): Promise<Reach> {
  return reachOf(db, userId, conversationId, false);
}

export function closedError(): KindredError {
  return new KindredError("CONFLICT", { message: "This conversation has ended; it takes no new messages.", details: { field: "conversationId" } });
}
