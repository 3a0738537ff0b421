/**
 * The safety notices against a real server (real SQLite file, real sockets): words of crisis
 * sent through one member's socket store leave a notice for that conversation in their store
 * only; the other member's store, which receives the same message, holds none; dismissing and
 * signing out forget it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import WebSocket from "ws";
import { type TestServer, startServer } from "../../../../test/helpers/server.js";
import { TestSocket } from "../../../../test/helpers/ws.js";
import { SocketStore } from "../../socket/store";
import { SafetyNotices } from "./safety-notices";

let server: TestServer;
const stores: SocketStore[] = [];

/** A JSON request to the test server (the web tests' types have no room for the Node-side helpers). */
async function send(method: string, path: string, json: unknown, token?: string): Promise<Record<string, any>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(server.url + path, { method, headers, body: JSON.stringify(json) });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return (await response.json()) as Record<string, any>;
}

let handles = 0;
async function member(availability: "talk" | "listen"): Promise<{ token: string }> {
  handles += 1;
  const handle = `care_${Date.now() % 100000}_${handles}`;
  const made = await send("POST", "/api/v1/accounts", { handle, password: "quiet river morning lantern", birthDate: "1990-03-27", acceptAgreement: true });
  await send("PATCH", "/api/v1/me", { availability, languages: ["en"], experiences: ["grief"] }, made.token);
  return { token: made.token as string };
}

function storeFor(token: string): SocketStore {
  const store = new SocketStore(
    () => new WebSocket(server.url.replace(/^http/, "ws") + "/api/v1/ws", { headers: { authorization: `Bearer ${token}` } }) as unknown as globalThis.WebSocket,
  );
  stores.push(store);
  return store;
}

/** Resolves when `check` holds after a change of `store`; fails after `timeoutMs`. */
function until(store: { subscribe(listener: () => void): () => void }, check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const stop = store.subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

before(async () => {
  server = await startServer();
});

after(async () => {
  for (const store of stores) store.stop();
  await server?.close();
});

test("a notice reaches the author's store only, and dismissing or signing out forgets it", async () => {
  const listener = await member("listen");
  const online = await TestSocket.open(server.url, { token: listener.token });
  const talker = await member("talk");
  const asked = await send("POST", "/api/v1/match-requests", { mode: "one-to-one", anyone: true, experiences: [] }, talker.token);
  const conversationId = asked.request.conversationId as string;
  online.close();

  const author = storeFor(talker.token);
  const authorNotices = new SafetyNotices(author);
  const peer = storeFor(listener.token);
  const peerNotices = new SafetyNotices(peer);
  author.start();
  peer.start();
  await until(author, () => author.state === "open", "the author's store to open");
  await until(peer, () => peer.state === "open", "the peer's store to open");

  author.send(conversationId, "I just want to die honestly");
  await until(authorNotices, () => authorNotices.of(conversationId) !== undefined, "the author's notice");
  const notice = authorNotices.of(conversationId)!;
  assert.equal(notice.kind, "crisis-support");
  assert.ok(notice.resources.length > 0, "it carries help lines");
  assert.ok(notice.actions.includes("talk-to-supporter"));

  // Barrier: the peer's store has the message itself, and any frame before it.
  await until(peer, () => peer.eventsOf(conversationId).some((e) => e.data.body === "I just want to die honestly"), "the message at the peer");
  assert.equal(peerNotices.of(conversationId), undefined, "the other member's store holds no notice");

  authorNotices.dismiss(conversationId);
  assert.equal(authorNotices.of(conversationId), undefined);

  author.send(conversationId, "I want to kill myself");
  await until(authorNotices, () => authorNotices.of(conversationId) !== undefined, "a second notice");
  author.stop();
  assert.equal(authorNotices.of(conversationId), undefined, "signing out forgets it");
});
