/**
 * `npm run bench`: Kindred measured side by side with raw `ws` and Socket.IO
 * in one run on one machine, reported as ratios (the only figures that hold on
 * a shared, noisy machine). Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                 full run (about ten minutes on 2 cores)
 *   npm run bench -- --quick      a tiny load, for a smoke test
 *   npm run bench -- --out FILE   write the JSON elsewhere
 */
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { type FanoutOptions, type FanoutResult, fanout } from "./scenarios/fanout.js";
import { http } from "./scenarios/http.js";
import { idle } from "./scenarios/idle.js";
import { matching } from "./scenarios/matching.js";
import { resumeStorm } from "./scenarios/resume-storm.js";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, out: { type: "string" } } });
const quick = values.quick!;
const out = values.out ?? new URL("./results/latest.json", import.meta.url).pathname;
const log = (line: string) => process.stdout.write(`${line}\n`);

// --quick proves the harness end to end (every figure is produced) in well under 30 s on a busy
// 2-core machine: a handful of sockets, one short step per scenario, short pauses. Its figures
// say nothing about speed.
const profile = quick
  ? {
      fanout: { sockets: 20, roomSize: 10, runs: 1, steps: [100], stepMs: 600, warmupMs: 200, p99LimitMs: 1_000, restMs: 100 } satisfies FanoutOptions,
      oneToOne: { sockets: 20, roomSize: 2, runs: 1, steps: [50], stepMs: 600, warmupMs: 200, p99LimitMs: 1_000, restMs: 100 } satisfies FanoutOptions,
      idleCounts: [10, 20],
      idleSettleMs: 200,
      storm: { clients: 20, messages: 2 },
      matchPairs: 10,
      matchSettleMs: 300,
      httpSeconds: 1,
    }
  : {
      fanout: {
        sockets: 5_000,
        roomSize: 10,
        runs: 3,
        steps: [10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000, 120_000, 150_000],
        stepMs: 3_000,
        warmupMs: 1_000,
        p99LimitMs: 50,
        restMs: 500,
      } satisfies FanoutOptions,
      oneToOne: {
        sockets: 5_000,
        roomSize: 2,
        runs: 1,
        steps: [5_000, 10_000, 15_000, 20_000, 30_000, 40_000, 50_000, 60_000],
        stepMs: 3_000,
        warmupMs: 1_000,
        p99LimitMs: 50,
        restMs: 500,
      } satisfies FanoutOptions,
      idleCounts: [1_000, 5_000, 10_000],
      idleSettleMs: 3_000,
      storm: { clients: 2_000, messages: 20 },
      matchPairs: 1_000,
      matchSettleMs: 1_000,
      httpSeconds: 10,
    };

const startedAt = new Date();
log("building Kindred as npm start does (only what is stale)…");
execSync("node scripts/build.mjs", { stdio: "inherit" });

log(`fan-out: ${profile.fanout.sockets} sockets in rooms of ${profile.fanout.roomSize}, p99 bound ${profile.fanout.p99LimitMs} ms`);
const rooms: Record<string, FanoutResult> = {};
for (const kind of ["raw-ws", "socket.io", "kindred"] as const) rooms[kind] = await fanout(kind, profile.fanout, log);
log(`fan-out: ${profile.oneToOne.sockets} sockets in one-to-ones`);
const oneToOnes: Record<string, FanoutResult> = {};
for (const kind of ["raw-ws", "kindred"] as const) oneToOnes[kind] = await fanout(kind, profile.oneToOne, log);

log(`idle sockets: ${profile.idleCounts.join(", ")}`);
const idleResults = {
  "raw-ws": await idle("raw-ws", profile.idleCounts, log, profile.idleSettleMs),
  kindred: await idle("kindred", profile.idleCounts, log, profile.idleSettleMs),
};

log("resume storm");
const storm = await resumeStorm(profile.storm.clients, profile.storm.messages, log);
log("matching");
const match = await matching(profile.matchPairs, log, profile.matchSettleMs);
log("http");
const httpResult = await http(profile.httpSeconds, log);

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
const largestIdle = (r: (typeof idleResults)["kindred"]) => r.points.at(-1)!.kbPerSocket;
const results = {
  fanoutVsRawWs: ratio(rooms.kindred!.median, rooms["raw-ws"]!.median),
  fanoutVsSocketIo: ratio(rooms.kindred!.median, rooms["socket.io"]!.median),
  idleRssKbPerSocket: largestIdle(idleResults.kindred),
  resumeStormSeconds: storm.seconds,
  match1000Seconds: match.seconds,
  targets: {
    fanoutVsRawWs: { target: ">= 0.6", met: ratio(rooms.kindred!.median, rooms["raw-ws"]!.median) >= 0.6 },
    fanoutVsSocketIo: { target: ">= 2", met: ratio(rooms.kindred!.median, rooms["socket.io"]!.median) >= 2 },
    idleRssKbPerSocket: { target: "<= 12", met: largestIdle(idleResults.kindred) <= 12 },
    resumeStormSeconds: { target: "< 5, nothing missing", met: storm.seconds < 5 && storm.missing === 0 && storm.duplicated === 0 },
    match1000Seconds: { target: "< 2", met: match.seconds < 2 && match.matched === match.pairs },
  },
  profile: quick ? "quick" : "full",
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  fanout: { rooms, oneToOnes },
  idle: idleResults,
  resumeStorm: storm,
  matching: match,
  http: httpResult,
};

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const row = (cells: Array<string | number>) => log(cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 14)).join(""));
log("");
row(["", "raw-ws", "socket.io", "kindred"]);
row(["fan-out rooms of 10, deliveries/s", rooms["raw-ws"]!.median, rooms["socket.io"]!.median, rooms.kindred!.median]);
row([
  "  p99 at that rate, ms",
  rooms["raw-ws"]!.bestAtMedian?.p99 ?? "-",
  rooms["socket.io"]!.bestAtMedian?.p99 ?? "-",
  rooms.kindred!.bestAtMedian?.p99 ?? "-",
]);
row([
  "  server CPU at that rate, cores",
  rooms["raw-ws"]!.bestAtMedian?.serverCpu ?? "-",
  rooms["socket.io"]!.bestAtMedian?.serverCpu ?? "-",
  rooms.kindred!.bestAtMedian?.serverCpu ?? "-",
]);
row(["fan-out one-to-ones, deliveries/s", oneToOnes["raw-ws"]!.median, "-", oneToOnes.kindred!.median]);
row([`idle RSS per socket at ${profile.idleCounts.at(-1)}, KB`, largestIdle(idleResults["raw-ws"]), "-", largestIdle(idleResults.kindred)]);
row([`resume storm (${storm.clients}), s`, "-", "-", storm.seconds]);
row([`matching ${match.pairs} pairs, s`, "-", "-", match.seconds]);
row(["sign-in (argon2id), per s", "-", "-", httpResult.signInPerSecond]);
row(["GET /conversations p99, ms", "-", "-", httpResult.listConversations.p99Ms]);
log("");
for (const [name, t] of Object.entries(results.targets))
  log(`${t.met ? "met    " : "NOT MET"} ${name} ${t.target}: ${(results as Record<string, unknown>)[name]}`);
log(`\nwrote ${out}`);
