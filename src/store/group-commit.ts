/**
 * Group commit: every write that arrives within one event-loop turn shares one
 * transaction, so one fsync makes a whole batch durable (engineering.md
 * "Performance notes": one fsync per message caps throughput at a tenth).
 *
 * A batch first runs optimistically, all writes in one plain transaction. If a
 * write fails, that attempt is rolled back and the batch runs again with each
 * write in its own savepoint, so the failing one is undone and rejects alone
 * while the rest commit (savepoints cost three statements a write, so only
 * batches that need them pay). After COMMIT, each write's `afterCommit` runs in
 * order (acks, then fan-out), and only then do the callers' promises resolve.
 * Batches commit one after another, never at once.
 */
import { sql } from "kysely";
import type { Store, Tx } from "./database.js";

export type Write<T> = (trx: Tx) => Promise<T>;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown inside the optimistic attempt to roll it back when any write failed. */
class BatchNeedsSavepoints extends Error {}

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
    /** Told the size of each batch as it starts (for metrics; the store knows nothing of them). */
    private readonly onBatch: (size: number) => void = () => {},
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

  private runOptimistically(batch: Pending[]): Promise<Outcome[]> {
    return this.db.transaction().execute(async (trx) => {
      const outcomes: Outcome[] = [];
      for (const pending of batch) {
        try {
          outcomes.push({ ok: true, value: await pending.write(trx) });
        } catch {
          throw new BatchNeedsSavepoints();
        }
      }
      return outcomes;
    });
  }

  private runWithSavepoints(batch: Pending[]): Promise<Outcome[]> {
    return this.db.transaction().execute(async (trx) => {
      const outcomes: Outcome[] = [];
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
      return outcomes;
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.onBatch(batch.length);
    let outcomes: Outcome[];
    try {
      outcomes = await this.runOptimistically(batch).catch((err: unknown) => {
        if (!(err instanceof BatchNeedsSavepoints)) throw err;
        return this.runWithSavepoints(batch);
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
