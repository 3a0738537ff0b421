/**
 * SQLite's write-ahead log is copied back into the database file by
 * checkpoints. Left to SQLite, a checkpoint runs inside whichever commit
 * crosses the threshold, on the event loop, where a slow disk froze every
 * socket for hundreds of milliseconds (engineering.md "Performance notes").
 * So the server's connection never checkpoints; a worker thread with its own
 * connection does, passively, every few hundred milliseconds.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// One prepared statement, reused: every `db.pragma()` call would leave a statement object for
// the garbage collector, and better-sqlite3 12 can abort the process when one is collected while
// a worker's environment is being torn down (seen on Node 24).
const workerSource = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const passive = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const checkpoint = () => { try { passive.get(); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage("stopped");
});
parentPort.postMessage("ready");
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export async function startCheckpointer(file: string, intervalMs = 250): Promise<Checkpointer> {
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(workerSource, { eval: true, workerData: { file, module, intervalMs } });
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once("message", () => void worker.terminate().then(() => resolve()));
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
