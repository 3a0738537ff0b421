/**
 * A member's own data (protocol.md "Authentication"): the export holds
 * everything stored about them and nobody else's words; deleting the account
 * asks for the password, then erases it in one step — tombstones for every
 * message, shown live to the others, sockets closed, the handle free again —
 * and afterwards no file under DATA_DIR holds their handle, display name or
 * message text. Each conversation says who can read it and how long its words
 * are kept (protocol.md "Privacy"), and words past that are erased.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, goodPassword, signUp } from "../helpers/http.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** Every file under a directory, as raw bytes. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

describe("export", () => {
  test("holds my profile, memberships, messages (deleted ones as tombstones), check-in answers, requests and blocks, as a download", async () => {
    const me = await signUp(server.url);
    const other = await signUp(server.url);
    const blocked = await signUp(server.url);
    await call(server.url, "PATCH", "/api/v1/me", { token: me.token, json: { displayName: "Wren of the hills" } });
    const direct = await server.services.conversations.createDirect(me.user.id, other.user.id);
    const socket = await TestSocket.open(server.url, { token: me.token });
    const kept = await sendAndAck(socket, direct, "words I keep", "keep-1");
    const gone = await sendAndAck(socket, direct, "words I took back", "gone-1");
    await sendAndAck(await TestSocket.open(server.url, { token: other.token }), direct, "their words, not mine", "theirs-1");
    await call(server.url, "DELETE", `/api/v1/conversations/${direct}/messages/${gone.messageId}`, { token: me.token });
    await call(server.url, "PUT", `/api/v1/conversations/${direct}/checkin`, { token: me.token, json: { hopingFor: "to be heard" } });
    await call(server.url, "POST", "/api/v1/blocks", { token: me.token, json: { userId: blocked.user.id } });
    socket.close();

    const res = await call(server.url, "GET", "/api/v1/me/export", { token: me.token });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="kindred-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.body;
    assert.equal(data.user.handle, me.handle);
    assert.equal(data.user.displayName, "Wren of the hills");
    assert.deepEqual(
      data.memberships.map((m: { conversationId: string; kind: string }) => [m.conversationId, m.kind]),
      [[direct, "direct"]],
    );
    assert.deepEqual(
      data.messages.map((m: { id: string; body: string | null; deleted: boolean }) => [m.id, m.body, m.deleted]),
      [
        [kept.messageId, "words I keep", false],
        [gone.messageId, null, true],
      ],
    );
    assert.equal(JSON.stringify(data).includes("their words, not mine"), false, "nobody else's words");
    assert.deepEqual(
      data.checkins.map((c: { conversationId: string; hopingFor: string }) => [c.conversationId, c.hopingFor]),
      [[direct, "to be heard"]],
    );
    assert.deepEqual(
      data.blocked.map((b: { userId: string; handle: string }) => [b.userId, b.handle]),
      [[blocked.user.id, blocked.handle]],
    );
    assert.equal(data.sessions.filter((s: { current: boolean }) => s.current).length, 1);
    assert.deepEqual([data.reports, data.moderationActions], [[], []]);
  });

  test("needs a session", async () => {
    assert.equal((await call(server.url, "GET", "/api/v1/me/export")).status, 401);
  });
});

describe("deleting my account", () => {
  test("a wrong or missing password changes nothing", async () => {
    const me = await signUp(server.url);
    const wrong = await call(server.url, "DELETE", "/api/v1/me", { token: me.token, json: { password: "not my password at all" } });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error.code, "FORBIDDEN");
    assert.equal(wrong.body.error.details.field, "password");
    const missing = await call(server.url, "DELETE", "/api/v1/me", { token: me.token, json: {} });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details.field, "password");
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: me.token })).status, 200, "still signed in");
  });

  test("erases everything in one step: tombstones shown live, conversations left, sockets closed, handle free, nothing left in any file", async () => {
    const handle = `Zephyrine${Date.now().toString(36)}`;
    const displayName = "Quillon Marrowbright";
    const words = ["Vellichor harbours my afternoons", "Sonder drifts past the lighthouse"];
    const me = await signUp(server.url, handle);
    const other = await signUp(server.url);
    const third = await signUp(server.url);
    await call(server.url, "PATCH", "/api/v1/me", { token: me.token, json: { displayName, about: `About ${displayName}` } });
    const direct = await server.services.conversations.createDirect(me.user.id, other.user.id);
    const room = (
      await call(server.url, "POST", "/api/v1/conversations", { token: other.token, json: { kind: "group", title: "Evening circle", visibility: "public" } })
    ).body.conversation.id;
    await call(server.url, "POST", `/api/v1/conversations/${room}/members`, { token: me.token, json: {} });
    await call(server.url, "POST", `/api/v1/conversations/${room}/members`, { token: third.token, json: {} });

    const mine = await TestSocket.open(server.url, { token: me.token });
    const first = await sendAndAck(mine, direct, words[0]!, "w-0");
    const second = await sendAndAck(mine, room, words[1]!, "w-1");
    const theirs = await TestSocket.open(server.url, { token: other.token });
    const from = theirs.frames.length;

    const deleted = await call(server.url, "DELETE", "/api/v1/me", { token: me.token, json: { password: goodPassword } });
    assert.equal(deleted.status, 204);

    // The others see the words go and the member leave, at once.
    const seen = await theirs.collect((f) => f.op === "event" && f.event.actorId === me.user.id, 4, 5_000, from);
    const byConversation = (id: string) => seen.filter((f) => f.event.conversationId === id).map((f) => [f.event.type, f.event.data?.messageId]);
    assert.deepEqual(byConversation(direct), [
      ["message.deleted", first.messageId],
      ["member.left", undefined],
    ]);
    assert.deepEqual(byConversation(room), [
      ["message.deleted", second.messageId],
      ["member.left", undefined],
    ]);
    await theirs.waitFor((f) => f.op === "event" && f.event.conversationId === direct && f.event.type === "conversation.closed", 5_000, from);
    assert.ok(await mine.closedWith(), "the member's own sockets close");
    assert.equal((await call(server.url, "GET", "/api/v1/me", { token: me.token })).status, 401, "the session is gone");

    // History keeps the seqs, with tombstones; the room goes on for the others.
    const history = await call(server.url, "GET", `/api/v1/conversations/${direct}/events`, { token: other.token });
    const created = history.body.events.find(
      (e: { type: string; data: { messageId?: string } }) => e.type === "message.created" && e.data.messageId === first.messageId,
    );
    assert.deepEqual([created.data.body, created.data.deleted], [null, true]);
    const stillTalking = await call(server.url, "POST", `/api/v1/conversations/${room}/messages`, {
      token: third.token,
      json: { clientMsgId: "on", body: "still here" },
    });
    assert.equal(stillTalking.status, 201);

    // The handle is free again, and no file holds what was erased.
    for (const { path, bytes } of filesUnder(server.dataDir)) {
      for (const secret of [handle, handle.toLowerCase(), displayName, ...words]) {
        assert.equal(bytes.includes(Buffer.from(secret, "utf8")), false, `${path} still holds "${secret}"`);
      }
    }
    assert.equal((await signUp(server.url, handle)).user.handle, handle);
  });
});

describe("who can read a conversation, and retention", () => {
  const day = 24 * 3600_000;

  test("the privacy answer names the other members in plain words, and non-members get NOT_FOUND", async () => {
    const me = await signUp(server.url);
    const other = await signUp(server.url);
    const outsider = await signUp(server.url);
    const direct = await server.services.conversations.createDirect(me.user.id, other.user.id);
    const res = await call(server.url, "GET", `/api/v1/conversations/${direct}/privacy`, { token: me.token });
    assert.equal(res.status, 200);
    assert.equal(res.body.whoCanRead[0], `You and @${other.handle}, the other member now in it.`);
    assert.deepEqual([res.body.retentionDays, res.body.myRetentionDays], [null, null]);
    assert.match(res.body.automatedChecks.join(" "), /crisis-language check/);
    assert.equal((await call(server.url, "GET", `/api/v1/conversations/${direct}/privacy`, { token: outsider.token })).status, 404);
  });

  test("in a one-to-one the shorter choice holds; only 1, 7, 30 or null are choices", async () => {
    const me = await signUp(server.url);
    const other = await signUp(server.url);
    const direct = await server.services.conversations.createDirect(me.user.id, other.user.id);
    const choose = (token: string, days: unknown) => call(server.url, "PUT", `/api/v1/conversations/${direct}/retention`, { token, json: { days } });
    assert.deepEqual((await choose(me.token, 30)).body, { retentionDays: 30 });
    assert.deepEqual((await choose(other.token, 7)).body, { retentionDays: 7 });
    assert.deepEqual((await choose(me.token, null)).body, { retentionDays: 7 }, "my longer choice does not lift theirs");
    const privacy = (await call(server.url, "GET", `/api/v1/conversations/${direct}/privacy`, { token: me.token })).body;
    assert.deepEqual([privacy.retentionDays, privacy.myRetentionDays], [7, null]);
    const bad = await choose(me.token, 2);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.field, "days");
  });

  test("in a room only a facilitator chooses", async () => {
    const host = await signUp(server.url);
    const guest = await signUp(server.url);
    const room = (
      await call(server.url, "POST", "/api/v1/conversations", { token: host.token, json: { kind: "group", title: "Morning room", visibility: "public" } })
    ).body.conversation.id;
    await call(server.url, "POST", `/api/v1/conversations/${room}/members`, { token: guest.token, json: {} });
    const refused = await call(server.url, "PUT", `/api/v1/conversations/${room}/retention`, { token: guest.token, json: { days: 1 } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, "FORBIDDEN");
    assert.deepEqual((await call(server.url, "PUT", `/api/v1/conversations/${room}/retention`, { token: host.token, json: { days: 1 } })).body, {
      retentionDays: 1,
    });
    const seen = (await call(server.url, "GET", `/api/v1/conversations/${room}/privacy`, { token: guest.token })).body;
    assert.deepEqual([seen.retentionDays, seen.myRetentionDays], [1, null]);
  });

  test("past retention the words are erased, the seq stays, and an edit cannot bring them back", async () => {
    const me = await signUp(server.url);
    const other = await signUp(server.url);
    const direct = await server.services.conversations.createDirect(me.user.id, other.user.id);
    const socket = await TestSocket.open(server.url, { token: me.token });
    const old = await sendAndAck(socket, direct, "words from long ago", "old-1");
    await call(server.url, "PUT", `/api/v1/conversations/${direct}/retention`, { token: other.token, json: { days: 1 } });

    await server.services.retention.sweep(Date.now() + 2 * day);
    const fresh = await sendAndAck(socket, direct, "words from today", "new-1");
    const events = (await call(server.url, "GET", `/api/v1/conversations/${direct}/events`, { token: other.token })).body.events;
    const messages = events.filter((e: { type: string }) => e.type === "message.created");
    assert.deepEqual(
      messages.map((e: { seq: number; data: { body: string | null; expired?: boolean } }) => [e.seq, e.data.body, e.data.expired ?? false]),
      [
        [old.seq, null, true],
        [fresh.seq, "words from today", false],
      ],
    );
    const edit = await call(server.url, "PATCH", `/api/v1/conversations/${direct}/messages/${old.messageId}`, {
      token: me.token,
      json: { body: "back again?" },
    });
    assert.equal(edit.status, 404);
    socket.close();
  });
});
