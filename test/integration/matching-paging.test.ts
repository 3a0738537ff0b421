/**
 * Matching filters in the query, not after it (docs/matching.md "One-to-one"):
 * candidates are read a page of 100 at a time, so a compatible member ranked
 * behind a hundred who could never be matched (another language, a block) must
 * still be found.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  // No sweep during the test: only the request's own attempt can match it.
  server = await startServer({ matchSweepMs: "600000" });
});
after(async () => {
  await server.close();
});

/** `count` members made ten at a time (sign-up hashes a password each). */
async function many<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < count; i += 10) made.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => make(i + k)))));
  return made;
}

test("a compatible online listener ranked behind 101 listeners of another language is matched", async () => {
  const sockets: TestSocket[] = [];
  try {
    // They share both asked-about experiences, so they rank ahead; but they speak only French.
    const french = await many(101, () => member(server.url, { experiences: ["grief", "loss-to-suicide"], languages: ["fr"], availability: "listen" }));
    for (const f of french) sockets.push(await TestSocket.open(server.url, { token: f.token }));
    const listener = await member(server.url, { experiences: ["grief"], languages: ["en-GB"], availability: "listen" });
    sockets.push(await TestSocket.open(server.url, { token: listener.token }));
    const requester = await member(server.url, { experiences: [], languages: ["en"] });
    const res = await requestMatch(server.url, requester.token, { experiences: ["grief", "loss-to-suicide"] });
    assert.equal(res.body.request.status, "matched", "the English-speaking listener is found");
    const view = (await call(server.url, "GET", `/api/v1/conversations/${res.body.request.conversationId}`, { token: requester.token })).body.conversation;
    assert.deepEqual(view.members.map((m: any) => m.userId).sort(), [listener.user.id, requester.user.id].sort());
  } finally {
    for (const s of sockets) s.close();
  }
});

test("a compatible waiting request behind 100 older ones in other languages or blocked is matched", async () => {
  const catalogue = (await call(server.url, "GET", "/api/v1/experiences")).body.experiences.map((t: { id: string }) => t.id) as string[];
  const requester = await member(server.url, { experiences: [], languages: ["es"] });
  // Older requests first. Seventy in languages nobody else speaks ("xaa", "xab", ...), so they never match each other.
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const foreign = await many(70, (i) => member(server.url, { experiences: [], languages: [`x${letters[Math.floor(i / 26)]}${letters[i % 26]}`] }));
  for (const f of foreign) assert.equal((await requestMatch(server.url, f.token, { experiences: ["gambling"] })).body.request.status, "waiting");
  // Thirty Spanish speakers the requester blocked, each asking about a different experience, so they never match each other.
  const blocked = await many(30, () => member(server.url, { experiences: [], languages: ["es"] }));
  for (const [i, b] of blocked.entries()) {
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: requester.token, json: { userId: b.user.id } })).status, 204);
    assert.equal((await requestMatch(server.url, b.token, { experiences: [catalogue[i]!] })).body.request.status, "waiting");
  }
  const partner = await member(server.url, { experiences: [], languages: ["es-MX"] });
  assert.equal((await requestMatch(server.url, partner.token, { experiences: [catalogue[31]!] })).body.request.status, "waiting");
  const res = await requestMatch(server.url, requester.token, { experiences: [], anyone: true });
  assert.equal(res.body.request.status, "matched", "the compatible request behind a hundred others is found");
  const view = (await call(server.url, "GET", `/api/v1/conversations/${res.body.request.conversationId}`, { token: requester.token })).body.conversation;
  assert.deepEqual(view.members.map((m: any) => m.userId).sort(), [partner.user.id, requester.user.id].sort());
});
