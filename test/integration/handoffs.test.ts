/**
 * Warm hand-offs (protocol.md "Crisis support and supporters"): a supporter
 * taps out, the member decides; only after the member accepts is the new
 * conversation made, and only the new supporter can read the note. The
 * supporter who tapped out hears only how the member decided.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { type Supporter, barrier, onDutySupporter, requestSupport } from "../helpers/supporters.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const onDuty: Supporter[] = [];
beforeEach(async () => {
  for (const s of onDuty.splice(0)) {
    await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: false } });
    s.socket?.close();
  }
});

async function supporter(): Promise<Supporter> {
  const s = await onDutySupporter(server);
  onDuty.push(s);
  return s;
}

/** A member in a support conversation with `first` (the only supporter on duty at that moment). */
async function supported(first: Supporter) {
  const m = await member(server.url);
  const socket = await TestSocket.open(server.url, { token: m.token });
  const res = await requestSupport(server.url, m.token);
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.supporter.id, first.user.id);
  return { ...m, socket, conversationId: res.body.conversationId as string };
}

async function conversationsOf(userId: string): Promise<string[]> {
  const rows = await server.services.db.selectFrom("conversation_members").select("conversation_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.conversation_id).sort();
}

const handoff = (token: string, conversationId: string, body: Record<string, unknown>) =>
  call(server.url, "POST", `/api/v1/conversations/${conversationId}/handoff`, { token, json: body });

describe("hand-offs", () => {
  test("the member is asked first; only after they accept is the new conversation made, and only the new supporter reads the note", async () => {
    const a = await supporter();
    const m = await supported(a);
    const b = await supporter();
    const note = "We talked about her sister. She prefers short messages.";

    const offered = await handoff(a.token, m.conversationId, { note });
    assert.equal(offered.status, 201, offered.text);
    assert.equal(offered.body.conversationId, m.conversationId);
    const offer = await m.socket.waitFor((f) => f.op === "handoff.offer");
    assert.equal(offer.handoffId, offered.body.handoffId);
    assert.equal(offer.conversationId, m.conversationId);
    assert.equal(offer.note, undefined, "the member's offer carries no note");

    const before = await conversationsOf(m.user.id);
    await barrier(b.socket);
    assert.equal(
      b.socket.frames.filter((f) => f.op === "match.found" || f.op === "handoff.offer").length,
      0,
      "nothing reaches the next supporter before the member says yes",
    );
    assert.deepEqual(await conversationsOf(b.user.id), [], "no conversation is made before the member accepts");
    const early = await call(server.url, "GET", `/api/v1/handoffs/${offered.body.handoffId}`, { token: b.token });
    assert.equal(early.status, 404, "nobody reads the note before acceptance");

    const notTheirs = await call(server.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: b.token });
    assert.equal(notTheirs.status, 404, "only the member can accept");
    const accepted = await call(server.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: m.token });
    assert.equal(accepted.status, 201, accepted.text);
    const newId = accepted.body.conversationId;
    assert.notEqual(newId, m.conversationId);
    assert.deepEqual(await conversationsOf(m.user.id), [...before, newId].sort(), "one new conversation for the member");
    const found = await b.socket.waitFor((f) => f.op === "match.found");
    assert.equal(found.conversationId, newId);
    assert.equal(found.handoffId, offered.body.handoffId, "the new supporter's client learns which note is theirs");
    const view = await call(server.url, "GET", `/api/v1/conversations/${newId}`, { token: m.token });
    assert.deepEqual(view.body.conversation.members.map((x: any) => x.userId).sort(), [m.user.id, b.user.id].sort());
    const old = await call(server.url, "GET", `/api/v1/conversations/${m.conversationId}`, { token: m.token });
    assert.equal(old.body.conversation.closed, false, "the first conversation stays open until someone leaves");

    const read = await call(server.url, "GET", `/api/v1/handoffs/${offered.body.handoffId}`, { token: b.token });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.handoff, { id: offered.body.handoffId, note, fromSupporterId: a.user.id, conversationId: newId });
    for (const who of [a, m]) {
      const hidden = await call(server.url, "GET", `/api/v1/handoffs/${offered.body.handoffId}`, { token: who.token });
      assert.equal(hidden.status, 404, "not the first supporter, not the member");
    }
    await barrier(m.socket);
    assert.ok(!JSON.stringify(m.socket.frames).includes("her sister"), "the note never reaches the member's socket");
    const twice = await call(server.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: m.token });
    assert.equal(twice.status, 409, "accepting twice opens nothing more");
    assert.deepEqual(await conversationsOf(m.user.id), [...before, newId].sort());
    m.socket.close();
  });

  test("a named supporter is preferred when free; declining changes nothing", async () => {
    const a = await supporter();
    const m = await supported(a);
    await supporter();
    const named = await supporter();
    await supporter();

    const first = await handoff(a.token, m.conversationId, { note: "first", toSupporterId: named.user.id });
    const offer = await m.socket.waitFor((f) => f.op === "handoff.offer" && f.handoffId === first.body.handoffId);
    assert.deepEqual(offer.supporter, { id: named.user.id, handle: named.handle });
    const before = await conversationsOf(m.user.id);
    const declined = await call(server.url, "POST", `/api/v1/handoffs/${first.body.handoffId}/decline`, { token: m.token });
    assert.equal(declined.status, 204);
    assert.deepEqual(await conversationsOf(m.user.id), before, "declining opens nothing");
    assert.equal((await call(server.url, "POST", `/api/v1/handoffs/${first.body.handoffId}/accept`, { token: m.token })).status, 409);

    const second = await handoff(a.token, m.conversationId, { note: "second", toSupporterId: named.user.id });
    const accepted = await call(server.url, "POST", `/api/v1/handoffs/${second.body.handoffId}/accept`, { token: m.token });
    assert.equal(accepted.status, 201);
    assert.equal((await named.socket.waitFor((f) => f.op === "match.found")).conversationId, accepted.body.conversationId, "the named supporter, being free");
    m.socket.close();
  });

  test("nobody free at acceptance: NO_SUPPORTER_ON_DUTY, and the offer stays open", async () => {
    const a = await supporter();
    const m = await supported(a);
    const offered = await handoff(a.token, m.conversationId, { note: "take care" });
    const refused = await call(server.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: m.token });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, "NO_SUPPORTER_ON_DUTY", "the one tapping out is never offered back");
    assert.ok(refused.body.error.details.resources.length > 0);
    await supporter();
    assert.equal((await call(server.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: m.token })).status, 201);
    m.socket.close();
  });

  test("the supporter who tapped out hears the member's answer, and nothing of who took over or where", async () => {
    const a = await supporter();
    const m = await supported(a);
    const b = await supporter();
    const decided = (handoffId: string) => (f: Record<string, any>) => f.op === "handoff.decided" && f.handoffId === handoffId;

    const first = await handoff(a.token, m.conversationId, { note: "over to you" });
    const accepted = await call(server.url, "POST", `/api/v1/handoffs/${first.body.handoffId}/accept`, { token: m.token });
    assert.equal(accepted.status, 201, accepted.text);
    const yes = await a.socket.waitFor(decided(first.body.handoffId));
    assert.deepEqual(yes, { op: "handoff.decided", handoffId: first.body.handoffId, conversationId: m.conversationId, outcome: "accepted" });
    for (const secret of [accepted.body.conversationId, b.user.id, b.handle]) {
      assert.ok(!JSON.stringify(yes).includes(secret), "neither the new conversation nor the new supporter");
    }

    // The first conversation goes on, so the supporter can offer again; this time the member says no.
    const second = await handoff(a.token, m.conversationId, { note: "once more" });
    assert.equal(second.status, 201, second.text);
    assert.equal((await call(server.url, "POST", `/api/v1/handoffs/${second.body.handoffId}/decline`, { token: m.token })).status, 204);
    const no = await a.socket.waitFor(decided(second.body.handoffId));
    assert.deepEqual(no, { op: "handoff.decided", handoffId: second.body.handoffId, conversationId: m.conversationId, outcome: "declined" });

    for (const other of [m.socket, b.socket]) await barrier(other);
    await barrier(a.socket);
    assert.deepEqual(
      [m.socket, b.socket].map((socket) => socket.frames.filter((f) => f.op === "handoff.decided").length),
      [0, 0],
      "neither the member nor the new supporter is told",
    );
    assert.equal(a.socket.frames.filter((f) => f.op === "handoff.decided").length, 2, "one answer each, no more");
    m.socket.close();
  });

  test("a withdrawn offer sends nothing; the status of an offer is read by the supporter who made it and nobody else", async () => {
    const a = await supporter();
    const m = await supported(a);
    const b = await supporter();
    const stranger = await member(server.url);
    const status = (token: string, handoffId: string) => call(server.url, "GET", `/api/v1/handoffs/${handoffId}/status`, { token });

    const older = await handoff(a.token, m.conversationId, { note: "first try" });
    assert.deepEqual((await status(a.token, older.body.handoffId)).body, { status: "offered" });
    const newer = await handoff(a.token, m.conversationId, { note: "second try", toSupporterId: b.user.id });
    assert.deepEqual((await status(a.token, older.body.handoffId)).body, { status: "withdrawn" });
    assert.deepEqual((await status(a.token, newer.body.handoffId)).body, { status: "offered" });
    await barrier(a.socket);
    assert.equal(a.socket.frames.filter((f) => f.op === "handoff.decided").length, 0, "nothing for the withdrawn offer");

    for (const who of [m, b, stranger]) {
      const hidden = await status(who.token, newer.body.handoffId);
      assert.equal(hidden.status, 404, "not the member, not the supporter named, not a stranger");
      assert.equal(hidden.body.error.code, "NOT_FOUND");
    }
    assert.equal((await status(a.token, "no-such-handoff")).status, 404);
    assert.equal((await call(server.url, "GET", `/api/v1/handoffs/${newer.body.handoffId}/status`)).status, 401);

    assert.equal((await call(server.url, "POST", `/api/v1/handoffs/${newer.body.handoffId}/decline`, { token: m.token })).status, 204);
    // The answer is stored before it is told: read at once, it is already there.
    await a.socket.waitFor((f) => f.op === "handoff.decided" && f.handoffId === newer.body.handoffId);
    assert.deepEqual((await status(a.token, newer.body.handoffId)).body, { status: "declined" });
    assert.equal((await status(m.token, newer.body.handoffId)).status, 404);
    m.socket.close();
  });

  test("only the supporter of a support conversation can hand it on", async () => {
    const a = await supporter();
    const m = await supported(a);
    const stranger = await member(server.url);
    const byMember = await handoff(m.token, m.conversationId, { note: "x" });
    assert.equal(byMember.status, 403);
    assert.equal((await handoff(stranger.token, m.conversationId, { note: "x" })).status, 404);
    const plain = await server.services.conversations.createDirect(a.user.id, stranger.user.id);
    assert.equal((await handoff(a.token, plain, { note: "x" })).status, 403, "not a support conversation");
    const noNote = await handoff(a.token, m.conversationId, {});
    assert.equal(noNote.status, 400);
    assert.equal(noNote.body.error.details.field, "note");
    const notSupporter = await handoff(a.token, m.conversationId, { note: "x", toSupporterId: stranger.user.id });
    assert.equal(notSupporter.status, 400);
    assert.equal(notSupporter.body.error.details.field, "toSupporterId");
    m.socket.close();
  });
});
