/**
 * Fan-out: sockets in rooms, each sender at a fixed offered rate, ramped step by
 * step until the p99 end-to-end latency passes 50 ms (or deliveries fall behind
 * what was offered). The figure is the highest delivered messages per second
 * under that bound.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seed } from "../fixtures.js";
import type { ClientSpec, ServerKind } from "../load/clients.js";
import { type RunningServer, cpuSeconds, startBaseline, startKindred } from "../servers.js";

export interface FanoutOptions {
  sockets: number;
  roomSize: number;
  runs: number;
  /** Offered deliveries per second, one step each. */
  steps: number[];
  stepMs: number;
  warmupMs: number;
  p99LimitMs: number;
  /** Pause between steps and after each run, for queues to drain. */
  restMs: number;
}

export interface StepResult {
  offeredPerSecond: number;
  deliveredPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  serverCpu: number;
  passed: boolean;
}

export interface FanoutResult {
  kind: ServerKind;
  runs: Array<{ steps: StepResult[]; best: StepResult | null }>;
  /** Median over runs of the best delivered rate under the p99 bound. */
  median: number;
  min: number;
  max: number;
  bestAtMedian: StepResult | null;
}

type Worker = ReturnType<typeof fork>;

function ask(worker: Worker, message: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    worker.once("message", (answer: any) => (answer.ok ? resolve(answer) : reject(new Error(answer.error))));
    worker.send(message as object);
  });
}

export async function startServerFor(
  kind: ServerKind,
  sockets: number,
  roomSize: number,
): Promise<{ server: RunningServer; clients: ClientSpec[]; cleanup: () => void }> {
  if (kind !== "kindred") {
    const server = await startBaseline(kind);
    const clients = Array.from({ length: sockets }, (_, i) => ({ room: `room-${Math.floor(i / roomSize)}` }));
    return { server, clients, cleanup: () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "kindred-bench-"));
  const seeded = await seed(dataDir, { users: sockets, groupSize: roomSize, groups: roomSize > 2, directs: roomSize === 2 });
  const conversations = roomSize === 2 ? seeded.directs : seeded.groups;
  const clients: ClientSpec[] = [];
  for (const c of conversations) for (const m of c.members) clients.push({ room: c.id, token: seeded.tokens[m] });
  const server = await startKindred(dataDir);
  return { server, clients, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function fanout(kind: ServerKind, options: FanoutOptions, log: (line: string) => void): Promise<FanoutResult> {
  // The load process starts while the server does: each takes a second or more on a busy machine.
  const worker = fork(new URL("../load/fanout-worker.ts", import.meta.url).pathname, { execArgv: ["--import", "tsx"] });
  const { server, clients, cleanup } = await startServerFor(kind, options.sockets, options.roomSize).catch((err: unknown) => {
    worker.kill();
    throw err;
  });
  try {
    await ask(worker, { cmd: "connect", setup: { kind, url: server.url, clients } });
    const runs: FanoutResult["runs"] = [];
    for (let run = 0; run < options.runs; run++) {
      const steps: StepResult[] = [];
      for (const offered of options.steps) {
        const cpuBefore = cpuSeconds(server.pid);
        const { result } = await ask(worker, {
          cmd: "step",
          step: { sendsPerSecond: offered / options.roomSize, durationMs: options.stepMs, warmupMs: options.warmupMs },
        });
        const cpu = (cpuSeconds(server.pid) - cpuBefore) / ((options.stepMs + 500) / 1000);
        const expected = (result.measuredSent * options.roomSize) / ((options.stepMs - options.warmupMs) / 1000);
        const passed = result.p99 < options.p99LimitMs && result.deliveredPerSecond >= 0.9 * expected;
        const step = {
          offeredPerSecond: offered,
          deliveredPerSecond: Math.round(result.deliveredPerSecond),
          p50: round(result.p50),
          p99: round(result.p99),
          max: round(result.max),
          serverCpu: round(cpu),
          passed,
        };
        steps.push(step);
        log(
          `  ${kind} run ${run + 1}: offered ${offered}/s → delivered ${step.deliveredPerSecond}/s, p50 ${step.p50} ms, p99 ${step.p99} ms, cpu ${step.serverCpu}`,
        );
        if (!passed) break;
        // Let queues drain between steps.
        await new Promise((r) => setTimeout(r, options.restMs));
      }
      const passing = steps.filter((s) => s.passed);
      runs.push({ steps, best: passing.length ? passing.reduce((a, b) => (b.deliveredPerSecond > a.deliveredPerSecond ? b : a)) : null });
      await new Promise((r) => setTimeout(r, 2 * options.restMs));
    }
    const bests = runs.map((r) => r.best?.deliveredPerSecond ?? 0);
    const sorted = [...bests].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return { kind, runs, median, min: sorted[0]!, max: sorted.at(-1)!, bestAtMedian: runs[bests.indexOf(median)]?.best ?? null };
  } finally {
    await ask(worker, { cmd: "close" }).catch(() => {});
    worker.kill();
    await server.stop();
    cleanup();
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
