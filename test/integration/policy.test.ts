/**
 * Decide inside the write (engineering.md): blocks, membership and closure are
 * read from the store by the transaction that would carry the words, on every
 * path — never taken from what a socket remembers. And the hook after a send
 * speaks only to its author.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** Waits until every frame the server sent before now has arrived (a ping/pong round trip). */
async function barrier(socket: TestSocket): Promise<void> {
  const t = `barrier-${Math.random()}`;
  socket.send({ op: "ping", t });
  await socket.waitFor((f) => f.op === "pong" && f.t === t);
}

async function storedBodies(conversationId: string): Promise<Array<string | null>> {
  const rows = await server.services.db.selectFrom("messages").select("body").where("conversation_id", "=", conversationId).execute();
  return rows.map((r) => r.body);
}

async function group(owner: { token: string }, members: Array<{ token: string }>): Promise<string> {
  const created = await call(server.url, "POST", "/api/v1/conversations", {
    token: owner.token,
    json: { kind: "group", title: "Evening circle", visibility: "public" },
  });
  const id = created.body.conversation.id as string;
  for (const m of members) assert.equal((await call(server.url, "POST", `/api/v1/conversations/${id}/members`, { token: m.token, json: {} })).status, 200);
  return id;
}

describe("one-to-one after a block", () => {
  test("a socket opened before the block cannot send, type or be seen typing; nothing is stored", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    assert.equal((await sendAndAck(sa, conversationId, "before", "before-1")).op, "ack");

    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } })).status, 204);
    const refused = await sendAndAck(sa, conversationId, "after the block", "after-1");
    assert.equal(refused.op, "error");
    assert.equal(refused.error.code, "BLOCKED");
    const rest = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: "after-2", body: "and by REST" },
    });
    assert.equal(rest.status, 403);
    assert.equal(rest.body.error.code, "BLOCKED");
    assert.deepEqual(await storedBodies(conversationId), ["before"], "nothing after the block was stored");

    const from = sa.frames.length;
    sa.send({ op: "typing", ref: "t1", conversationId });
    const typingError = await sa.waitFor((f) => f.op === "error", 2_000, from);
    assert.equal(typingError.error.code, "BLOCKED");
    assert.equal(typingError.ref, "t1", "errors answering any frame carry its ref");
    await barrier(sb);
    assert.equal(sb.frames.filter((f) => f.op === "typing").length, 0, "the blocker never sees typing");
    assert.equal(sb.events().filter((e) => e.data.body === "after the block").length, 0);
    sa.close();
    sb.close();
  });
});

describe("groups with a block", () => {
  test("the blocked member's words reach everyone but the blocker, live, on resume and in history", async () => {
    const [a, b, c] = [await signUp(server.url), await signUp(server.url), await signUp(server.url)];
    const id = await group(a, [b, c]);
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    const sc = await TestSocket.open(server.url, { token: c.token });
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } })).status, 204);

    const ack = await sendAndAck(sa, id, "hello circle", "g-1");
    assert.equal(ack.op, "ack", "groups stay open to both; blocks hide instead");
    await sc.waitFor((f) => f.op === "event" && f.event.seq === ack.seq);
    const fromB = await sendAndAck(sb, id, "b is here", "g-2");
    await sb.waitFor((f) => f.op === "event" && f.event.seq === fromB.seq);
    assert.equal(sb.events().filter((e) => e.seq === ack.seq).length, 0, "the blocker does not get it live");

    sa.send({ op: "typing", conversationId: id });
    await sc.waitFor((f) => f.op === "typing" && f.userId === a.user.id);
    await barrier(sb);
    assert.equal(sb.frames.filter((f) => f.op === "typing" && f.userId === a.user.id).length, 0, "nor their typing");

    const late = await TestSocket.open(server.url, { token: b.token });
    late.send({ op: "resume", since: { [id]: 0 } });
    await late.waitFor((f) => f.op === "synced");
    assert.equal(late.events().filter((e) => e.seq === ack.seq).length, 0, "nor on resume");
    assert.ok(
      late.events().some((e) => e.seq === fromB.seq),
      "while the rest replays",
    );
    const history = await call(server.url, "GET", `/api/v1/conversations/${id}/events`, { token: b.token });
    assert.equal(history.body.events.filter((e: any) => e.seq === ack.seq).length, 0, "nor in history");
    for (const s of [sa, sb, sc, late]) s.close();
  });
});

describe("signals from the store", () => {
  test("typing and read state from a member who left are NOT_FOUND, though the socket once followed", async () => {
    const [a, b] = [await signUp(server.url), await signUp(server.url)];
    const id = await group(a, [b]);
    const sb = await TestSocket.open(server.url, { token: b.token });
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${id}/members/me`, { token: b.token })).status, 204);
    for (const frame of [
      { op: "typing", ref: 1, conversationId: id },
      { op: "read", ref: 2, conversationId: id, seq: 1 },
    ]) {
      const from = sb.frames.length;
      sb.send(frame);
      const error = await sb.waitFor((f) => f.op === "error", 2_000, from);
      assert.equal(error.error.code, "NOT_FOUND", frame.op);
      assert.equal(error.ref, frame.ref);
    }
    sb.close();
  });
});

describe("the hook after a send", () => {
  test("speaks to the author alone, right after the ack and before the event", async () => {
    const [a, b, c] = [await signUp(server.url), await signUp(server.url), await signUp(server.url)];
    const id = await group(a, [b, c]);
    server.services.messages.afterSend(({ body, conversationId }) =>
      body.includes("lantern") ? { conversationId, kind: "crisis-support", resources: [], actions: ["dismiss"] } : null,
    );
    const sockets = await Promise.all([a, b, c].map((m) => TestSocket.open(server.url, { token: m.token })));
    const ack = await sendAndAck(sockets[0]!, id, "a lantern in the window", "hook-1", 42);
    const notice = await sockets[0]!.waitFor((f) => f.op === "safety");
    const own = await sockets[0]!.waitFor((f) => f.op === "event" && f.event.seq === ack.seq);
    const order = [ack, notice, own].map((f) => sockets[0]!.frames.indexOf(f));
    assert.deepEqual(
      [...order].sort((x, y) => x - y),
      order,
      "ack, then the notice, then the event",
    );
    assert.equal(order[1], order[0]! + 1, "nothing comes between the ack and the notice");
    assert.equal(notice.ref, 42);
    for (const other of sockets.slice(1)) {
      await other.waitFor((f) => f.op === "event" && f.event.seq === ack.seq);
      await barrier(other);
      assert.equal(other.frames.filter((f) => f.op === "safety").length, 0, "nobody else hears of it");
    }
    const again = await sendAndAck(sockets[0]!, id, "a lantern in the window", "hook-1", 43);
    assert.equal(again.seq, ack.seq);
    await barrier(sockets[0]!);
    assert.equal(sockets[0]!.frames.filter((f) => f.op === "safety").length, 1, "a repeated send is not checked again");
    for (const s of sockets) s.close();
  });
});

describe("edits and check-ins follow the send's policy", () => {
  test("after a block, neither an edit nor a check-in answer reaches the other side", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sent = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: "e-1", body: "first words" },
    });
    assert.equal(sent.status, 201);
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } })).status, 204);
    const edit = await call(server.url, "PATCH", `/api/v1/conversations/${conversationId}/messages/${sent.body.message.id}`, {
      token: a.token,
      json: { body: "changed words" },
    });
    assert.equal(edit.status, 403);
    assert.equal(edit.body.error.code, "BLOCKED");
    const checkin = await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, { token: a.token, json: { hopingFor: "to be heard" } });
    assert.equal(checkin.body.error.code, "BLOCKED");
    assert.deepEqual(await storedBodies(conversationId), ["first words"]);
    const events = await server.services.db.selectFrom("events").select("type").where("conversation_id", "=", conversationId).execute();
    assert.deepEqual(
      events.map((e) => e.type).filter((t) => t !== "member.joined"),
      ["message.created"],
      "no edit or check-in event was logged",
    );
  });
});
