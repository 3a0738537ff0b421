/** History over REST (protocol.md "Conversations"): paging both ways, edits and deletions as events. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function conversationWith(messages: number) {
  const a = await signUp(server.url);
  const b = await signUp(server.url);
  const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
  for (let n = 0; n < messages; n++) {
    const res = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: `h-${n}`, body: `line ${n}` },
    });
    assert.equal(res.status, 201);
  }
  return { a, b, conversationId };
}

const events = (token: string, id: string, query = "") => call(server.url, "GET", `/api/v1/conversations/${id}/events${query}`, { token });

test("the default page is the newest 50, oldest first; beforeSeq pages backwards to the start", async () => {
  const { b, conversationId } = await conversationWith(120);
  const latest = await events(b.token, conversationId);
  assert.equal(latest.status, 200);
  assert.deepEqual(
    latest.body.events.map((e: any) => e.seq),
    Array.from({ length: 50 }, (_, k) => 73 + k),
  );
  assert.equal(latest.body.hasMore, true);
  const seqs: number[] = [...latest.body.events.map((e: any) => e.seq)];
  let before = latest.body.events[0].seq;
  for (let pages = 0; pages < 10; pages++) {
    const page = await events(b.token, conversationId, `?beforeSeq=${before}&limit=40`);
    seqs.unshift(...page.body.events.map((e: any) => e.seq));
    if (!page.body.hasMore) break;
    before = page.body.events[0].seq;
  }
  // b joined second, at seq 2: a member sees the log from their own join on.
  assert.deepEqual(
    seqs,
    Array.from({ length: 121 }, (_, k) => 2 + k),
  );
  const window = await events(b.token, conversationId, "?afterSeq=10&beforeSeq=15");
  assert.deepEqual(
    window.body.events.map((e: any) => e.seq),
    [11, 12, 13, 14],
  );
  assert.equal(window.body.hasMore, false);
});

test("bad paging parameters are BAD_REQUEST naming the parameter", async () => {
  const { b, conversationId } = await conversationWith(1);
  for (const [query, field] of [
    ["?limit=0", "query.limit"],
    ["?limit=101", "query.limit"],
    ["?afterSeq=-1", "query.afterSeq"],
    ["?beforeSeq=abc", "query.beforeSeq"],
    ["?cursor=1", "query.cursor"],
  ]) {
    const res = await events(b.token, conversationId, query!);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.error.details.field, field, query);
  }
});

test("the author edits and deletes; both are events; a deleted message is a tombstone everywhere", async () => {
  const { a, b, conversationId } = await conversationWith(1);
  const sb = await TestSocket.open(server.url, { token: b.token });
  const sent = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
    token: a.token,
    json: { clientMsgId: "cw-1", body: "a hard day", contentWarning: "grief" },
  });
  assert.equal(sent.body.message.event.data.contentWarning, "grief");
  const messageId = sent.body.message.id;
  const notMine = await call(server.url, "PATCH", `/api/v1/conversations/${conversationId}/messages/${messageId}`, {
    token: b.token,
    json: { body: "changed" },
  });
  assert.equal(notMine.status, 403);
  const edited = await call(server.url, "PATCH", `/api/v1/conversations/${conversationId}/messages/${messageId}`, {
    token: a.token,
    json: { body: "a hard week" },
  });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.event.type, "message.edited");
  assert.equal((await sb.waitFor((f) => f.op === "event" && f.event.type === "message.edited")).event.data.body, "a hard week");
  assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${conversationId}/messages/${messageId}`, { token: a.token })).status, 204);
  await sb.waitFor((f) => f.op === "event" && f.event.type === "message.deleted");
  const history = await events(b.token, conversationId, "?afterSeq=0");
  const aboutIt = history.body.events.filter((e: any) => e.data.messageId === messageId);
  assert.deepEqual(
    aboutIt.map((e: any) => e.type),
    ["message.created", "message.edited", "message.deleted"],
  );
  for (const e of aboutIt) {
    assert.equal(e.data.body, null);
    assert.equal(e.data.deleted, true);
  }
  const row = await server.services.db.selectFrom("messages").selectAll().where("id", "=", messageId).executeTakeFirstOrThrow();
  assert.equal(row.body, null, "the text is gone from the store");
  assert.equal(row.content_warning, null);
  assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${conversationId}/messages/${messageId}`, { token: a.token })).status, 404);
  sb.close();
});

test("conversation list: members, lastSeq, readSeq and unread", async () => {
  const { a, b, conversationId } = await conversationWith(3);
  const list = await call(server.url, "GET", "/api/v1/conversations", { token: b.token });
  const c = list.body.conversations.find((x: any) => x.id === conversationId);
  assert.equal(c.kind, "direct");
  assert.deepEqual(c.members.map((m: any) => m.userId).sort(), [a.user.id, b.user.id].sort());
  assert.equal(c.lastSeq, 5);
  assert.equal(c.readSeq, 2, "their own join counts as read");
  assert.equal(c.unread, 3);
});

test("a member's own messages never count as unread, for either member", async () => {
  const { a, b, conversationId } = await conversationWith(3);
  const unreadOf = async (token: string) =>
    (await call(server.url, "GET", "/api/v1/conversations", { token })).body.conversations.find((x: any) => x.id === conversationId).unread as number;
  // a joined at seq 1; b's join (seq 2) is the one thing a has not read; a's three messages are a's own.
  assert.equal(await unreadOf(a.token), 1);
  assert.equal(await unreadOf(b.token), 3);
  for (let n = 0; n < 2; n++) {
    const res = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: b.token,
      json: { clientMsgId: `own-${n}`, body: `reply ${n}` },
    });
    assert.equal(res.status, 201);
  }
  assert.equal(await unreadOf(b.token), 3, "b's replies are not unread for b");
  assert.equal(await unreadOf(a.token), 3, "b's join and two replies are unread for a");
  const one = (await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: a.token })).body.conversation;
  assert.equal(one.unread, 3, "the single view agrees with the list");
});
