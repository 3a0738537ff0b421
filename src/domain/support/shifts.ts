/**
 * Peer supporters' shifts (protocol.md "Crisis support and supporters";
 * product.md: "Shift length is visible to them; the app nudges a break after a
 * long shift"). `PATCH /api/v1/me {onDuty: true}` starts a shift, `false` ends
 * it; while on duty the member's own profile carries `shift: {startedAt,
 * breakDueAt}`. Once the break is due, their sockets get `shift.break-due`,
 * once per shift, from whichever node's sweep claims it first.
 */
import { KindredError } from "../../protocol/errors.js";
import type { Store } from "../../store/database.js";
import type { Notifier } from "../notifier.js";

export interface ShiftView {
  startedAt: string;
  breakDueAt: string;
}

export class Shifts {
  constructor(
    private readonly db: Store,
    private readonly notify: Notifier,
    private readonly breakAfterMs: number,
  ) {}

  /**
   * `PATCH /api/v1/me {onDuty}`: going on duty starts a shift (going on duty
   * while on duty keeps the shift running); going off duty ends it. The
   * supporter role is read in the same transaction that writes, so a role
   * revoked a moment ago cannot start a shift.
   */
  async setOnDuty(userId: string, onDuty: boolean, now = Date.now()): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!onDuty) {
        await trx.updateTable("users").set({ on_duty: 0 }).where("id", "=", userId).execute();
        await trx
          .updateTable("supporter_shifts")
          .set({ started_at: null, break_due_at: null, break_notified_at: null })
          .where("user_id", "=", userId)
          .execute();
        return;
      }
      const supporter = await trx.selectFrom("user_roles").select("user_id").where("user_id", "=", userId).where("role", "=", "supporter").executeTakeFirst();
      if (!supporter) throw new KindredError("FORBIDDEN", { message: "Only peer supporters can go on duty.", details: { field: "onDuty" } });
      await trx.updateTable("users").set({ on_duty: 1 }).where("id", "=", userId).execute();
      const shift = { started_at: now, break_due_at: now + this.breakAfterMs, break_notified_at: null };
      await trx
        .insertInto("supporter_shifts")
        .values({ user_id: userId, serving_in: null, ...shift })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(shift).where("supporter_shifts.started_at", "is", null))
        .execute();
    });
  }

  /** The running shift of a member who is on duty, or undefined. */
  async shiftOf(userId: string): Promise<ShiftView | undefined> {
    const row = await this.db
      .selectFrom("supporter_shifts as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select(["s.started_at", "s.break_due_at"])
      .where("s.user_id", "=", userId)
      .where("u.on_duty", "=", 1)
      .where("s.started_at", "is not", null)
      .executeTakeFirst();
    if (!row || row.started_at === null || row.break_due_at === null) return undefined;
    return { startedAt: new Date(Number(row.started_at)).toISOString(), breakDueAt: new Date(Number(row.break_due_at)).toISOString() };
  }

  /**
   * Sends `shift.break-due` to every supporter whose break has come. Each shift
   * is claimed with a conditional update, so with several nodes sweeping, each
   * supporter is nudged once per shift. At most 500 per sweep; the rest wait
   * for the next one.
   */
  async sweepBreaks(now = Date.now()): Promise<number> {
    const due = await this.db
      .selectFrom("supporter_shifts as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select(["s.user_id", "s.started_at"])
      .where("s.break_due_at", "<=", now)
      .where("s.break_notified_at", "is", null)
      .where("s.started_at", "is not", null)
      .where("u.on_duty", "=", 1)
      .limit(500)
      .execute();
    let sent = 0;
    for (const shift of due) {
      const claimed = await this.db
        .updateTable("supporter_shifts")
        .set({ break_notified_at: now })
        .where("user_id", "=", shift.user_id)
        .where("started_at", "=", shift.started_at)
        .where("break_notified_at", "is", null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) continue;
      this.notify.toUser(shift.user_id, { op: "shift.break-due", startedAt: new Date(Number(shift.started_at)).toISOString() });
      sent += 1;
    }
    return sent;
  }
}

/** How often to look for due breaks: often enough to be timely, never busier than every 200 ms. */
export function breakSweepMs(breakAfterMs: number): number {
  return Math.min(60_000, Math.max(200, Math.floor(breakAfterMs / 4)));
}
