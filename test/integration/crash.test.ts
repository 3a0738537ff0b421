/**
 * Crash safety (protocol.md: "After an ack, the message survives a crash of the
 * server (kill -9) at any moment"). The real server runs as a child process
 * under a steady send load and is killed with SIGKILL at random moments, again
 * and again; after each restart the client resends what was not acked, as a
 * real client would. In the end every acked message is stored exactly once,
 * with the seq its ack named, and the log has no gaps.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { after, test } from "node:test";
import { openSqliteConnection } from "../../src/store/sqlite-connection.js";
import { removeDataDir, tempDataDir } from "../helpers/server.js";
import { signUp } from "../helpers/http.js";
import { TestSocket } from "../helpers/ws.js";
import { freePort } from "../helpers/net.js";

const root = new URL("../../", import.meta.url).pathname;
const kills = 10;

const dataDir = tempDataDir();
let child: ChildProcess | undefined;
after(() => {
  child?.kill("SIGKILL");
  removeDataDir(dataDir);
});

async function startChild(port: number): Promise<void> {
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      ARGON2_MEMORY_KIB: "1024",
      ARGON2_TIME_COST: "1",
      RATE_LIMIT_MULTIPLIER: "1000",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdio: "ignore",
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server did not start");
}

function killChild(): Promise<void> {
  return new Promise((resolve) => {
    const c = child!;
    c.once("exit", () => resolve());
    c.kill("SIGKILL");
  });
}

test(`every acked message survives ${kills} kill -9s, stored exactly once`, async (t) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await startChild(port);
  const a = await signUp(url);
  const b = await signUp(url);
  // A group the two share, created over the public API.
  const created = await fetch(`${url}/api/v1/conversations`, {
    method: "POST",
    headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
    body: JSON.stringify({ kind: "group", title: "Crash room", visibility: "public" }),
  }).then((r) => r.json() as Promise<any>);
  const conversationId = created.conversation.id as string;
  await fetch(`${url}/api/v1/conversations/${conversationId}/members`, {
    method: "POST",
    headers: { authorization: `Bearer ${b.token}`, "content-type": "application/json" },
    body: "{}",
  });

  const acked = new Map<string, { seq: number; messageId: string }>();
  const unacked = new Set<string>();
  let next = 0;

  for (let round = 0; round <= kills; round++) {
    const socket = await TestSocket.open(url, { token: a.token });
    socket.ws.on("message", (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.op !== "ack") return;
      const previous = acked.get(frame.ref);
      if (previous) assert.deepEqual({ seq: frame.seq, messageId: frame.messageId }, previous, "a repeat is acked with the original");
      acked.set(frame.ref, { seq: frame.seq, messageId: frame.messageId });
      unacked.delete(frame.ref);
    });
    // Resend what the last crash left unacknowledged, with the same ids.
    for (const id of unacked) socket.send({ op: "send", ref: id, conversationId, clientMsgId: id, body: `message ${id}` });
    const sendFor = 100 + Math.floor(Math.random() * 300);
    const until = Date.now() + sendFor;
    while (Date.now() < until) {
      for (let k = 0; k < 5; k++) {
        const id = `m${next++}`;
        unacked.add(id);
        socket.send({ op: "send", ref: id, conversationId, clientMsgId: id, body: `message ${id}` });
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    if (round < kills) {
      await killChild();
      socket.terminate();
      await startChild(port);
    } else {
      // Last round: let everything be acked, then stop cleanly.
      const deadline = Date.now() + 20_000;
      while (unacked.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(unacked.size, 0, "after the last restart everything is acked");
      socket.close();
      await killChild();
    }
  }

  assert.ok(acked.size > 200, `${acked.size} messages acked across ${kills} crashes`);
  t.diagnostic(`${acked.size} messages acked across ${kills} kill -9s`);
  const db = openSqliteConnection(join(dataDir, "kindred.db"), { readonly: true });
  try {
    const rows = db.prepare("select id, seq, client_msg_id from messages where conversation_id = ?").all([conversationId]) as Array<{
      id: string;
      seq: number;
      client_msg_id: string;
    }>;
    const byClientId = new Map(rows.map((r) => [r.client_msg_id, r]));
    assert.equal(byClientId.size, rows.length, "no clientMsgId stored twice");
    for (const [id, ack] of acked) {
      const row = byClientId.get(id);
      assert.ok(row, `acked message ${id} is stored`);
      assert.equal(row.id, ack.messageId);
      assert.equal(Number(row.seq), ack.seq);
    }
    const seqs = (db.prepare("select seq from events where conversation_id = ? order by seq").all([conversationId]) as Array<{ seq: number }>).map((r) =>
      Number(r.seq),
    );
    assert.deepEqual(
      seqs,
      Array.from({ length: seqs.length }, (_, k) => k + 1),
      "the log has no gaps",
    );
    const last = db.prepare("select last_seq from conversations where id = ?").get([conversationId]) as { last_seq: number };
    assert.equal(Number(last.last_seq), seqs.length);
  } finally {
    db.close();
  }
});
