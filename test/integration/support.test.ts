/**
 * Asking for an on-duty peer supporter (protocol.md "Crisis support and
 * supporters"): who counts as free, who is preferred, and the honest answer
 * when nobody is.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { call } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { type Supporter, barrier, onDutySupporter, requestSupport } from "../helpers/supporters.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const open: Supporter[] = [];
/** Each test starts with nobody on duty: the supporters of earlier tests go off duty. */
beforeEach(async () => {
  for (const s of open.splice(0)) {
    await call(server.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: false } });
    s.socket?.close();
  }
});

async function supporter(...args: Parameters<typeof onDutySupporter> extends [unknown, ...infer Rest] ? Rest : never): Promise<Supporter> {
  const s = await onDutySupporter(server, ...args);
  open.push(s);
  return s;
}

describe("support requests", () => {
  test("nobody on duty: 409 NO_SUPPORTER_ON_DUTY with the lines for the member's region", async () => {
    const m = await member(server.url, { experiences: ["grief"] });
    await call(server.url, "PATCH", "/api/v1/me", { token: m.token, json: { region: "ES" } });
    const res = await requestSupport(server.url, m.token);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, "NO_SUPPORTER_ON_DUTY");
    assert.equal(res.body.error.retryable, true);
    const regions = new Set(res.body.error.details.resources.map((r: any) => r.region));
    assert.deepEqual([...regions].sort(), ["*", "ES"]);
    assert.ok(res.body.error.details.resources.some((r: any) => r.contact.includes("024")));
  });

  test("an online, on-duty supporter is matched; they get match.found and both are in the new one-to-one", async () => {
    const s = await supporter({ experiences: ["grief"] });
    const m = await member(server.url, { experiences: ["grief"] });
    const res = await requestSupport(server.url, m.token);
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.supporter, { id: s.user.id, handle: s.handle });
    const found = await s.socket.waitFor((f) => f.op === "match.found");
    assert.equal(found.conversationId, res.body.conversationId);
    assert.equal(found.handoffId, undefined, "a member's own request is no hand-off");
    const conversation = await call(server.url, "GET", `/api/v1/conversations/${res.body.conversationId}`, { token: m.token });
    assert.equal(conversation.body.conversation.kind, "direct");
    assert.deepEqual(conversation.body.conversation.members.map((x: any) => x.userId).sort(), [m.user.id, s.user.id].sort());
    const again = await requestSupport(server.url, m.token);
    assert.equal(again.status, 201);
    assert.equal(again.body.conversationId, res.body.conversationId, "asking again while it is open answers the same conversation");
  });

  test("a supporter in an open support conversation is not free; once it ends, they are", async () => {
    const s = await supporter();
    const first = await member(server.url);
    const second = await member(server.url);
    const opened = await requestSupport(server.url, first.token);
    assert.equal(opened.status, 201);
    const busy = await requestSupport(server.url, second.token);
    assert.equal(busy.status, 409, "not offered while serving someone");
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${opened.body.conversationId}/members/me`, { token: first.token })).status, 204);
    const freed = await requestSupport(server.url, second.token);
    assert.equal(freed.status, 201);
    assert.equal(freed.body.supporter.id, s.user.id);
  });

  test("offline, off-duty, blocked, other-language supporters and the member themself are never offered", async () => {
    const m = await member(server.url, { languages: ["en"] });
    await supporter({}, { online: false });
    await supporter({ languages: ["pt"] });
    const blocked = await supporter();
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: m.token, json: { userId: blocked.user.id } })).status, 204);
    const blocker = await supporter();
    assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: blocker.token, json: { userId: m.user.id } })).status, 204);
    const offDuty = await supporter();
    await call(server.url, "PATCH", "/api/v1/me", { token: offDuty.token, json: { onDuty: false } });
    assert.equal((await requestSupport(server.url, m.token)).status, 409);
  });

  test("a supporter who asks for support is never matched with themself", async () => {
    const self = await supporter();
    assert.equal((await requestSupport(server.url, self.token)).status, 409);
    const other = await supporter();
    const res = await requestSupport(server.url, self.token);
    assert.equal(res.status, 201);
    assert.equal(res.body.supporter.id, other.user.id);
  });

  test("a member with no languages counts as speaking en", async () => {
    const m = await member(server.url);
    await server.services.db.deleteFrom("user_languages").where("user_id", "=", m.user.id).execute();
    await supporter({ languages: ["es"] });
    assert.equal((await requestSupport(server.url, m.token)).status, 409, "no Spanish-only supporter for an en member");
    const english = await supporter({ languages: ["en", "es"] });
    const res = await requestSupport(server.url, m.token);
    assert.equal(res.status, 201);
    assert.equal(res.body.supporter.id, english.user.id);
  });

  test("a supporter who shares an experience comes first", async () => {
    const m = await member(server.url, { experiences: ["heard-voices"] });
    await supporter({ experiences: ["grief"] });
    const sharing = await supporter({ experiences: ["heard-voices"] });
    await supporter({ experiences: ["self-harm"] });
    const res = await requestSupport(server.url, m.token);
    assert.equal(res.body.supporter.id, sharing.user.id);
  });

  test("fromConversationId must be one of the member's own; nothing from it reaches the supporter", async () => {
    const m = await member(server.url);
    const other = await member(server.url);
    const stranger = await member(server.url);
    const theirs = await server.services.conversations.createDirect(other.user.id, stranger.user.id);
    const s = await supporter();
    const refused = await requestSupport(server.url, m.token, { fromConversationId: theirs });
    assert.equal(refused.status, 404);
    const mine = await server.services.conversations.createDirect(m.user.id, other.user.id);
    const res = await requestSupport(server.url, m.token, { fromConversationId: mine });
    assert.equal(res.status, 201);
    await s.socket.waitFor((f) => f.op === "match.found");
    await barrier(s.socket);
    assert.equal(s.socket.events(mine).length, 0, "the supporter sees nothing of the conversation it came from");
    assert.equal((await call(server.url, "GET", `/api/v1/conversations/${mine}/events`, { token: s.token })).status, 404);
  });

  test("bad input is BAD_REQUEST naming the field", async () => {
    const m = await member(server.url);
    const res = await requestSupport(server.url, m.token, { fromConversationId: 5 });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.field, "fromConversationId");
    assert.equal((await call(server.url, "POST", "/api/v1/support-requests", { json: {} })).status, 401);
  });
});
