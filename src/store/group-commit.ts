/**
 * Group commit: every write that arrives within one event-loop turn shares one
 * transaction, so one fsync makes a whole batch durable (engineering.md
 * "Performance notes": one fsync per message caps throughput at a tenth).
 *
 * Each write runs inside its own savepoint: one that fails is rolled back alone
 * and rejects alone, while the rest of the batch commits. After COMMIT, each
 * write's `afterCommit` runs in order (acks, then fan-out), and only then do the
 * callers' promises resolve. Batches commit one after another, never at once.
 */
import { sql } from "kysely";
import type { Store } from "./database.js";

export type Write<T> = (trx: Store) => Promise<T>;

interface Pending {
  write: Write<unknown>;
  afterCommit?: (result: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Store,
    private readonly onAfterCommitError: (err: unknown) => void = () => {},
  ) {}

  /** Runs `write` in the next batch; resolves with its result once the batch is durable. */
  run<T>(write: Write<T>, afterCommit?: (result: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        write,
        afterCommit: afterCommit as ((result: unknown) => void) | undefined,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.flushing = this.flushing.then(() => this.flush());
        });
      }
    });
  }

  /** Resolves once every write queued so far is committed (for shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) {
      await new Promise((r) => setImmediate(r));
      await this.flushing;
    }
    await this.flushing;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const pending of batch) {
          await sql`savepoint write`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await pending.write(trx) });
            await sql`release savepoint write`.execute(trx);
          } catch (error) {
            await sql`rollback to savepoint write`.execute(trx);
            await sql`release savepoint write`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) return;
      try {
        pending.afterCommit?.(outcome.value);
      } catch (err) {
        this.onAfterCommitError(err);
      }
    });
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
