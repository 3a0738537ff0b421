/**
 * Delivery across two nodes sharing PostgreSQL and Redis: fan-out through the
 * Redis bus, resume served by either node from the store, idempotency across
 * nodes, and session ends closing sockets on every node.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { TestServer } from "../helpers/server.js";
import { call, goodPassword, signUp } from "../helpers/http.js";
import { skipScaleOut, startTwoNodes } from "../helpers/postgres.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

describe("delivery on PostgreSQL + Redis, two nodes", { skip: skipScaleOut }, () => {
  let nodes: Awaited<ReturnType<typeof startTwoNodes>>;
  let node1: TestServer;
  let node2: TestServer;

  before(async () => {
    nodes = await startTwoNodes();
    ({ node1, node2 } = nodes);
  });
  after(async () => {
    await nodes?.close();
  });

  async function pair() {
    const a = await signUp(node1.url);
    const b = await signUp(node2.url);
    const conversationId = await node1.services.conversations.createDirect(a.user.id, b.user.id);
    return { a, b, conversationId };
  }

  test("a message sent on one node reaches a socket on the other, in order", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(node1.url, { token: a.token });
    const sb = await TestSocket.open(node2.url, { token: b.token });
    for (let n = 0; n < 30; n++) sa.send({ op: "send", ref: n, conversationId, clientMsgId: `x-${n}`, body: `across ${n}` });
    const events = await sb.collect((f) => f.op === "event" && f.event.type === "message.created", 30, 10_000);
    assert.deepEqual(
      events.map((f) => f.event.seq),
      Array.from({ length: 30 }, (_, k) => 3 + k),
    );
    assert.equal((await sa.waitFor((f) => f.op === "presence" && f.userId === b.user.id)).status, "online", "presence crosses nodes");
    sa.close();
    sb.close();
  });

  test("both nodes send into one conversation at once: every socket sees one gapless order", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(node1.url, { token: a.token });
    const sb = await TestSocket.open(node2.url, { token: b.token });
    for (let n = 0; n < 100; n++) {
      sa.send({ op: "send", ref: n, conversationId, clientMsgId: `a-${n}`, body: `from a ${n}` });
      sb.send({ op: "send", ref: n, conversationId, clientMsgId: `b-${n}`, body: `from b ${n}` });
    }
    const seen = await Promise.all(
      [sa, sb].map(async (s) => (await s.collect((f) => f.op === "event" && f.event.type === "message.created", 200, 20_000)).map((f) => f.event.seq)),
    );
    const expected = Array.from({ length: 200 }, (_, k) => 3 + k);
    assert.deepEqual(seen[0], expected);
    assert.deepEqual(seen[1], expected);
    sa.close();
    sb.close();
  });

  test("a new socket learns who is online on other nodes; a member's last socket closing announces offline", async () => {
    const { a, b } = await pair();
    const sb = await TestSocket.open(node2.url, { token: b.token });
    const sa = await TestSocket.open(node1.url, { token: a.token });
    assert.deepEqual(await sa.waitFor((f) => f.op === "presence" && f.userId === b.user.id), { op: "presence", userId: b.user.id, status: "online" });
    // a's own registration may still be on its way when b's presence reaches a's socket.
    let both = new Set<string>();
    for (let tries = 0; tries < 40 && both.size < 2; tries++) {
      both = await node1.services.presence.onlineAmong([a.user.id, b.user.id]);
      if (both.size < 2) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual([...both].sort(), [a.user.id, b.user.id].sort());
    sb.close();
    assert.equal((await sa.waitFor((f) => f.op === "presence" && f.status === "offline")).userId, b.user.id);
    // The registry entry is removed by its own Redis command, which may land just after the announcement.
    let online = await node1.services.presence.onlineAmong([a.user.id, b.user.id]);
    for (let tries = 0; tries < 40 && online.has(b.user.id); tries++) {
      await new Promise((r) => setTimeout(r, 25));
      online = await node1.services.presence.onlineAmong([a.user.id, b.user.id]);
    }
    assert.deepEqual([...online], [a.user.id]);
    sa.close();
  });

  test("a resume is served by the other node from the store", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(node1.url, { token: a.token });
    for (let n = 0; n < 20; n++) await sendAndAck(sa, conversationId, `m${n}`, `r-${n}`);
    const sb = await TestSocket.open(node2.url, { token: b.token });
    sb.send({ op: "resume", since: { [conversationId]: 2 } });
    await sb.waitFor((f) => f.op === "synced");
    assert.deepEqual(
      sb.events(conversationId).map((e) => e.data.clientMsgId),
      Array.from({ length: 20 }, (_, k) => `r-${k}`),
    );
    sa.close();
    sb.close();
  });

  test("the same clientMsgId on both nodes at once: one message, identical acks", async () => {
    const { a, conversationId } = await pair();
    const s1 = await TestSocket.open(node1.url, { token: a.token });
    const s2 = await TestSocket.open(node2.url, { token: a.token });
    const acks = await Promise.all([sendAndAck(s1, conversationId, "once", "both-1", "p"), sendAndAck(s2, conversationId, "once", "both-1", "q")]);
    assert.deepEqual(
      acks.map((x) => x.op),
      ["ack", "ack"],
    );
    assert.equal(acks[0]!.messageId, acks[1]!.messageId);
    assert.equal(acks[0]!.seq, acks[1]!.seq);
    const rows = await node1.services.db.selectFrom("messages").select("id").where("client_msg_id", "=", "both-1").execute();
    assert.equal(rows.length, 1);
    s1.close();
    s2.close();
  });

  test("signing out on one node closes the session's sockets on the other", async () => {
    const { token } = await signUp(node1.url);
    const socket = await TestSocket.open(node2.url, { token });
    assert.equal((await call(node1.url, "DELETE", "/api/v1/sessions/current", { token })).status, 204);
    assert.equal((await socket.closedWith()).code, 4001);
  });
  test("an account deleted on one node: its socket on the other closes, the other member sees the tombstone, the handle is free", async () => {
    const leaving = await signUp(node1.url);
    const staying = await signUp(node2.url);
    const conversationId = await node1.services.conversations.createDirect(leaving.user.id, staying.user.id);
    const onB = await TestSocket.open(node2.url, { token: leaving.token });
    const sent = await sendAndAck(onB, conversationId, "words that go with me", "bye-1");
    const watching = await TestSocket.open(node2.url, { token: staying.token });

    assert.equal((await call(node1.url, "DELETE", "/api/v1/me", { token: leaving.token, json: { password: goodPassword } })).status, 204);
    assert.ok(await onB.closedWith(), "the socket on the other node closes");
    const gone = await watching.waitFor((f) => f.op === "event" && f.event.type === "message.deleted");
    assert.equal(gone.event.data.messageId, sent.messageId);
    const history = await call(node2.url, "GET", `/api/v1/conversations/${conversationId}/events`, { token: staying.token });
    const created = history.body.events.find((e: { type: string }) => e.type === "message.created");
    assert.deepEqual([created.data.body, created.data.deleted], [null, true]);
    assert.equal((await call(node2.url, "GET", "/api/v1/me", { token: leaving.token })).status, 401);
    assert.equal((await signUp(node2.url, leaving.handle)).user.handle, leaving.handle);
    watching.close();
  });

  test("retention on PostgreSQL: the shorter choice holds, and the sweep on either node erases older words", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(node1.url, { token: a.token });
    const old = await sendAndAck(sa, conversationId, "words that will expire", "exp-1");
    await call(node1.url, "PUT", `/api/v1/conversations/${conversationId}/retention`, { token: a.token, json: { days: 30 } });
    const chosen = await call(node2.url, "PUT", `/api/v1/conversations/${conversationId}/retention`, { token: b.token, json: { days: 1 } });
    assert.deepEqual(chosen.body, { retentionDays: 1 });
    await node2.services.retention.sweep(Date.now() + 2 * 24 * 3600_000);
    const events = (await call(node1.url, "GET", `/api/v1/conversations/${conversationId}/events`, { token: a.token })).body.events;
    const created = events.find((e: { type: string; data: { messageId?: string } }) => e.type === "message.created" && e.data.messageId === old.messageId);
    assert.deepEqual([created.seq, created.data.body, created.data.expired], [old.seq, null, true]);
    sa.close();
  });
});
