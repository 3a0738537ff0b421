/**
 * Errors a client can act on: the same code and wording over REST and the
 * WebSocket, the field named in plain words, what was limited and when to try
 * again, and a `ref` on every error that answers a frame.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { call, signUp } from "../helpers/http.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer({ rateLimitMultiplier: "1" });
});
after(async () => {
  await server.close();
});

async function upgradeRefusal(headers: Record<string, string>): Promise<{ status: number; body: any }> {
  try {
    await TestSocket.open(server.url, { headers });
  } catch (err: any) {
    return { status: err.status, body: err.body };
  }
  throw new Error("the upgrade was accepted");
}

test("a bad message body is worded the same over REST and over the socket", async () => {
  const me = await signUp(server.url);
  const id = await server.services.conversations.createDirect(me.user.id, (await signUp(server.url)).user.id);
  const rest = await call(server.url, "POST", `/api/v1/conversations/${id}/messages`, { token: me.token, json: { clientMsgId: "x", body: "   " } });
  const socket = await TestSocket.open(server.url, { token: me.token });
  socket.send({ op: "send", ref: "r1", conversationId: id, clientMsgId: "x", body: "   " });
  const frame = await socket.waitFor((f) => f.op === "error");
  assert.equal(rest.status, 400);
  assert.deepEqual(frame.error, rest.body.error);
  assert.equal(frame.ref, "r1");
  assert.equal(rest.body.error.message, "body: must not be empty");
  socket.close();
});

test("a missing ref is named in plain words, not 'Invalid input'", async () => {
  const me = await signUp(server.url);
  const socket = await TestSocket.open(server.url, { token: me.token });
  socket.send({ op: "send", conversationId: "c", clientMsgId: "x", body: "hi" });
  const frame = await socket.waitFor((f) => f.op === "error");
  assert.equal(frame.error.message, "ref: is required");
  assert.deepEqual(frame.error.details, { field: "ref", problem: "is required" });
  socket.close();
});

test("a rate limit says what was limited and when to try again, over REST and the socket alike", async () => {
  const me = await signUp(server.url);
  const id = await server.services.conversations.createDirect(me.user.id, (await signUp(server.url)).user.id);
  let limited: any;
  for (let n = 0; n < 40 && !limited; n++) {
    const res = await call(server.url, "POST", `/api/v1/conversations/${id}/messages`, { token: me.token, json: { clientMsgId: `rl-${n}`, body: "hello" } });
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, "the budget ran out");
  assert.equal(limited.body.error.details.limit, "sendPerMember");
  assert.match(limited.body.error.message, /^You are sending messages very quickly\. Please try again in \d+ seconds?\.$/);
  assert.ok(Number(limited.headers.get("retry-after")) >= 1);
  const socket = await TestSocket.open(server.url, { token: me.token });
  socket.send({ op: "send", ref: 9, conversationId: id, clientMsgId: "rl-ws", body: "hello" });
  const frame = await socket.waitFor((f) => f.op === "error" && f.ref === 9);
  assert.equal(frame.error.code, "RATE_LIMITED");
  assert.match(frame.error.message, /^You are sending messages very quickly\./);
  assert.ok(frame.error.retryAfterMs > 0);
  socket.close();
});

test("a foreign Origin is explained the same way over REST and on the upgrade", async () => {
  const me = await signUp(server.url);
  const cookie = `kindred_session=${me.token}`;
  const rest = await call(server.url, "PATCH", "/api/v1/me", { cookie, origin: "https://elsewhere.example", json: { about: "x" } });
  const upgrade = await upgradeRefusal({ cookie, origin: "https://elsewhere.example" });
  assert.equal(rest.status, 403);
  assert.equal(upgrade.status, 403);
  assert.deepEqual(upgrade.body.error, rest.body.error);
  assert.match(rest.body.error.message, /Origin/);
});
