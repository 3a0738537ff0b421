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
  const worker = new Worker(workerSource, { eval: true, workerData: { file, betterSqliteModule, intervalMs } });
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
