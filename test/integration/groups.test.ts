/** Small groups by matching (mode "group"), capped and closing when fewer than two remain. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
before(async () => {
  server = await startServer({ matchSweepMs: "200" });
});
after(async () => {
  await server.close();
});

const groupRequest = (token: string, experiences: string[]) => requestMatch(server.url, token, { mode: "group", experiences });

async function membersOf(conversationId: string): Promise<string[]> {
  const rows = await server.services.db.selectFrom("conversation_members").select("user_id").where("conversation_id", "=", conversationId).execute();
  return rows.map((r) => r.user_id);
}

test("two waiting requests start a group; the next join it up to six; the seventh starts or joins another", async () => {
  const tag = "homelessness";
  const people = await Promise.all(Array.from({ length: 8 }, () => member(server.url, { experiences: [tag] })));
  const first = await groupRequest(people[0]!.token, [tag]);
  assert.equal(first.body.request.status, "waiting", "a group needs two");
  const s0 = await TestSocket.open(server.url, { token: people[0]!.token });
  const second = await groupRequest(people[1]!.token, [tag]);
  assert.equal(second.body.request.status, "matched");
  const groupId = second.body.request.conversationId;
  assert.equal((await s0.waitFor((f) => f.op === "match.found")).conversationId, groupId);
  const view = (await call(server.url, "GET", `/api/v1/conversations/${groupId}`, { token: people[1]!.token })).body.conversation;
  assert.equal(view.kind, "group");
  assert.equal(view.origin, "match");
  assert.match(view.title, /Homelessness/);
  for (const p of people.slice(2, 6)) {
    const r = await groupRequest(p.token, [tag]);
    assert.equal(r.body.request.conversationId, groupId);
  }
  assert.equal((await membersOf(groupId)).length, 6);
  const seventh = await groupRequest(people[6]!.token, [tag]);
  assert.equal(seventh.body.request.status, "waiting", "the group is full");
  const eighth = await groupRequest(people[7]!.token, [tag]);
  assert.equal(eighth.body.request.status, "matched");
  assert.notEqual(eighth.body.request.conversationId, groupId, "the seventh and eighth start another");
  assert.deepEqual((await membersOf(eighth.body.request.conversationId)).sort(), [people[6]!.user.id, people[7]!.user.id].sort());
  s0.close();
});

test("concurrent group requests never overfill a group, and all are placed", async () => {
  const tag = "migration";
  const people = await Promise.all(Array.from({ length: 14 }, () => member(server.url, { experiences: [tag] })));
  const answers = await Promise.all(people.map((p) => groupRequest(p.token, [tag])));
  const ids = answers.map((a) => a.body.request.id as string);
  const deadline = Date.now() + 10_000;
  let rows = await server.services.db.selectFrom("match_requests").select(["status", "conversation_id"]).where("id", "in", ids).execute();
  while (rows.some((r) => r.status !== "matched") && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    rows = await server.services.db.selectFrom("match_requests").select(["status", "conversation_id"]).where("id", "in", ids).execute();
  }
  assert.ok(
    rows.every((r) => r.status === "matched"),
    "everyone placed (the sweep retries any that raced)",
  );
  for (const id of new Set(rows.map((r) => r.conversation_id!))) {
    const size = (await membersOf(id)).length;
    assert.ok(size >= 2 && size <= 6, `group of ${size}`);
  }
});

test("a matched group lives while two remain, then closes", async () => {
  const tag = "new-parent";
  const [a, b, c] = await Promise.all([0, 1, 2].map(() => member(server.url, { experiences: [tag] })));
  await groupRequest(a!.token, [tag]);
  const gid = (await groupRequest(b!.token, [tag])).body.request.conversationId;
  assert.equal((await groupRequest(c!.token, [tag])).body.request.conversationId, gid);
  await call(server.url, "DELETE", `/api/v1/conversations/${gid}/members/me`, { token: a!.token });
  assert.equal((await call(server.url, "GET", `/api/v1/conversations/${gid}`, { token: b!.token })).body.conversation.closed, false);
  await call(server.url, "DELETE", `/api/v1/conversations/${gid}/members/me`, { token: b!.token });
  const left = (await call(server.url, "GET", `/api/v1/conversations/${gid}`, { token: c!.token })).body.conversation;
  assert.equal(left.closed, true);
  const send = await call(server.url, "POST", `/api/v1/conversations/${gid}/messages`, { token: c!.token, json: { clientMsgId: "alone", body: "anyone?" } });
  assert.equal(send.status, 409);
});

test("group requests without a shared experience or language do not meet", async () => {
  const a = await member(server.url, { experiences: ["prison-justice"], languages: ["en"] });
  const b = await member(server.url, { experiences: ["prison-justice"], languages: ["fr"] });
  const c = await member(server.url, { experiences: ["eating-food"], languages: ["en"] });
  assert.equal((await groupRequest(a.token, ["prison-justice"])).body.request.status, "waiting");
  assert.equal((await groupRequest(b.token, ["prison-justice"])).body.request.status, "waiting", "no shared language");
  assert.equal((await groupRequest(c.token, ["eating-food"])).body.request.status, "waiting", "no shared experience");
});

test("20 requests at once for one group with room: it never passes the cap of 6", async () => {
  const tag = "caring-for-family";
  const [first, second, ...rest] = await Promise.all(Array.from({ length: 22 }, () => member(server.url, { experiences: [tag] })));
  await groupRequest(first!.token, [tag]);
  const groupId = (await groupRequest(second!.token, [tag])).body.request.conversationId as string;
  assert.ok(groupId, "the first two start a group with four places left");
  const answers = await Promise.all(rest.map((p) => groupRequest(p.token, [tag])));
  const joined = answers.filter((a) => a.body.request.conversationId === groupId).length;
  assert.equal((await membersOf(groupId)).length, 6, "the group filled up to the cap");
  assert.equal(joined, 4, "exactly four of the twenty got its places");
  const ids = answers.map((a) => a.body.request.id as string);
  const rows = await server.services.db
    .selectFrom("match_requests")
    .select(["conversation_id"])
    .where("id", "in", ids)
    .where("status", "=", "matched")
    .execute();
  for (const id of new Set(rows.map((r) => r.conversation_id!))) {
    assert.ok((await membersOf(id)).length <= 6, `group ${id} passed the cap`);
  }
});
