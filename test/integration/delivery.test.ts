/**
 * Delivery guarantees (protocol.md "WebSocket"; docs/delivery.md): ack after
 * commit, events in seq order to every member, exactly the missed events on
 * resume, a gap past 500, no duplicate for a repeated clientMsgId.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function pair() {
  const a = await signUp(server.url);
  const b = await signUp(server.url);
  const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
  return { a, b, conversationId };
}

describe("send and ack", () => {
  test("ack comes after the message is stored, then every member gets the event, the sender too", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    const ack = await sendAndAck(sa, conversationId, "  hello there  ", "m-1", 7);
    assert.equal(ack.op, "ack");
    assert.equal(ack.ref, 7);
    assert.equal(ack.seq, 3, "two member.joined events come first");
    const ackIndex = sa.frames.indexOf(ack);
    const own = await sa.waitFor((f) => f.op === "event" && f.event.seq === 3);
    assert.ok(sa.frames.indexOf(own) > ackIndex, "ack before the event on the sender's socket");
    const theirs = await sb.waitFor((f) => f.op === "event" && f.event.seq === 3);
    assert.deepEqual(theirs.event, own.event);
    assert.equal(theirs.event.type, "message.created");
    assert.equal(theirs.event.actorId, a.user.id);
    assert.deepEqual(theirs.event.data, { messageId: ack.messageId, clientMsgId: "m-1", body: "hello there" });
    const history = await call(server.url, "GET", `/api/v1/conversations/${conversationId}/events?afterSeq=2`, { token: b.token });
    assert.deepEqual(history.body.events, [own.event], "what was acked is stored");
    sa.close();
    sb.close();
  });

  test("the same clientMsgId three times on two sockets: one row, one event, three identical acks", async () => {
    const { a, b, conversationId } = await pair();
    const s1 = await TestSocket.open(server.url, { token: a.token });
    const s2 = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    const acks = await Promise.all([
      sendAndAck(s1, conversationId, "only once", "dup-1", "r1"),
      sendAndAck(s2, conversationId, "only once", "dup-1", "r2"),
      sendAndAck(s1, conversationId, "only once", "dup-1", "r3"),
    ]);
    assert.deepEqual(
      acks.map((x) => x.op),
      ["ack", "ack", "ack"],
    );
    assert.deepEqual(
      acks.map((x) => x.ref),
      ["r1", "r2", "r3"],
      "each ack carries its own send's ref",
    );
    assert.equal(new Set(acks.map((x) => `${x.messageId}/${x.seq}`)).size, 1, "same messageId and seq");
    await sb.waitFor((f) => f.op === "event" && f.event.type === "message.created");
    // Every send was acked, and an event leaves with its ack: after a round trip on b's socket, a second one would be here.
    await sb.barrier();
    assert.equal(sb.events(conversationId).filter((e) => e.type === "message.created").length, 1, "one event");
    const rows = await server.services.db.selectFrom("messages").selectAll().where("client_msg_id", "=", "dup-1").where("sender_id", "=", a.user.id).execute();
    assert.equal(rows.length, 1, "one row");
    const rest = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: "dup-1", body: "only once" },
    });
    assert.equal(rest.status, 201);
    assert.equal(rest.body.message.id, acks[0]!.messageId, "REST repeats answer the same message");
    for (const s of [s1, s2, sb]) s.close();
  });

  test("four senders, 200 messages each, at once: seqs with no gap, the same order for every member", async () => {
    const members = await Promise.all([0, 1, 2, 3].map(() => signUp(server.url)));
    const group = await call(server.url, "POST", "/api/v1/conversations", {
      token: members[0]!.token,
      json: { kind: "group", title: "Evening circle", visibility: "public" },
    });
    const conversationId = group.body.conversation.id as string;
    for (const m of members.slice(1))
      assert.equal((await call(server.url, "POST", `/api/v1/conversations/${conversationId}/members`, { token: m.token, json: {} })).status, 200);
    const startSeq = (await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: members[0]!.token })).body.conversation
      .lastSeq as number;
    const sockets = await Promise.all(members.map((m) => TestSocket.open(server.url, { token: m.token })));
    await Promise.all(
      sockets.map(async (s, i) => {
        const acks: any[] = [];
        for (let n = 0; n < 200; n++) {
          s.send({ op: "send", ref: n, conversationId, clientMsgId: `s${i}-${n}`, body: `sender ${i} message ${n}` });
        }
        acks.push(...(await s.collect((f) => f.op === "ack", 200, 30_000)));
        // A socket's own messages are stored in the order it sent them.
        assert.deepEqual(
          acks.map((a) => a.ref),
          [...Array(200).keys()],
        );
        assert.ok(acks.every((a, k) => k === 0 || a.seq > acks[k - 1]!.seq));
      }),
    );
    const orders = await Promise.all(
      sockets.map(async (s) => (await s.collect((f) => f.op === "event" && f.event.type === "message.created", 800, 30_000)).map((f) => f.event.seq as number)),
    );
    const expected = Array.from({ length: 800 }, (_, k) => startSeq + 1 + k);
    for (const order of orders) assert.deepEqual(order, expected);
    for (const s of sockets) s.close();
  });
});

describe("resume", () => {
  test("B drops, A sends 50, B resumes from its last seq and gets exactly those 50 in order, then synced", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    let sb = await TestSocket.open(server.url, { token: b.token });
    await sendAndAck(sa, conversationId, "before the drop", "pre-1");
    const seen = await sb.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "pre-1");
    sb.terminate();
    for (let n = 0; n < 50; n++) sa.send({ op: "send", ref: n, conversationId, clientMsgId: `gone-${n}`, body: `while you were away ${n}` });
    await sa.collect((f) => f.op === "ack" && typeof f.ref === "number", 50, 15_000);
    sb = await TestSocket.open(server.url, { token: b.token });
    sb.send({ op: "resume", since: { [conversationId]: seen.event.seq } });
    await sb.waitFor((f) => f.op === "synced", 10_000);
    const replayed = sb.events(conversationId);
    assert.equal(replayed.length, 50);
    assert.deepEqual(
      replayed.map((e) => e.seq),
      Array.from({ length: 50 }, (_, k) => seen.event.seq + 1 + k),
    );
    assert.deepEqual(
      replayed.map((e) => e.data.clientMsgId),
      Array.from({ length: 50 }, (_, k) => `gone-${k}`),
    );
    const syncedAt = sb.frames.findIndex((f) => f.op === "synced");
    assert.ok(sb.frames.findIndex((f) => f.op === "event") < syncedAt, "events come before synced");
    // Live delivery continues after the resume, with nothing repeated.
    await sendAndAck(sa, conversationId, "welcome back", "post-1");
    const live = await sb.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "post-1");
    assert.equal(live.event.seq, seen.event.seq + 51);
    assert.equal(sb.events(conversationId).length, 51);
    sa.close();
    sb.close();
  });

  test("700 missed: a gap frame, nothing replayed, and the rest pages over REST", async () => {
    const { a, b, conversationId } = await pair();
    const lastSeen = 2;
    for (let n = 0; n < 700; n++) {
      await server.services.messages.send(a.user.id, { conversationId, clientMsgId: `bulk-${n}`, body: `bulk ${n}` });
    }
    const sb = await TestSocket.open(server.url, { token: b.token });
    sb.send({ op: "resume", since: { [conversationId]: lastSeen } });
    await sb.waitFor((f) => f.op === "synced", 10_000);
    const gap = sb.frames.find((f) => f.op === "gap");
    assert.deepEqual(gap, { op: "gap", conversationId, fromSeq: 3, toSeq: 702 });
    assert.equal(sb.events(conversationId).length, 0);
    const paged: any[] = [];
    let afterSeq = gap!.fromSeq - 1;
    for (let pages = 0; pages < 20; pages++) {
      const res = await call(server.url, "GET", `/api/v1/conversations/${conversationId}/events?afterSeq=${afterSeq}&limit=100`, { token: b.token });
      assert.equal(res.status, 200);
      paged.push(...res.body.events);
      if (!res.body.hasMore) break;
      afterSeq = res.body.events.at(-1).seq;
    }
    assert.deepEqual(
      paged.map((e) => e.seq),
      Array.from({ length: 700 }, (_, k) => 3 + k),
    );
    // And live events after the gap arrive normally.
    const sa = await TestSocket.open(server.url, { token: a.token });
    await sendAndAck(sa, conversationId, "after the gap", "after-gap");
    assert.equal((await sb.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "after-gap")).event.seq, 703);
    sa.close();
    sb.close();
  });

  test("conversations not named in resume get nothing old; a socket gets live events without resuming", async () => {
    const { a, b, conversationId } = await pair();
    const sa = await TestSocket.open(server.url, { token: a.token });
    await sendAndAck(sa, conversationId, "old news", "old-1");
    const sb = await TestSocket.open(server.url, { token: b.token });
    sb.send({ op: "resume", since: {} });
    await sb.waitFor((f) => f.op === "synced");
    assert.equal(sb.events(conversationId).length, 0);
    await sendAndAck(sa, conversationId, "fresh", "new-1");
    const live = await sb.waitFor((f) => f.op === "event");
    assert.equal(live.event.data.clientMsgId, "new-1");
    sa.close();
    sb.close();
  });

  test("a conversation joined while connected is followed from its member.joined event on", async () => {
    const owner = await signUp(server.url);
    const joiner = await signUp(server.url);
    const sj = await TestSocket.open(server.url, { token: joiner.token });
    const so = await TestSocket.open(server.url, { token: owner.token });
    const group = await call(server.url, "POST", "/api/v1/conversations", {
      token: owner.token,
      json: { kind: "group", title: "Grief circle", visibility: "public" },
    });
    const conversationId = group.body.conversation.id;
    await sendAndAck(so, conversationId, "before you came", "g-0");
    assert.equal((await call(server.url, "POST", `/api/v1/conversations/${conversationId}/members`, { token: joiner.token, json: {} })).status, 200);
    const joined = await sj.waitFor((f) => f.op === "event" && f.event.type === "member.joined");
    assert.equal(joined.event.actorId, joiner.user.id);
    await sendAndAck(so, conversationId, "welcome", "g-1");
    await sj.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "g-1");
    assert.deepEqual(
      sj.events(conversationId).map((e) => e.type),
      ["member.joined", "message.created"],
      "nothing from before the join",
    );
    sj.close();
    so.close();
  });
});
