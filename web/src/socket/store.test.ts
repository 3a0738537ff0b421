/**
 * The socket store against a real Kindred server on an ephemeral port (real SQLite file, real
 * sockets): it connects and resumes, echoes and acks a send, keeps messages written while
 * offline and sends them in order once back, a retry after a lost ack stores nothing twice, and
 * a pause keeps everything until the store starts again.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import WebSocket from "ws";
import { type TestServer, startServer } from "../../../test/helpers/server.js";
import { TestSocket } from "../../../test/helpers/ws.js";
import type { Outgoing } from "./outbox";
import { SocketStore } from "./store";

let server: TestServer;
let conversationId: string;
let writer: { token: string };
let reader: TestSocket;
let store: SocketStore;
let lastSocket: WebSocket | undefined;

/** A JSON request to the test server with a bearer token. */
async function post(path: string, json: unknown, token?: string): Promise<Record<string, any>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(server.url + path, { method: "POST", headers, body: JSON.stringify(json) });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return (await response.json()) as Record<string, any>;
}

let handles = 0;
function signUp(): Promise<Record<string, any>> {
  handles += 1;
  return post("/api/v1/accounts", {
    handle: `owl_${Date.now() % 100000}_${handles}`,
    password: "quiet river morning lantern",
    birthDate: "1990-03-27",
    acceptAgreement: true,
  });
}

/** Resolves when `check` holds after a store change; fails after `timeoutMs`. */
function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}; state ${store.state}`));
    }, timeoutMs);
    const stop = store.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** A round trip on the reader's socket: everything sent before it has been delivered. */
async function barrier(): Promise<void> {
  const t = Date.now() + Math.random();
  reader.send({ op: "ping", t });
  await reader.waitFor((f) => f.op === "pong" && f.t === t);
}

before(async () => {
  server = await startServer();
  writer = (await signUp()) as { token: string };
  const other = await signUp();
  const group = await post("/api/v1/conversations", { kind: "group", title: "Night owls", visibility: "public" }, writer.token);
  conversationId = group.conversation.id;
  await post(`/api/v1/conversations/${conversationId}/members`, {}, other.token);
  reader = await TestSocket.open(server.url, { token: other.token });
  store = new SocketStore(() => {
    lastSocket = new WebSocket(server.url.replace(/^http/, "ws") + "/api/v1/ws", { headers: { authorization: `Bearer ${writer.token}` } });
    return lastSocket as unknown as globalThis.WebSocket;
  });
});

after(async () => {
  store?.stop();
  reader?.ws.close();
  await server?.close();
});

test("connects, resumes, and a send is echoed at once, then acked and in the log", async () => {
  store.start();
  assert.equal(store.state, "connecting");
  await until(() => store.state === "open", "open");
  const item = store.send(conversationId, "Is anyone awake?");
  assert.ok(["sending", "sent"].includes(item.status));
  await until(() => item.status === "sent", "the ack");
  await until(() => store.eventsOf(conversationId).some((e) => e.data.clientMsgId === item.clientMsgId), "the event");
  const seen = await reader.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === item.clientMsgId);
  assert.equal(seen.event.seq, item.seq);
});

test("messages written while offline wait, then go out in order once the store has reconnected", async () => {
  lastSocket!.terminate();
  await until(() => store.state === "offline", "offline");
  const first: Outgoing = store.send(conversationId, "first, written offline");
  const second: Outgoing = store.send(conversationId, "second, written offline");
  assert.equal(first.status, "sending");
  await until(() => store.state === "open", "back open", 10_000);
  await until(() => first.status === "sent" && second.status === "sent", "both acks");
  assert.ok(second.seq! > first.seq!, "they keep the order they were written in");
  const bodies = (await reader.collect((f) => f.op === "event" && f.event.type === "message.created", 3)).map((f) => f.event.data.body);
  assert.deepEqual(bodies, ["Is anyone awake?", "first, written offline", "second, written offline"]);
});

test("a retry after a lost ack reuses the clientMsgId: the server stores the message once", async () => {
  const item = store.send(conversationId, "did this arrive?");
  await until(() => item.status === "sent", "the ack");
  const firstSeq = item.seq;
  // As if the ack had been lost: the member sees "not sent" and presses retry.
  item.status = "failed";
  store.retry(item.clientMsgId);
  await until(() => item.status === "sent", "the second ack");
  assert.equal(item.seq, firstSeq, "the same seq comes back");
  await barrier();
  const copies = reader.frames.filter((f) => f.op === "event" && f.event.data.clientMsgId === item.clientMsgId);
  assert.equal(copies.length, 1);
});

test("pause closes the connection but keeps history and unsent messages; start picks up where it left off", async () => {
  await until(() => store.state === "open", "open");
  const heard = store.eventsOf(conversationId).length;
  const paused = lastSocket!;
  store.pause();
  assert.equal(store.state, "idle");
  const waiting = store.send(conversationId, "written while paused");
  assert.equal(waiting.status, "sending");
  await barrier();
  assert.equal(store.state, "idle", "a pause is no dropped connection: nothing reconnects by itself");
  assert.equal(lastSocket, paused, "no new socket was opened");
  assert.equal(store.eventsOf(conversationId).length, heard, "the history is kept");
  store.start();
  await until(() => waiting.status === "sent", "the ack once started again");
  assert.notEqual(lastSocket, paused);
});

test("stop closes the connection for good and forgets everything", async () => {
  store.stop();
  assert.equal(store.state, "idle");
  assert.deepEqual(store.eventsOf(conversationId), []);
  assert.deepEqual(store.outbox.pending(), []);
});
