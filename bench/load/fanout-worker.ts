/**
 * The fan-out load generator: a process of its own, never the server's. The
 * orchestrator sends it commands over IPC: connect N clients, then run steps
 * at a fixed offered send rate, each answered with what was delivered and how fast.
 */
import { type ClientSpec, type LoadClient, type ServerKind, connect } from "./clients.js";

interface Setup {
  kind: ServerKind;
  url: string;
  clients: ClientSpec[];
  /** Kindred closes sockets silent for two heartbeats: idle clients ping as real ones do. */
  pingEveryMs?: number;
}

interface Step {
  sendsPerSecond: number;
  durationMs: number;
  warmupMs: number;
}

const clients: LoadClient[] = [];
let measuring = false;
let latencies: number[] = [];

function record(sentAt: number): void {
  if (measuring) latencies.push(performance.now() - sentAt);
}

async function connectAll(setup: Setup): Promise<void> {
  for (let i = 0; i < setup.clients.length; i += 200) {
    const batch = setup.clients.slice(i, i + 200);
    clients.push(...(await Promise.all(batch.map((spec) => connect(setup.kind, setup.url, spec, record)))));
  }
  if (setup.pingEveryMs) setInterval(() => clients.forEach((c) => c.ping()), setup.pingEveryMs).unref();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runStep(step: Step) {
  const tickMs = 10;
  const started = performance.now();
  let sent = 0;
  let measuredSent = 0;
  let next = 0;
  latencies = [];
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      if (elapsed >= step.durationMs) {
        clearInterval(timer);
        resolve();
        return;
      }
      measuring = elapsed >= step.warmupMs;
      const due = Math.floor((elapsed / 1000) * step.sendsPerSecond) - sent;
      for (let k = 0; k < due; k++) {
        clients[next]!.send(String(performance.now()));
        next = (next + 1) % clients.length;
        sent += 1;
        if (measuring) measuredSent += 1;
      }
    }, tickMs);
  });
  // Let the last messages arrive, then stop counting.
  await new Promise((r) => setTimeout(r, 500));
  measuring = false;
  const windowS = (step.durationMs - step.warmupMs) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent,
    measuredSent,
    delivered: sorted.length,
    deliveredPerSecond: sorted.length / windowS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

process.on("message", (message: { cmd: string; setup?: Setup; step?: Step }) => {
  void (async () => {
    try {
      if (message.cmd === "connect") {
        await connectAll(message.setup!);
        process.send!({ ok: true, connected: clients.length });
      } else if (message.cmd === "step") {
        process.send!({ ok: true, result: await runStep(message.step!) });
      } else if (message.cmd === "close") {
        for (const c of clients) c.close();
        process.send!({ ok: true });
        setTimeout(() => process.exit(0), 100);
      }
    } catch (err) {
      process.send!({ ok: false, error: String(err) });
    }
  })();
});
