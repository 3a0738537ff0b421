/**
 * Who can take a support conversation now (protocol.md "Crisis support and
 * supporters"): a peer supporter who is on duty, online (an open socket on any
 * node), not blocked either way with the member, speaks one of the member's
 * languages (no languages counts as `en`), and is free, that is, not already
 * serving an open support conversation. Those who share an experience with the
 * member come first, then those with the most of their shift ahead.
 *
 * Finding is a read; taking is `claimSupporter`, a conditional update inside
 * the write that opens the conversation, so two requests racing for the last
 * free supporter (on one node or several) never both get them.
 */
import type { Store, Tx } from "../../store/database.js";
import type { PresenceRegistry } from "../presence.js";
import { matchingBasesOf } from "../accounts/languages.js";
import { notBlockedEitherWay, speaksAnyOf } from "../matching/compatibility.js";

export interface FreeSupporter {
  userId: string;
  handle: string;
  /** Experiences in common with the member. */
  shared: number;
}

/** The supporter was taken, went off duty or was blocked between the search and the write. */
export class SupporterTaken extends Error {}

export class FreeSupporters {
  constructor(
    private readonly db: Store,
    private readonly presence: PresenceRegistry,
  ) {}

  /** Free supporters for `memberId`, best first; `excluded` are never offered (e.g. the one tapping out). */
  async find(memberId: string, excluded: readonly string[] = []): Promise<FreeSupporter[]> {
    const bases = await matchingBasesOf(this.db, memberId);
    const rows = await this.db
      .selectFrom("users as u")
      .innerJoin("supporter_shifts as s", "s.user_id", "u.id")
      .select(["u.id", "u.handle", "s.break_due_at"])
      .where("u.on_duty", "=", 1)
      .where("s.started_at", "is not", null)
      .where("u.id", "!=", memberId)
      .where((eb) => eb.exists(eb.selectFrom("user_roles as r").select("r.user_id").whereRef("r.user_id", "=", "u.id").where("r.role", "=", "supporter")))
      .where((eb) =>
        eb.or([
          eb("s.serving_in", "is", null),
          eb.exists(eb.selectFrom("conversations as c").select("c.id").whereRef("c.id", "=", "s.serving_in").where("c.closed_at", "is not", null)),
        ]),
      )
      .where(speaksAnyOf("u.id", bases))
      .where(notBlockedEitherWay("u.id", memberId))
      .limit(500)
      .execute();
    const speaking = rows.filter((r) => !excluded.includes(r.id));
    if (speaking.length === 0) return [];
    const online = await this.presence.onlineAmong(speaking.map((r) => r.id));
    const available = speaking.filter((r) => online.has(r.id));
    if (available.length === 0) return [];
    const shared = await this.sharedExperiences(
      memberId,
      available.map((r) => r.id),
    );
    return available
      .map((r) => ({ userId: r.id, handle: r.handle, shared: shared.get(r.id) ?? 0, breakDueAt: Number(r.break_due_at) }))
      .sort((a, b) => b.shared - a.shared || b.breakDueAt - a.breakDueAt || a.userId.localeCompare(b.userId))
      .map(({ userId, handle, shared }) => ({ userId, handle, shared }));
  }

  private async sharedExperiences(memberId: string, supporterIds: string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("user_experiences as theirs")
      .innerJoin("user_experiences as mine", "mine.tag_id", "theirs.tag_id")
      .select(["theirs.user_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("mine.user_id", "=", memberId)
      .where("theirs.user_id", "in", supporterIds)
      .groupBy("theirs.user_id")
      .execute();
    return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
  }
}

/**
 * Takes `supporterId` for `conversationId` inside the caller's write, or throws
 * `SupporterTaken`. Blocks, duty and the role are read again here, and the
 * update only succeeds while the supporter is still free, so of two writes
 * racing for them exactly one wins (on PostgreSQL the loser waits for the
 * winner's commit, then finds the row no longer free).
 */
export async function claimSupporter(trx: Tx, supporterId: string, memberId: string, conversationId: string): Promise<void> {
  if (supporterId === memberId) throw new SupporterTaken();
  const blocked = await trx
    .selectFrom("blocks")
    .select("blocker_id")
    .where((eb) =>
      eb.or([
        eb.and([eb("blocker_id", "=", supporterId), eb("blocked_id", "=", memberId)]),
        eb.and([eb("blocker_id", "=", memberId), eb("blocked_id", "=", supporterId)]),
      ]),
    )
    .executeTakeFirst();
  if (blocked) throw new SupporterTaken();
  const claimed = await trx
    .updateTable("supporter_shifts")
    .set({ serving_in: conversationId })
    .where("user_id", "=", supporterId)
    .where("started_at", "is not", null)
    .where((eb) =>
      eb.or([
        eb("serving_in", "is", null),
        eb.exists(eb.selectFrom("conversations as c").select("c.id").whereRef("c.id", "=", "supporter_shifts.serving_in").where("c.closed_at", "is not", null)),
      ]),
    )
    .where((eb) => eb.exists(eb.selectFrom("users as u").select("u.id").where("u.id", "=", supporterId).where("u.on_duty", "=", 1)))
    .where((eb) => eb.exists(eb.selectFrom("user_roles as r").select("r.user_id").where("r.user_id", "=", supporterId).where("r.role", "=", "supporter")))
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw new SupporterTaken();
}
