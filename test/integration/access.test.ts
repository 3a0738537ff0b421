/**
 * Access (protocol.md "Errors": NOT_FOUND also for conversations you are not a
 * member of) and blocks (protocol.md "Safety").
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

describe("non-members", () => {
  test("every conversation route answers NOT_FOUND, exactly as for a conversation that does not exist", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const outsider = await signUp(server.url);
    const direct = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const invite = (
      await call(server.url, "POST", "/api/v1/conversations", { token: a.token, json: { kind: "group", title: "Closed circle", visibility: "invite" } })
    ).body.conversation.id;
    const sa = await TestSocket.open(server.url, { token: a.token });
    const message = await sendAndAck(sa, direct, "private words", "secret-1");
    for (const id of [direct, invite, "01NOSUCHCONVERSATION0000"]) {
      const routes: Array<[string, string, unknown?]> = [
        ["GET", `/api/v1/conversations/${id}`],
        ["GET", `/api/v1/conversations/${id}/events`],
        ["GET", `/api/v1/conversations/${id}/events?afterSeq=0`],
        ["POST", `/api/v1/conversations/${id}/messages`, { clientMsgId: "intrude", body: "hello?" }],
        ["POST", `/api/v1/conversations/${id}/members`, {}],
        ["DELETE", `/api/v1/conversations/${id}/members/me`],
        ["PATCH", `/api/v1/conversations/${id}/messages/${message.messageId}`, { body: "edited by a stranger" }],
        ["DELETE", `/api/v1/conversations/${id}/messages/${message.messageId}`],
      ];
      for (const [method, path, json] of routes) {
        const res = await call(server.url, method, path, { token: outsider.token, json });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.deepEqual(res.body, { error: { code: "NOT_FOUND", message: "That doesn't exist, or you can't see it.", retryable: false } });
      }
      const so = await TestSocket.open(server.url, { token: outsider.token });
      const ops = [
        { op: "send", ref: "s", conversationId: id, clientMsgId: `intrude-${id}`, body: "hello?" },
        { op: "read", conversationId: id, seq: 1 },
        { op: "typing", conversationId: id },
      ];
      for (const frame of ops) {
        const from = so.frames.length;
        so.send(frame);
        const error = await so.waitFor((f) => f.op === "error", 2_000, from);
        assert.equal(error.error.code, "NOT_FOUND", frame.op);
      }
      const from = so.frames.length;
      so.send({ op: "resume", since: { [id]: 0 } });
      await so.waitFor((f) => f.op === "synced", 2_000, from);
      assert.equal(so.frames.slice(from).find((f) => f.op === "error")?.error.code, "NOT_FOUND");
      assert.equal(so.events().length, 0, "no event ever reaches a non-member");
      so.close();
    }
    const stored = await server.services.db.selectFrom("messages").select("body").where("conversation_id", "=", direct).execute();
    assert.deepEqual(
      stored.map((m) => m.body),
      ["private words"],
      "nothing an outsider sent was stored or changed",
    );
    sa.close();
  });

  test("after leaving, a member is an outsider too", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const c = await signUp(server.url);
    const group = (
      await call(server.url, "POST", "/api/v1/conversations", { token: a.token, json: { kind: "group", title: "Open circle", visibility: "public" } })
    ).body.conversation.id;
    for (const m of [b, c]) await call(server.url, "POST", `/api/v1/conversations/${group}/members`, { token: m.token, json: {} });
    const sb = await TestSocket.open(server.url, { token: b.token });
    const sc = await TestSocket.open(server.url, { token: c.token });
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${group}/members/me`, { token: b.token })).status, 204);
    const left = await sb.waitFor((f) => f.op === "event" && f.event.type === "member.left");
    assert.equal(left.event.actorId, b.user.id, "the leaver sees their own leaving");
    await sc.waitFor((f) => f.op === "event" && f.event.type === "member.left");
    const sa = await TestSocket.open(server.url, { token: a.token });
    await sendAndAck(sa, group, "after b left", "after-left");
    await sc.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "after-left");
    await sb.barrier();
    assert.ok(!sb.events().some((e) => e.data.clientMsgId === "after-left"), "no events after leaving");
    assert.equal((await call(server.url, "GET", `/api/v1/conversations/${group}/events`, { token: b.token })).status, 404);
    for (const s of [sa, sb, sc]) s.close();
  });
});

describe("blocks", () => {
  test("in a direct conversation neither side can send once either blocks the other", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const direct = await server.services.conversations.createDirect(a.user.id, b.user.id);
    const sa = await TestSocket.open(server.url, { token: a.token });
    const sb = await TestSocket.open(server.url, { token: b.token });
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } })).status, 204);
    assert.equal((await sendAndAck(sa, direct, "are you there?", "blk-1")).error.code, "BLOCKED");
    assert.equal((await sendAndAck(sb, direct, "goodbye", "blk-2")).error.code, "BLOCKED", "the blocker cannot send either");
    const rest = await call(server.url, "POST", `/api/v1/conversations/${direct}/messages`, { token: a.token, json: { clientMsgId: "blk-3", body: "hello" } });
    assert.equal(rest.status, 403);
    assert.equal(rest.body.error.code, "BLOCKED");
    assert.deepEqual(
      (await call(server.url, "GET", "/api/v1/blocks", { token: b.token })).body.blocks.map((x: { userId: string }) => x.userId),
      [a.user.id],
    );
    assert.equal((await call(server.url, "DELETE", `/api/v1/blocks/${a.user.id}`, { token: b.token })).status, 204);
    assert.equal((await sendAndAck(sa, direct, "hello again", "blk-4")).op, "ack", "unblocking restores sending");
    sa.close();
    sb.close();
  });

  test("in a shared group the blocked member's messages, typing and presence never reach the blocker; others still see them", async () => {
    const blocker = await signUp(server.url);
    const blocked = await signUp(server.url);
    const witness = await signUp(server.url);
    const group = (
      await call(server.url, "POST", "/api/v1/conversations", { token: witness.token, json: { kind: "group", title: "Shared room", visibility: "public" } })
    ).body.conversation.id;
    for (const m of [blocker, blocked]) await call(server.url, "POST", `/api/v1/conversations/${group}/members`, { token: m.token, json: {} });
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: blocker.token, json: { userId: blocked.user.id } })).status, 204);

    const sBlocker = await TestSocket.open(server.url, { token: blocker.token });
    const sWitness = await TestSocket.open(server.url, { token: witness.token });
    const sBlocked = await TestSocket.open(server.url, { token: blocked.token });
    await sWitness.waitFor((f) => f.op === "presence" && f.userId === blocked.user.id);
    sBlocked.send({ op: "typing", conversationId: group });
    await sWitness.waitFor((f) => f.op === "typing" && f.userId === blocked.user.id);
    const ack = await sendAndAck(sBlocked, group, "can anyone hear me", "hidden-1");
    assert.equal(ack.op, "ack", "sending into a group still works");
    await sWitness.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "hidden-1");
    await sendAndAck(sWitness, group, "I can", "visible-1");
    await sBlocker.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "visible-1");
    sBlocked.close();
    await sWitness.waitFor((f) => f.op === "presence" && f.userId === blocked.user.id && f.status === "offline");
    // The blocker's socket would have been sent that presence in the same turn: a round trip shows it was not.
    await sBlocker.barrier();

    const leaked = sBlocker.frames.filter((f) => JSON.stringify(f).includes(blocked.user.id) && !(f.op === "event" && f.event.type === "member.joined"));
    assert.deepEqual(leaked, [], "nothing from the blocked member reached the blocker live");
    const history = await call(server.url, "GET", `/api/v1/conversations/${group}/events`, { token: blocker.token });
    assert.ok(!history.body.events.some((e: any) => e.data.clientMsgId === "hidden-1"), "nor in history");
    const resume = await TestSocket.open(server.url, { token: blocker.token });
    resume.send({ op: "resume", since: { [group]: 0 } });
    await resume.waitFor((f) => f.op === "synced");
    assert.ok(!resume.events().some((e) => e.data.clientMsgId === "hidden-1"), "nor on resume");
    assert.ok(resume.events().some((e) => e.data.clientMsgId === "visible-1"));
    const sBlocked2 = await TestSocket.open(server.url, { token: blocked.token });
    await sBlocked2.waitFor((f) => f.op === "presence" && f.userId === witness.user.id);
    assert.ok(
      !sBlocked2.frames.some((f) => f.op === "presence" && f.userId === blocker.user.id),
      "the blocked member does not see the blocker's presence either",
    );
    for (const s of [sBlocker, sWitness, resume, sBlocked2]) s.close();
  });

  test("the list says whom I blocked (handle, display name, since when), newest first; unblocking removes the entry", async () => {
    const me = await signUp(server.url);
    const first = await signUp(server.url);
    const second = await signUp(server.url);
    await call(server.url, "PATCH", "/api/v1/me", { token: second.token, json: { displayName: "Rowan" } });
    assert.deepEqual((await call(server.url, "GET", "/api/v1/blocks", { token: me.token })).body, { blocks: [] });

    const before = Date.now();
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: me.token, json: { userId: first.user.id } })).status, 204);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: me.token, json: { userId: second.user.id } })).status, 204);
    const after = Date.now();
    const listed = await call(server.url, "GET", "/api/v1/blocks", { token: me.token });
    assert.equal(listed.status, 200);
    const blocks = listed.body.blocks as Array<{ userId: string; handle: string; displayName: string | null; blockedAt: string }>;
    assert.deepEqual(
      blocks.map(({ userId, handle, displayName }) => ({ userId, handle, displayName })),
      [
        { userId: second.user.id, handle: second.handle, displayName: "Rowan" },
        { userId: first.user.id, handle: first.handle, displayName: null },
      ],
      "newest first, with the handle and display name",
    );
    for (const b of blocks) {
      assert.match(b.blockedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const at = Date.parse(b.blockedAt);
      assert.ok(at >= before - 1 && at <= after + 1, `blockedAt ${b.blockedAt} is when the block was made`);
    }
    assert.ok(Date.parse(blocks[0]!.blockedAt) > Date.parse(blocks[1]!.blockedAt));

    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: me.token, json: { userId: first.user.id } })).status, 204);
    const again = (await call(server.url, "GET", "/api/v1/blocks", { token: me.token })).body.blocks;
    assert.deepEqual(again, blocks, "blocking twice keeps the first time");
    assert.deepEqual((await call(server.url, "GET", "/api/v1/blocks", { token: first.token })).body.blocks, [], "the blocked member's own list is theirs");

    assert.equal((await call(server.url, "DELETE", `/api/v1/blocks/${second.user.id}`, { token: me.token })).status, 204);
    assert.deepEqual(
      (await call(server.url, "GET", "/api/v1/blocks", { token: me.token })).body.blocks.map((x: { userId: string }) => x.userId),
      [first.user.id],
    );
    assert.equal((await call(server.url, "DELETE", `/api/v1/blocks/${second.user.id}`, { token: me.token })).status, 204, "unblocking twice is fine");
    assert.equal((await call(server.url, "DELETE", `/api/v1/blocks/${first.user.id}`, { token: me.token })).status, 204);
    assert.deepEqual((await call(server.url, "GET", "/api/v1/blocks", { token: me.token })).body, { blocks: [] });
  });

  test("blocking yourself or nobody: BAD_REQUEST / NOT_FOUND", async () => {
    const a = await signUp(server.url);
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: a.token, json: { userId: a.user.id } })).status, 400);
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: a.token, json: { userId: "01NOBODY" } })).status, 404);
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: a.token, json: { userId: 5 } })).status, 400);
  });
});
