/**
 * Blocks (protocol.md "Safety"): once either member blocks the other, neither
 * can message the other in a direct conversation, match with or see the
 * other's presence or typing; the blocked member's messages in shared groups
 * are not delivered to the blocker.
 */
import { KindredError, badRequest } from "../../protocol/errors.js";
import { type Store, retryingConflicts } from "../../store/database.js";
import { lockConversationsOf } from "../conversations/policy.js";

export interface BlockSets {
  /** Members this member blocked: their messages are hidden from this member. */
  hidden: Set<string>;
  /** Members on either side of a block with this member: no presence or typing either way. */
  apart: Set<string>;
}

/** A member someone blocked, as the blocker's list shows them. */
export interface BlockedMember {
  userId: string;
  handle: string;
  displayName: string | null;
  /** Milliseconds since the epoch. */
  blockedAt: number;
}

export class Blocks {
  constructor(private readonly db: Store) {}

  /** POST /api/v1/blocks: idempotent. */
  async block(blockerId: string, blockedId: string, now = Date.now()): Promise<void> {
    if (blockerId === blockedId) throw badRequest("userId", "you cannot block yourself");
    const exists = await this.db.selectFrom("users").select("id").where("id", "=", blockedId).executeTakeFirst();
    if (!exists) throw new KindredError("NOT_FOUND");
    // Under the locks every send into a shared conversation takes (policy.ts): a send already
    // holding one commits first, and any later send reads this block.
    await retryingConflicts(() =>
      this.db.transaction().execute(async (trx) => {
        await lockConversationsOf(trx, blockerId, blockedId);
        await trx
          .insertInto("blocks")
          .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
          .onConflict((oc) => oc.columns(["blocker_id", "blocked_id"]).doNothing())
          .execute();
      }),
    );
  }

  /** DELETE /api/v1/blocks/:userId: idempotent. */
  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.db.deleteFrom("blocks").where("blocker_id", "=", blockerId).where("blocked_id", "=", blockedId).execute();
  }

  /** GET /api/v1/blocks: whom this member blocked, with their handle and name, newest first. */
  async listBlocked(blockerId: string): Promise<BlockedMember[]> {
    const rows = await this.db
      .selectFrom("blocks")
      .innerJoin("users", "users.id", "blocks.blocked_id")
      .select(["blocks.blocked_id as userId", "users.handle as handle", "users.display_name as displayName", "blocks.created_at as blockedAt"])
      .where("blocks.blocker_id", "=", blockerId)
      .orderBy("blocks.created_at", "desc")
      .orderBy("users.handle_key", "asc")
      .execute();
    return rows;
  }

  async isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("blocks")
      .select("blocker_id")
      .where((eb) => eb.or([eb.and([eb("blocker_id", "=", a), eb("blocked_id", "=", b)]), eb.and([eb("blocker_id", "=", b), eb("blocked_id", "=", a)])]))
      .executeTakeFirst();
    return row !== undefined;
  }

  async setsFor(userId: string): Promise<BlockSets> {
    const rows = await this.db
      .selectFrom("blocks")
      .select(["blocker_id", "blocked_id"])
      .where((eb) => eb.or([eb("blocker_id", "=", userId), eb("blocked_id", "=", userId)]))
      .execute();
    const hidden = new Set<string>();
    const apart = new Set<string>();
    for (const r of rows) {
      if (r.blocker_id === userId) {
        hidden.add(r.blocked_id);
        apart.add(r.blocked_id);
      } else {
        apart.add(r.blocker_id);
      }
    }
    return { hidden, apart };
  }
}
