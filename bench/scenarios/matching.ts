/**
 * Matching: listeners online, then as many members ask to talk at once. Measures
 * the time from the first request until every requester has its `match.found`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { seed } from "../fixtures.js";
import { startKindred } from "../servers.js";

export interface MatchingResult {
  pairs: number;
  seconds: number;
  matched: number;
}

function openSocket(url: string, token: string, onFrame: (frame: any) => void): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
  ws.on("message", (data) => onFrame(JSON.parse(data.toString())));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

export async function matching(pairs: number, log: (line: string) => void, settleMs = 1_000): Promise<MatchingResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "kindred-bench-"));
  // Members 0..pairs-1 listen; the rest ask to talk.
  const seeded = await seed(dataDir, { users: pairs * 2, availability: (i) => (i < pairs ? "listen" : "talk"), experiences: ["grief"] });
  const server = await startKindred(dataDir, { MATCH_SWEEP_MS: "1000" });
  const sockets: WebSocket[] = [];
  try {
    for (let i = 0; i < pairs; i += 200) {
      sockets.push(...(await Promise.all(seeded.tokens.slice(i, Math.min(i + 200, pairs)).map((t) => openSocket(server.url, t, () => {})))));
    }
    let matched = 0;
    let resolveAll!: () => void;
    const allMatched = new Promise<void>((r) => (resolveAll = r));
    const requesters = seeded.tokens.slice(pairs);
    for (let i = 0; i < requesters.length; i += 200) {
      sockets.push(
        ...(await Promise.all(
          requesters.slice(i, i + 200).map((t) =>
            openSocket(server.url, t, (frame) => {
              if (frame.op === "match.found" && ++matched === pairs) resolveAll();
            }),
          ),
        )),
      );
    }
    // Presence settles before the clock starts.
    await new Promise((r) => setTimeout(r, settleMs));
    const started = performance.now();
    await Promise.all(
      requesters.map((token) =>
        fetch(`${server.url}/api/v1/match-requests`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ mode: "one-to-one", experiences: ["grief"] }),
        }).then((r) => r.body?.cancel()),
      ),
    );
    // Give up after two minutes, and clear that timer so a finished run exits at once.
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([allMatched, new Promise((r) => (giveUp = setTimeout(r, 120_000)))]);
    clearTimeout(giveUp);
    const seconds = (performance.now() - started) / 1000;
    log(`  matching: ${matched}/${pairs} matched in ${seconds.toFixed(2)} s`);
    return { pairs, seconds: Math.round(seconds * 1000) / 1000, matched };
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
