/**
 * The one record a crisis notice leaves (docs/safety-policy.md): how many were
 * shown on a UTC day, so an organization can see whether its supporters are
 * needed. No member, conversation, message or time of day is kept with it.
 */
import type { Store } from "../../store/database.js";
import type { GroupCommit } from "../../store/group-commit.js";

/** The UTC calendar day of `now`, as YYYY-MM-DD. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export class DailyCrisisCount {
  constructor(private readonly commit: GroupCommit) {}

  /**
   * Adds one to today's count in the next group commit, without waiting for it.
   * A failure is dropped on purpose: logging it would itself record that someone
   * wrote words of crisis at that moment.
   */
  add(now = Date.now()): void {
    const day = utcDay(now);
    this.commit
      .run((trx) =>
        trx
          .insertInto("safety_daily_counts")
          .values({ day, count: 1 })
          .onConflict((oc) => oc.column("day").doUpdateSet((eb) => ({ count: eb("safety_daily_counts.count", "+", 1) })))
          .execute(),
      )
      .catch(() => {});
  }

  /** The stored counts, newest day first (for operators and tests). */
  static async read(db: Store): Promise<Array<{ day: string; count: number }>> {
    const rows = await db.selectFrom("safety_daily_counts").selectAll().orderBy("day", "desc").execute();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }
}
