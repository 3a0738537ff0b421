/**
 * Metrics of the live paths: frames in and out, send-to-ack and fan-out latency,
 * matching waits and group-commit batch sizes. Each is recorded by a one-line call
 * from the code it measures. Frames, counted for every socket of every fan-out, cost
 * one Map update (tens of nanoseconds); the counters take the totals at scrape time.
 *
 * The metrics belong to the process (one server per process in production);
 * `installMetrics` adds them to each server's /metrics registry.
 */
import { Counter, Histogram, type Metric } from "prom-client";

/** Frames counted since the last scrape, by op. */
const inSinceScrape = new Map<string, number>();
const outSinceScrape = new Map<string, number>();

function flushInto(counter: Counter<"op">, counts: Map<string, number>): void {
  for (const [op, n] of counts) counter.inc({ op }, n);
  counts.clear();
}

const framesIn: Counter<"op"> = new Counter({
  name: "kindred_ws_frames_in_total",
  help: "WebSocket frames received, by op ('invalid' when unreadable)",
  labelNames: ["op"],
  registers: [],
  collect: () => flushInto(framesIn, inSinceScrape),
});
const framesOut: Counter<"op"> = new Counter({
  name: "kindred_ws_frames_out_total",
  help: "WebSocket frames sent, by op",
  labelNames: ["op"],
  registers: [],
  collect: () => flushInto(framesOut, outSinceScrape),
});
const errorFrames = new Counter({
  name: "kindred_ws_error_frames_total",
  help: "WebSocket error frames sent, by error code",
  labelNames: ["code"],
  registers: [],
});
const sendToAck = new Histogram({
  name: "kindred_send_ack_seconds",
  help: "From a send frame's handling to its ack (stored and committed)",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [],
});
const fanout = new Histogram({
  name: "kindred_fanout_seconds",
  help: "From an event's write to its hand-off to this node's sockets (commit, bus and fan-out)",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [],
});
const matchWait = new Histogram({
  name: "kindred_match_wait_seconds",
  help: "How long a match request waited before it was matched, by kind",
  labelNames: ["kind"],
  buckets: [0.1, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
  registers: [],
});
const commitBatch = new Histogram({
  name: "kindred_commit_batch_size",
  help: "Writes committed together in one group-commit transaction",
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
  registers: [],
});

/** Every metric above, for a registry to expose. */
export const liveMetrics: Metric[] = [framesIn, framesOut, errorFrames, sendToAck, fanout, matchWait, commitBatch];

function childOf<T>(cache: Map<string, T>, value: string, make: (value: string) => T): T {
  let child = cache.get(value);
  if (!child) cache.set(value, (child = make(value)));
  return child;
}

const errorsByCode = new Map<string, { inc(): void }>();
const prefix = '{"op":"';

/** A client frame was read (`op` as validated, or "invalid"). */
export function frameIn(op: string): void {
  inSinceScrape.set(op, (inSinceScrape.get(op) ?? 0) + 1);
}

/**
 * A serialized frame is going out. Every server frame is built with `op` as its first
 * key, so the op is read from the string without parsing it.
 */
export function frameOut(frame: string): void {
  const end = frame.startsWith(prefix) ? frame.indexOf('"', prefix.length) : -1;
  const op = end > 0 ? frame.slice(prefix.length, end) : "other";
  outSinceScrape.set(op, (outSinceScrape.get(op) ?? 0) + 1);
  if (op === "error") {
    const code = /"code":"([A-Z_]{1,40})"/.exec(frame)?.[1] ?? "unknown";
    childOf(errorsByCode, code, (c) => errorFrames.labels(c)).inc();
  }
}

/** Returns a function to call when the send is acked. */
export function ackTimer(): () => void {
  const started = performance.now();
  return () => sendToAck.observe((performance.now() - started) / 1000);
}

/** An event written at `at` (ISO time) reached this node's sockets now. */
export function fannedOut(at: string): void {
  const written = Date.parse(at);
  if (Number.isFinite(written)) fanout.observe(Math.max(0, Date.now() - written) / 1000);
}

export function matched(kind: "one-to-one" | "group", waitedMs: number): void {
  matchWait.observe({ kind }, Math.max(0, waitedMs) / 1000);
}

export function committedBatch(size: number): void {
  commitBatch.observe(size);
}
