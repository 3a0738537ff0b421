/**
 * 500 members ask to talk at once while 500 listeners are online, everyone on a
 * real WebSocket: every requester is matched, no listener twice, and every
 * match.found reaches both sides.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { member, requestMatch } from "../helpers/members.js";
import { TestSocket } from "../helpers/ws.js";

const pairs = 500;
let server: TestServer;
const sockets: TestSocket[] = [];
before(async () => {
  server = await startServer({ matchSweepMs: "1000" });
});
after(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

test(`${pairs} requesters and ${pairs} listeners: everyone matched once, both sides told`, async (t) => {
  const indexes = [...Array(pairs).keys()];
  const listeners = await inBatches(indexes, 50, () => member(server.url, { experiences: ["grief", "heard-voices"], availability: "listen" }));
  const requesters = await inBatches(indexes, 50, () => member(server.url, { experiences: ["grief"], availability: "talk" }));
  const listenerSockets = await inBatches(listeners, 50, (m) => TestSocket.open(server.url, { token: m.token }));
  const requesterSockets = await inBatches(requesters, 50, (m) => TestSocket.open(server.url, { token: m.token }));
  sockets.push(...listenerSockets, ...requesterSockets);

  const started = performance.now();
  const answers = await Promise.all(requesters.map((m) => requestMatch(server.url, m.token, { experiences: ["grief"] })));
  assert.ok(answers.every((a) => a.status === 202));
  const found = await Promise.all(requesterSockets.map((s) => s.waitFor((f) => f.op === "match.found", 60_000)));
  t.diagnostic(`all ${pairs} matched in ${Math.round(performance.now() - started)} ms`);

  const listenerFound = await Promise.all(listenerSockets.map((s) => s.waitFor((f) => f.op === "match.found", 30_000)));
  const conversations = new Set(found.map((f) => f.conversationId));
  assert.equal(conversations.size, pairs, "one conversation per requester");
  assert.deepEqual(new Set(listenerFound.map((f) => f.conversationId)), conversations, "each listener was told of exactly the conversations requesters were");
  for (const s of listenerSockets) assert.equal(s.frames.filter((f) => f.op === "match.found").length, 1, "no listener matched twice");

  const rows = await server.services.db
    .selectFrom("conversation_members")
    .select(["conversation_id", "user_id"])
    .where("conversation_id", "in", [...conversations])
    .execute();
  const byConversation = new Map<string, string[]>();
  for (const r of rows) byConversation.set(r.conversation_id, [...(byConversation.get(r.conversation_id) ?? []), r.user_id]);
  const listenerIds = new Set(listeners.map((l) => l.user.id));
  const requesterIds = new Set(requesters.map((r) => r.user.id));
  for (const [, members] of byConversation) {
    assert.equal(members.length, 2);
    assert.equal(members.filter((id) => listenerIds.has(id)).length, 1, "one listener and one requester in each");
    assert.equal(members.filter((id) => requesterIds.has(id)).length, 1);
  }
  const waiting = await server.services.db.selectFrom("match_requests").select("id").where("status", "=", "waiting").execute();
  assert.equal(waiting.length, 0);
});
