/**
 * Servers under test, each in a child process of its own with a raised file
 * limit: Kindred exactly as `npm start` runs it (the built `dist/main.js`,
 * SQLite, WAL, synchronous=FULL), and the two baselines.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { ServerKind } from "./load/clients.js";
import { freePort } from "../test/helpers/net.js";

const root = new URL("../", import.meta.url).pathname;

export interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `command` under bash with a raised open-file limit; `exec` keeps the pid. */
function launch(command: string, env: Record<string, string>): ChildProcess {
  return spawn("bash", ["-c", `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec ${command}`], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function waitForHttp(url: string, path: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url + path);
      if (res.status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}${path}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}

export async function startKindred(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  // BENCH_NODE_ARGS lets a profiling run add e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const child = launch(`node ${process.env.BENCH_NODE_ARGS ?? ""} dist/main.js`, {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    RATE_LIMIT_MULTIPLIER: "1000",
    LOG_LEVEL: "warn",
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, "/readyz", child);
  return { kind: "kindred", url, pid: child.pid!, stop: stopper(child) };
}

export async function startBaseline(kind: "raw-ws" | "socket.io"): Promise<RunningServer> {
  const port = await freePort();
  const file = kind === "raw-ws" ? "bench/baselines/raw-ws.ts" : "bench/baselines/socketio.ts";
  const child = launch(`node --import tsx ${file}`, { PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, kind === "raw-ws" ? "/" : "/socket.io/?EIO=4&transport=polling", child);
  return { kind, url, pid: child.pid!, stop: stopper(child) };
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory in KiB. */
export function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? 0);
}
