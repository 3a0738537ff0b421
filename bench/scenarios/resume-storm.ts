/**
 * Resume storm: clients drop, messages land in each of their rooms while they
 * are away, then all reconnect at once with `resume`. Measures the time until
 * the last `synced`, and checks that every client got exactly what it missed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { seed } from "../fixtures.js";
import { startKindred } from "../servers.js";

export interface ResumeStormResult {
  clients: number;
  messagesPerRoom: number;
  seconds: number;
  missing: number;
  duplicated: number;
}

/** Opens a socket; `onFrame` is attached before the handshake, so `hello` is never missed. */
function openSocket(url: string, token: string, onFrame: (frame: any, ws: WebSocket) => void = () => {}): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
  ws.on("message", (data) => onFrame(JSON.parse(data.toString()), ws));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export async function resumeStorm(clients: number, messagesPerRoom: number, log: (line: string) => void): Promise<ResumeStormResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "kindred-bench-"));
  const seeded = await seed(dataDir, { users: clients, groupSize: 10, groups: true });
  const server = await startKindred(dataDir);
  try {
    // Everyone is online, then everyone drops at once.
    const first = await Promise.all(seeded.tokens.map((t) => openSocket(server.url, t)));
    for (const ws of first) ws.terminate();
    // Messages land while they are away (sent over REST by a member of each room).
    const sends = seeded.groups.flatMap((g) => Array.from({ length: messagesPerRoom }, (_, n) => ({ g, n })));
    await inBatches(sends, 50, async ({ g, n }) => {
      const res = await fetch(`${server.url}/api/v1/conversations/${g.id}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${seeded.tokens[g.members[0]!]}`, "content-type": "application/json" },
        body: JSON.stringify({ clientMsgId: `storm-${n}`, body: `while you were away ${n}` }),
      });
      if (res.status !== 201) throw new Error(`send failed: ${res.status}`);
    });
    const lastSeen = 10; // each seeded room's log holds its ten member.joined events
    const roomOf = new Map<number, string>();
    for (const g of seeded.groups) for (const m of g.members) roomOf.set(m, g.id);

    const started = performance.now();
    let missing = 0;
    let duplicated = 0;
    const sockets: WebSocket[] = [];
    await Promise.all(
      seeded.tokens.map(async (token, i) => {
        const room = roomOf.get(i)!;
        const seqs: number[] = [];
        let synced!: () => void;
        const done = new Promise<void>((resolve) => (synced = resolve));
        const ws = await openSocket(server.url, token, (frame, socket) => {
          if (frame.op === "hello") socket.send(JSON.stringify({ op: "resume", since: { [room]: lastSeen } }));
          else if (frame.op === "event" && frame.event.type === "message.created") seqs.push(frame.event.seq);
          else if (frame.op === "synced") synced();
        });
        sockets.push(ws);
        await done;
        const expected = Array.from({ length: messagesPerRoom }, (_, k) => lastSeen + 1 + k);
        missing += expected.filter((s) => !seqs.includes(s)).length;
        duplicated += seqs.length - new Set(seqs).size;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const ws of sockets) ws.terminate();
    log(`  resume storm: ${clients} clients synced in ${seconds.toFixed(2)} s, ${missing} missing, ${duplicated} duplicated`);
    return { clients, messagesPerRoom, seconds: Math.round(seconds * 1000) / 1000, missing, duplicated };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
