/**
 * The socket store's "never lose a word" guarantees, against a real Kindred server (real SQLite
 * file, real sockets): unsent messages survive a reload (a new store on the same tab storage) and
 * go out once, in order; a `gap` is filled over REST until caught up; older history is read
 * page by page; sign-out forgets the tab's storage.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import WebSocket from "ws";
import type { ConversationEvent } from "../api/types";
import { type TestServer, startServer } from "../../../test/helpers/server.js";
import { TestSocket } from "../../../test/helpers/ws.js";
import type { FetchEvents } from "./history";
import { SocketStore } from "./store";
import { MemoryStorage, TabStorage } from "./tab-storage";

let server: TestServer;
let conversationId: string;
let writer: { token: string };
let other: { token: string };
let reader: TestSocket;
const sockets: WebSocket[] = [];
const stores: SocketStore[] = [];

async function request(method: string, path: string, json: unknown, token: string): Promise<Record<string, any>> {
  const response = await fetch(server.url + path, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return (await response.json()) as Record<string, any>;
}

let handles = 0;
function signUp(): Promise<Record<string, any>> {
  handles += 1;
  return fetch(server.url + "/api/v1/accounts", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ handle: `lark_${process.pid}_${handles}`, password: "quiet river morning lantern", birthDate: "1990-03-27", acceptAgreement: true }),
  }).then((r) => r.json() as Promise<Record<string, any>>);
}

/** The REST history as the browser reads it, here with the writer's token; counts the pages asked for. */
const pagesAsked: string[] = [];
const fetchEvents: FetchEvents = async (id, query) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  pagesAsked.push(params.toString());
  const response = await fetch(`${server.url}/api/v1/conversations/${id}/events?${params}`, { headers: { authorization: `Bearer ${writer.token}` } });
  return (await response.json()) as { events: ConversationEvent[]; hasMore: boolean };
};

/** While true, every connection attempt fails, as with no network. */
let networkDown = false;

function newStore(storage: TabStorage): SocketStore {
  const store = new SocketStore(
    () => {
      if (networkDown) throw new Error("no network");
      const ws = new WebSocket(server.url.replace(/^http/, "ws") + "/api/v1/ws", { headers: { authorization: `Bearer ${writer.token}` } });
      // The store's own onclose handles every ending; ws also emits "error", which must not go unheard.
      ws.on("error", () => undefined);
      sockets.push(ws);
      return ws as unknown as globalThis.WebSocket;
    },
    { storage, fetchEvents },
  );
  stores.push(store);
  return store;
}

function until(store: SocketStore, check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
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

before(async () => {
  server = await startServer();
  writer = (await signUp()) as { token: string };
  other = (await signUp()) as { token: string };
  const group = await request("POST", "/api/v1/conversations", { kind: "group", title: "Early risers", visibility: "public" }, writer.token);
  conversationId = group.conversation.id;
  await request("POST", `/api/v1/conversations/${conversationId}/members`, {}, other.token);
  reader = await TestSocket.open(server.url, { token: other.token });
});

after(async () => {
  for (const store of stores) if (store.state !== "idle") store.stop();
  reader?.ws.close();
  await server?.close();
});

test("messages written offline survive a reload of the page and go out once, in order", async () => {
  const storage = new TabStorage(new MemoryStorage());
  // The first page: never connected (as if the network was gone), two messages written.
  const firstPage = newStore(storage);
  const a = firstPage.send(conversationId, "written offline, first");
  const b = firstPage.send(conversationId, "written offline, second", "grief");
  assert.equal(firstPage.outbox.pending().length, 2);

  // A reload: a new store on the same tab storage holds them, as "sending", with the same ids.
  const secondPage = newStore(storage);
  assert.deepEqual(
    secondPage.outbox.pending().map((m) => [m.clientMsgId, m.body, m.contentWarning]),
    [
      [a.clientMsgId, "written offline, first", undefined],
      [b.clientMsgId, "written offline, second", "grief"],
    ],
  );
  secondPage.start();
  await until(secondPage, () => secondPage.outbox.pending().length === 0, "both acks");
  const events = await reader.collect((f) => f.op === "event" && f.event.type === "message.created", 2);
  assert.deepEqual(
    events.map((f) => [f.event.data.clientMsgId, f.event.data.body, f.event.data.contentWarning]),
    [
      [a.clientMsgId, "written offline, first", undefined],
      [b.clientMsgId, "written offline, second", "grief"],
    ],
  );
  assert.equal(storage.read("outbox"), undefined, "nothing unsent is left in the tab's storage");

  // A third page that still had them (the ack came after the reload): the server stores them once.
  storage.write("outbox", [{ ...a, status: "sending" }]);
  const thirdPage = newStore(storage);
  thirdPage.start();
  await until(thirdPage, () => thirdPage.outbox.pending().length === 0, "the repeat's ack");
  const history = await fetchEvents(conversationId, { afterSeq: 0, limit: 100 });
  const copies = history.events.filter((e) => e.data.clientMsgId === a.clientMsgId);
  assert.equal(copies.length, 1, "a repeat of the same clientMsgId is stored once");
  thirdPage.stop();
  secondPage.stop();
});

test("sign-out forgets drafts and unsent messages kept in the tab", () => {
  const backing = new MemoryStorage();
  backing.setItem("unrelated", "kept");
  const storage = new TabStorage(backing);
  const store = newStore(storage);
  storage.write("draft.c1", "half a thought");
  store.send(conversationId, "never sent");
  store.start();
  store.stop();
  assert.equal(storage.read("draft.c1"), undefined);
  assert.equal(storage.read("outbox"), undefined);
  assert.equal(backing.getItem("unrelated"), "kept", "only Kindred's own keys are removed");
  assert.equal(newStore(storage).outbox.pending().length, 0);

  // A page loaded after the session ended elsewhere: never started, it still forgets what it restored.
  storage.write("outbox", [{ clientMsgId: "x", conversationId, body: "from before", ref: "r", status: "sending", createdAt: new Date().toISOString() }]);
  const stale = newStore(storage);
  assert.equal(stale.outbox.pending().length, 1);
  stale.stop();
  assert.equal(stale.outbox.pending().length, 0, "nothing left to go out under the next member's name");
  assert.equal(storage.read("outbox"), undefined);
});

test("a gap of more than 500 missed events is filled over REST, paging until caught up", async () => {
  const store = newStore(new TabStorage(new MemoryStorage()));
  const frames: string[] = [];
  store.onFrame((frame) => frames.push(frame.op));
  store.start();
  await until(store, () => store.state === "open", "open");
  await store.loadLatest(conversationId);
  const before = store.eventsOf(conversationId);
  const lastHeld = before[before.length - 1]!.seq;

  // The network goes away; the other member writes 530 messages meanwhile.
  networkDown = true;
  sockets[sockets.length - 1]!.terminate();
  await until(store, () => store.state === "offline", "offline");
  for (let i = 1; i <= 530; i += 1) {
    await request("POST", `/api/v1/conversations/${conversationId}/messages`, { clientMsgId: `gap-${i}`, body: `missed ${i}` }, other.token);
  }
  networkDown = false;
  await until(store, () => store.state === "open", "back open", 40_000);
  await until(
    store,
    () => !store.historyOf(conversationId).resyncing && store.eventsOf(conversationId).length >= before.length + 530,
    "the gap filled",
    15_000,
  );
  assert.ok(frames.includes("gap"), "the server sent a gap frame");
  const seqs = store.eventsOf(conversationId).map((e) => e.seq);
  const filled = seqs.filter((s) => s > lastHeld);
  assert.equal(filled.length, 530);
  assert.deepEqual(
    filled,
    [...filled].sort((x, y) => x - y),
  );
  assert.equal(new Set(seqs).size, seqs.length, "no event twice");
  const bodies = store
    .eventsOf(conversationId)
    .filter((e) => e.seq > lastHeld)
    .map((e) => e.data.body);
  assert.equal(bodies[0], "missed 1");
  assert.equal(bodies[529], "missed 530");
  assert.ok(pagesAsked.filter((p) => p.startsWith("afterSeq=")).length >= 6, "paged at most 100 at a time");
  store.stop();
});

test("older history is read a page at a time before the first event held", async () => {
  const store = newStore(new TabStorage(new MemoryStorage()));
  await store.loadLatest(conversationId);
  const latest = store.eventsOf(conversationId);
  assert.equal(latest.length, 50);
  assert.equal(store.historyOf(conversationId).hasOlder, true);
  await store.loadOlder(conversationId);
  const more = store.eventsOf(conversationId);
  assert.equal(more.length, 100);
  assert.equal(more[50]!.seq, latest[0]!.seq, "the older page comes before what was held");
  for (let i = 1; i < more.length; i += 1) assert.equal(more[i]!.seq, more[i - 1]!.seq + 1);
  let pages = 0;
  while (store.historyOf(conversationId).hasOlder && pages < 50) {
    await store.loadOlder(conversationId);
    pages += 1;
  }
  assert.equal(store.eventsOf(conversationId)[0]!.seq, 1, "read back to the first event");
  assert.equal(store.historyOf(conversationId).hasOlder, false);
});
