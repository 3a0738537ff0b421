/**
 * Idle memory: resident memory added per idle authenticated socket, at
 * increasing socket counts, in the same server process as the count grows.
 */
import { fork } from "node:child_process";
import type { ServerKind } from "../load/clients.js";
import { rssKb } from "../servers.js";
import { startServerFor } from "./fanout.js";

export interface IdleResult {
  kind: ServerKind;
  baselineRssKb: number;
  points: Array<{ sockets: number; rssKb: number; kbPerSocket: number }>;
}

function ask(worker: ReturnType<typeof fork>, message: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    worker.once("message", (answer: any) => (answer.ok ? resolve(answer) : reject(new Error(answer.error))));
    worker.send(message as object);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function idle(kind: ServerKind, counts: number[], log: (line: string) => void, settleMs = 3_000): Promise<IdleResult> {
  const max = Math.max(...counts);
  const { server, clients, cleanup } = await startServerFor(kind, max, 10);
  const worker = fork(new URL("../load/fanout-worker.ts", import.meta.url).pathname, { execArgv: ["--import", "tsx"] });
  try {
    await settle(settleMs);
    const baselineRssKb = rssKb(server.pid);
    const points: IdleResult["points"] = [];
    let connected = 0;
    for (const count of [...counts].sort((a, b) => a - b)) {
      await ask(worker, { cmd: "connect", setup: { kind, url: server.url, clients: clients.slice(connected, count), pingEveryMs: 20_000 } });
      connected = count;
      await settle(settleMs);
      const rss = rssKb(server.pid);
      const point = { sockets: count, rssKb: rss, kbPerSocket: Math.round(((rss - baselineRssKb) / count) * 10) / 10 };
      points.push(point);
      log(`  ${kind}: ${count} idle sockets → RSS ${Math.round(rss / 1024)} MiB, ${point.kbPerSocket} KB per socket`);
    }
    return { kind, baselineRssKb, points };
  } finally {
    await ask(worker, { cmd: "close" }).catch(() => {});
    worker.kill();
    await server.stop();
    cleanup();
  }
}
