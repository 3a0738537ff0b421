/** Peer-led rooms: agreement, schedule, directory, invite links, removing a member. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
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

const room = (token: string, json: Record<string, unknown>) =>
  call(server.url, "POST", "/api/v1/conversations", { token, json: { kind: "group", title: "Hearing voices circle", visibility: "public", ...json } });

test("a facilitator opens a room with its agreement, language, experiences and weekly session", async () => {
  const host = await signUp(server.url);
  const res = await room(host.token, {
    topic: "Sharing what helps with voices",
    experiences: ["heard-voices"],
    agreement: "We listen without judging. What is shared here stays here.",
    language: "en",
    schedule: { weekday: "wednesday", time: "19:30", timeZone: "America/Chicago" },
  });
  assert.equal(res.status, 201, res.text);
  const c = res.body.conversation;
  assert.equal(c.members[0].role, "facilitator");
  assert.equal(c.agreement, "We listen without judging. What is shared here stays here.");
  assert.deepEqual(c.schedule, { weekday: "wednesday", time: "19:30", timeZone: "America/Chicago" });
  assert.ok(Date.parse(c.nextSessionAt) > Date.now());
  const local = new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(c.nextSessionAt),
  );
  assert.equal(local, "Wednesday 19:30");
});

test("bad room fields are named", async () => {
  const host = await signUp(server.url);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ schedule: { weekday: "funday", time: "19:30", timeZone: "UTC" } }, "schedule.weekday"],
    [{ schedule: { weekday: "monday", time: "25:00", timeZone: "UTC" } }, "schedule.time"],
    [{ schedule: { weekday: "monday", time: "10:00", timeZone: "Mars/Base" } }, "schedule.timeZone"],
    [{ experiences: ["schizophrenia"] }, "experiences.0"],
    [{ language: "English" }, "language"],
    [{ agreement: "a".repeat(2001) }, "agreement"],
    [{ visibility: "secret" }, "visibility"],
  ];
  for (const [json, field] of cases) {
    const res = await room(host.token, json);
    assert.equal(res.status, 400, JSON.stringify(json));
    assert.equal(res.body.error.details.field, field, JSON.stringify(json));
  }
});

test("the directory lists public rooms, filtered by experience and language, soonest session first", async () => {
  const host = await signUp(server.url);
  const later = (
    await room(host.token, {
      title: "Carers' evening",
      experiences: ["caring-for-family"],
      language: "en",
      schedule: { weekday: "sunday", time: "20:00", timeZone: "UTC" },
    })
  ).body.conversation;
  const spanish = (await room(host.token, { title: "Duelo", experiences: ["grief"], language: "es" })).body.conversation;
  const hidden = (await room(host.token, { title: "Private carers", visibility: "invite", experiences: ["caring-for-family"] })).body.conversation;
  const seeker = await signUp(server.url);
  const carers = (await call(server.url, "GET", "/api/v1/rooms?experience=caring-for-family", { token: seeker.token })).body.rooms;
  assert.ok(carers.some((r: any) => r.id === later.id));
  assert.ok(!carers.some((r: any) => r.id === hidden.id), "invite-only rooms are not listed");
  assert.ok(!carers.some((r: any) => r.id === spanish.id));
  const listing = carers.find((r: any) => r.id === later.id);
  assert.equal(listing.memberCount, 1);
  assert.ok(listing.nextSessionAt);
  const inSpanish = (await call(server.url, "GET", "/api/v1/rooms?language=es", { token: seeker.token })).body.rooms;
  assert.ok(inSpanish.some((r: any) => r.id === spanish.id));
  assert.ok(!inSpanish.some((r: any) => r.id === later.id));
  assert.equal((await call(server.url, "GET", "/api/v1/rooms?language=Spanish", { token: seeker.token })).status, 400);
});

test("invite links let members into invite-only rooms until the facilitator revokes them", async () => {
  const host = await signUp(server.url);
  const guest = await signUp(server.url);
  const late = await signUp(server.url);
  const closed = (await room(host.token, { title: "Invite-only circle", visibility: "invite" })).body.conversation;
  assert.equal(
    (await call(server.url, "POST", `/api/v1/conversations/${closed.id}/members`, { token: guest.token, json: {} })).status,
    404,
    "no joining without an invite",
  );
  const invite = await call(server.url, "POST", `/api/v1/conversations/${closed.id}/invites`, { token: host.token, json: {} });
  assert.equal(invite.status, 201);
  const code = invite.body.invite.code;
  const joined = await call(server.url, "POST", `/api/v1/invites/${code}`, { token: guest.token, json: {} });
  assert.equal(joined.status, 200);
  assert.ok(joined.body.conversation.members.some((m: any) => m.userId === guest.user.id));
  assert.equal(
    (await call(server.url, "POST", `/api/v1/conversations/${closed.id}/invites`, { token: guest.token, json: {} })).status,
    403,
    "only the facilitator makes invites",
  );
  assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${closed.id}/invites/${invite.body.invite.id}`, { token: host.token })).status, 204);
  assert.equal((await call(server.url, "POST", `/api/v1/invites/${code}`, { token: late.token, json: {} })).status, 404, "a revoked link stops working");
  const list = await call(server.url, "GET", `/api/v1/conversations/${closed.id}/invites`, { token: host.token });
  assert.deepEqual(
    list.body.invites.map((i: any) => i.revoked),
    [true],
  );
  assert.ok(!JSON.stringify(list.body).includes(code), "codes are shown once, never listed");
});

test("a facilitator removes a member, who is told and then hears nothing more", async () => {
  const host = await signUp(server.url);
  const member = await signUp(server.url);
  const other = await signUp(server.url);
  const r = (await room(host.token, { title: "Recovery room" })).body.conversation;
  for (const m of [member, other]) await call(server.url, "POST", `/api/v1/conversations/${r.id}/members`, { token: m.token, json: {} });
  assert.equal(
    (await call(server.url, "DELETE", `/api/v1/conversations/${r.id}/members/${other.user.id}`, { token: member.token })).status,
    403,
    "members cannot remove each other",
  );
  const sm = await TestSocket.open(server.url, { token: member.token });
  const sh = await TestSocket.open(server.url, { token: host.token });
  assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${r.id}/members/${member.user.id}`, { token: host.token })).status, 204);
  const removed = await sm.waitFor((f) => f.op === "event" && f.event.type === "member.removed");
  assert.deepEqual(removed.event.data, { userId: member.user.id, removedBy: host.user.id });
  await sendAndAck(sh, r.id, "carrying on", "after-removal");
  // The event left with the ack: a round trip on the removed member's socket shows it did not go there.
  await sm.barrier();
  assert.ok(!sm.events().some((e) => e.data.clientMsgId === "after-removal"));
  assert.equal((await call(server.url, "GET", `/api/v1/conversations/${r.id}`, { token: member.token })).status, 404);
  sm.close();
  sh.close();
});
