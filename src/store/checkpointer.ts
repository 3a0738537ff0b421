/**
 * SQLite's write-ahead log is copied back into the database file by
 * checkpoints. Left to SQLite, a checkpoint runs inside whichever commit
 * crosses the threshold, on the event loop, where a slow disk froze every
 * socket for hundreds of milliseconds (engineering.md "Performance notes").
 * So the server's connection never checkpoints; a worker thread with its own
 * connection does, passively, every few hundred milliseconds.
 */
import { Worker } from "node:worker_threads";
import { betterSqliteModule } from "./sqlite-connection.js";

// The worker opens its connection with the server's driver (sqlite-connection.ts says why it
// matters), and prepares its one statement once.
const workerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const db = workerData.betterSqliteModule
  ? new (require(workerData.betterSqliteModule))(workerData.file)
  : new (require("node:sqlite").DatabaseSync)(workerData.file);
db.exec("PRAGMA busy_timeout = 5000");
const passive = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const truncate = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
const checkpoint = () => { try { passive.get(); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
// TRUNCATE copies every page back and empties the log; it reports busy while a reader holds
// an older snapshot, so it is tried again for a while.
const emptyLog = (attemptsLeft) => {
  let busy = 1;
  try { busy = truncate.get().busy; } catch {}
  if (busy === 0) parentPort.postMessage({ truncated: true });
  else if (attemptsLeft > 0) setTimeout(() => emptyLog(attemptsLeft - 1), 20);
  else parentPort.postMessage({ truncated: false });
};
parentPort.on("message", (message) => {
  if (message === "truncate") return emptyLog(250);
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage("stopped");
});
parentPort.postMessage("ready");
`;

export interface Checkpointer {
  /** Copies the whole log into the database file and empties it; false when readers kept it busy for about five seconds. */
  truncate(): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startCheckpointer(file: string, intervalMs = 250): Promise<Checkpointer> {
  const worker = new Worker(workerSource, { eval: true, workerData: { file, betterSqliteModule, intervalMs } });
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  return {
    truncate: () =>
      new Promise<boolean>((resolve) => {
        const answer = (message: unknown) => {
          if (typeof message !== "object" || message === null || !("truncated" in message)) return;
          worker.off("message", answer);
          resolve((message as { truncated: boolean }).truncated);
        };
        worker.on("message", answer);
        worker.postMessage("truncate");
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once("message", () => void worker.terminate().then(() => resolve()));
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
