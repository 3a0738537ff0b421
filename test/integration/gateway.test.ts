/** The socket's edges (protocol.md "WebSocket"): upgrade auth, limits, liveness, typing, read, presence. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import WebSocket from "ws";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer({ heartbeatMs: "400" });
});
after(async () => {
  await server.close();
});

async function pair(s = server) {
  const a = await signUp(s.url);
  const b = await signUp(s.url);
  const conversationId = await s.services.conversations.createDirect(a.user.id, b.user.id);
  return { a, b, conversationId };
}

/** Tries an upgrade and reports the HTTP status it was refused with (or 101). */
function upgradeStatus(url: string, headers: Record<string, string>, path = "/api/v1/ws"): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, "ws") + path, { headers });
    ws.once("open", () => {
      ws.close();
      resolve({ status: 101, body: "" });
    });
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once("error", () => {});
  });
}

describe("upgrade", () => {
  test("no session: 401 and no socket; a bad token: 401", async () => {
    const none = await upgradeStatus(server.url, {});
    assert.equal(none.status, 401);
    assert.equal(JSON.parse(none.body).error.code, "UNAUTHENTICATED");
    assert.equal((await upgradeStatus(server.url, { authorization: "Bearer " + "x".repeat(43) })).status, 401);
  });

  test("a cookie upgrade from a foreign Origin: 403; from our own: allowed", async () => {
    const { answer } = await signUp(server.url);
    const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0]!;
    assert.equal((await upgradeStatus(server.url, { cookie, origin: "https://evil.example" })).status, 403);
    assert.equal((await upgradeStatus(server.url, { cookie })).status, 403, "missing Origin");
    assert.equal((await upgradeStatus(server.url, { cookie, origin: server.origin })).status, 101);
  });

  test("hello carries heartbeatMs and a sessionId", async () => {
    const { token } = await signUp(server.url);
    const s = await TestSocket.open(server.url, { token });
    const hello = s.frames[0]!;
    assert.equal(hello.op, "hello");
    assert.equal(hello.heartbeatMs, 400);
    assert.equal(typeof hello.sessionId, "string");
    s.close();
  });

  test("other paths do not upgrade", async () => {
    const { token } = await signUp(server.url);
    assert.equal((await upgradeStatus(server.url, { authorization: `Bearer ${token}` }, "/api/v1/other")).status, 404);
  });

  test("sockets per member are capped: 429", async () => {
    const capped = await startServer({ maxSocketsPerMember: "2", rateLimitMultiplier: "1" });
    try {
      const { token } = await signUp(capped.url);
      const s1 = await TestSocket.open(capped.url, { token });
      const s2 = await TestSocket.open(capped.url, { token });
      const third = await upgradeStatus(capped.url, { authorization: `Bearer ${token}` });
      assert.equal(third.status, 429);
      assert.equal(JSON.parse(third.body).error.code, "RATE_LIMITED");
      s1.close();
      await s1.closedWith();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal((await upgradeStatus(capped.url, { authorization: `Bearer ${token}` })).status, 101, "a freed slot can be used");
      s2.close();
    } finally {
      await capped.close();
    }
  });
});

describe("frames", () => {
  test("ping → pong with the same t", async () => {
    const { token } = await signUp(server.url);
    const s = await TestSocket.open(server.url, { token });
    s.send({ op: "ping", t: 12345 });
    assert.deepEqual(await s.waitFor((f) => f.op === "pong"), { op: "pong", t: 12345 });
    s.close();
  });

  test("malformed and unknown frames get error frames naming the problem, and the socket stays open", async () => {
    const { token } = await signUp(server.url);
    const s = await TestSocket.open(server.url, { token });
    const cases: Array<[string | Buffer, string, boolean?]> = [
      ["not json", "frame"],
      [JSON.stringify({ op: "fly" }), "op"],
      [JSON.stringify({ op: "send", ref: 1, conversationId: "c", clientMsgId: "x", body: "" }), "body"],
      [JSON.stringify({ op: "send", ref: 2, conversationId: "c", clientMsgId: "x", body: "hi", extra: 1 }), "extra"],
      [JSON.stringify({ op: "read", conversationId: "c", seq: -1 }), "seq"],
      [JSON.stringify({ op: "resume", since: { c: "five" } }), "since.c"],
      [JSON.stringify([1, 2]), "frame"],
      ['{"__proto__": {"op": "ping"}}', "frame"],
      [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), "frame"],
      [Buffer.from("binary"), "frame", true],
    ];
    for (const [data, field, binary] of cases) {
      const from = s.frames.length;
      s.sendRaw(data, binary);
      const error = await s.waitFor((f) => f.op === "error", 2_000, from);
      assert.equal(error.error.code, "BAD_REQUEST", String(data));
      assert.equal(error.error.details.field, field, String(data));
    }
    const withRef = s.frames.length;
    s.send({ op: "send", ref: "mine", conversationId: "c", clientMsgId: "x", body: "" });
    assert.equal((await s.waitFor((f) => f.op === "error", 2_000, withRef)).ref, "mine", "errors carry the frame's ref");
    s.send({ op: "ping", t: 1 });
    await s.waitFor((f) => f.op === "pong");
    assert.equal(s.closed, undefined);
    s.close();
  });

  test("a frame over 16 KiB closes the socket with 1009", async () => {
    const { token } = await signUp(server.url);
    const s = await TestSocket.open(server.url, { token });
    s.send({ op: "ping", t: "x".repeat(17 * 1024) });
    assert.equal((await s.closedWith()).code, 1009);
  });

  test("sends beyond the member's budget get RATE_LIMITED with retryAfterMs, and a retry with the same id works later", async () => {
    const strict = await startServer({ rateLimitMultiplier: "0.1" });
    try {
      const { a, conversationId } = await pair(strict);
      const s = await TestSocket.open(strict.url, { token: a.token });
      const acks = [];
      let limited;
      for (let n = 0; n < 10 && !limited; n++) {
        const answer = await sendAndAck(s, conversationId, `m${n}`, `rl-${n}`);
        if (answer.op === "ack") acks.push(answer);
        else limited = answer;
      }
      assert.ok(limited, "the limit was reached");
      assert.equal(limited.error.code, "RATE_LIMITED");
      assert.ok(limited.error.retryAfterMs > 0);
      assert.equal(acks.length, 3, "3 sends allowed at multiplier 0.1");
      const stored = await strict.services.db.selectFrom("messages").select("id").where("client_msg_id", "=", String(limited.ref)).executeTakeFirst();
      assert.equal(stored, undefined, "a refused send stores nothing");
      s.close();
    } finally {
      await strict.close();
    }
  });
});

describe("liveness and lifecycle", () => {
  test("a socket silent for two heartbeat intervals is closed; pings keep it open", async () => {
    const { token } = await signUp(server.url);
    const silent = await TestSocket.open(server.url, { token });
    const chatty = await TestSocket.open(server.url, { token });
    const timer = setInterval(() => chatty.send({ op: "ping" }), 150);
    try {
      const closed = await silent.closedWith(3_000);
      assert.equal(closed.code, 4000);
      assert.equal(chatty.closed, undefined);
    } finally {
      clearInterval(timer);
      chatty.close();
    }
  });

  test("signing out closes that session's sockets; other sessions stay", async () => {
    const { handle, password, token } = await signUp(server.url);
    const other = (await call(server.url, "POST", "/api/v1/sessions", { json: { handle, password } })).body.token;
    const mine = await TestSocket.open(server.url, { token });
    const theirs = await TestSocket.open(server.url, { token: other });
    const keepAlive = setInterval(() => theirs.send({ op: "ping" }), 150);
    try {
      assert.equal((await call(server.url, "DELETE", "/api/v1/sessions/current", { token })).status, 204);
      assert.equal((await mine.closedWith()).code, 4001);
      // Both would have been closed by the same message: a round trip on the other shows it is still open.
      await theirs.barrier();
      assert.equal(theirs.closed, undefined);
    } finally {
      clearInterval(keepAlive);
      theirs.close();
    }
  });

  test("a slow reader is closed when its buffer passes the limit, so memory stays bounded", async () => {
    const small = await startServer({ slowReaderBytes: "65536" });
    try {
      const { a, b, conversationId } = await pair(small);
      const reader = await TestSocket.open(small.url, { token: b.token });
      reader.ws.pause(); // stops reading from the TCP socket: the server's send buffer fills
      const body = "y".repeat(3_500);
      // Far more than the kernel's socket buffers hold, so the server's own buffer must grow.
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 400 }, (_, n) => small.services.messages.send(a.user.id, { conversationId, clientMsgId: `slow-${batch}-${n}`, body })),
        );
        if (reader.closed) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      reader.ws.resume();
      const closed = await reader.closedWith(10_000);
      assert.equal(closed.code, 1013);
    } finally {
      await small.close();
    }
  });
});

describe("typing, read state, presence", () => {
  test("typing reaches the others with expiresInMs, not the typist, and clears when they send", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    sa.send({ op: "typing", conversationId });
    const typing = await sb.waitFor((f) => f.op === "typing");
    assert.deepEqual(typing, { op: "typing", conversationId, userId: a.user.id, expiresInMs: 6000 });
    sa.send({ op: "typing", conversationId }); // within 3 s: ignored
    await sendAndAck(sa, conversationId, "done typing", "t-1");
    const cleared = await sb.waitFor((f) => f.op === "typing" && f.expiresInMs === 0);
    assert.equal(cleared.userId, a.user.id);
    assert.equal(sb.frames.filter((f) => f.op === "typing" && f.expiresInMs > 0).length, 1);
    assert.equal(sa.frames.filter((f) => f.op === "typing").length, 0);
    sa.close();
    sb.close();
  });

  test("a typist whose socket dies is cleared at once", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    sa.send({ op: "typing", conversationId });
    await sb.waitFor((f) => f.op === "typing" && f.expiresInMs > 0);
    sa.terminate();
    await sb.waitFor((f) => f.op === "typing" && f.expiresInMs === 0);
    sb.close();
  });

  test("read markers only move forward, others see them, and unread is computed", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    for (let n = 0; n < 5; n++) await sendAndAck(sa, conversationId, `r${n}`, `read-${n}`);
    const listB = await call(server.url, "GET", "/api/v1/conversations", { token: b.token });
    const before = listB.body.conversations.find((c: any) => c.id === conversationId);
    assert.equal(before.lastSeq, 7);
    assert.equal(before.unread, 5);
    sb.send({ op: "read", conversationId, seq: 6 });
    assert.deepEqual(await sa.waitFor((f) => f.op === "read"), { op: "read", conversationId, userId: b.user.id, seq: 6 });
    sb.send({ op: "read", conversationId, seq: 4 });
    sb.send({ op: "read", conversationId, seq: 999 });
    const capped = await sa.waitFor((f) => f.op === "read" && f.seq !== 6);
    assert.equal(capped.seq, 7, "never past the end; the backwards move was ignored");
    const after = (await call(server.url, "GET", "/api/v1/conversations", { token: b.token })).body.conversations.find((c: any) => c.id === conversationId);
    assert.equal(after.readSeq, 7);
    assert.equal(after.unread, 0);
    sa.close();
    sb.close();
  });

  test("presence: online to people who share a conversation, offline when the last socket goes", async () => {
    const { a, b, conversationId } = await pair();
    const stranger = await signUp(server.url);
    assert.ok(conversationId);
    const sb = await TestSocket.open(server.url, { token: b.token });
    const ss = await TestSocket.open(server.url, { token: stranger.token });
    const sa = await TestSocket.open(server.url, { token: a.token });
    assert.deepEqual(await sb.waitFor((f) => f.op === "presence" && f.userId === a.user.id), { op: "presence", userId: a.user.id, status: "online" });
    assert.deepEqual(
      await sa.waitFor((f) => f.op === "presence" && f.userId === b.user.id),
      { op: "presence", userId: b.user.id, status: "online" },
      "a new socket learns who is here",
    );
    sa.close();
    assert.equal((await sb.waitFor((f) => f.op === "presence" && f.status === "offline")).userId, a.user.id);
    await ss.barrier();
    assert.equal(ss.frames.filter((f) => f.op === "presence").length, 0, "strangers see nothing");
    sb.close();
    ss.close();
  });
});
