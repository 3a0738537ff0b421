/** One-to-one matching rules (protocol.md "Experiences and matching"). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { type TestServer, startServer } from "../helpers/server.js";
import { call } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import { TestSocket } from "../helpers/ws.js";

let server: TestServer;
/** Every test uses its own experience tags, so tests never match each other's members. */
const tags: string[] = [];
before(async () => {
  // A slow sweep, so that tests see what the triggers do on their own.
  server = await startServer({ matchSweepMs: "600000" });
  const catalogue = (await call(server.url, "GET", "/api/v1/experiences")).body.experiences as Array<{ id: string }>;
  tags.push(...catalogue.map((t) => t.id).filter((id) => !["grief", "gambling", "self-harm"].includes(id)));
});
after(async () => {
  await server.close();
});

const sockets: TestSocket[] = [];
async function online(token: string): Promise<TestSocket> {
  const s = await TestSocket.open(server.url, { token });
  sockets.push(s);
  return s;
}
after(() => sockets.forEach((s) => s.close()));

let tagIndex = 0;
const freshTag = () => {
  const tag = tags[tagIndex++];
  if (!tag) throw new Error("out of experience tags for tests");
  return tag;
};

describe("one-to-one", () => {
  test("an online listener who shares an experience is matched at once; both get match.found", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag, "grief"], availability: "listen" });
    const ls = await online(listener.token);
    const requester = await member(server.url, { experiences: [tag] });
    const rs = await online(requester.token);
    const res = await requestMatch(server.url, requester.token, { experiences: [tag] });
    assert.equal(res.status, 202);
    assert.equal(res.body.request.status, "matched");
    const conversationId = res.body.request.conversationId;
    assert.ok(conversationId);
    assert.deepEqual(await rs.waitFor((f) => f.op === "match.found"), { op: "match.found", requestId: res.body.request.id, conversationId });
    assert.equal((await ls.waitFor((f) => f.op === "match.found")).conversationId, conversationId);
    const conversation = await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: listener.token });
    assert.equal(conversation.body.conversation.kind, "direct");
    assert.equal(conversation.body.conversation.origin, "match");
    assert.deepEqual(conversation.body.conversation.members.map((m: any) => m.userId).sort(), [listener.user.id, requester.user.id].sort());
    await ls.waitFor((f) => f.op === "event" && f.event.conversationId === conversationId && f.event.type === "member.joined");
  });

  test("two members matched while both online are each told the other is online", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen" });
    const ls = await online(listener.token);
    const requester = await member(server.url, { experiences: [tag] });
    const rs = await online(requester.token);
    const res = await requestMatch(server.url, requester.token, { experiences: [tag] });
    assert.equal(res.body.request.status, "matched");
    assert.deepEqual(await rs.waitFor((f) => f.op === "presence" && f.userId === listener.user.id), {
      op: "presence",
      userId: listener.user.id,
      status: "online",
    });
    assert.deepEqual(await ls.waitFor((f) => f.op === "presence" && f.userId === requester.user.id), {
      op: "presence",
      userId: requester.user.id,
      status: "online",
    });
  });

  test("a matched listener is not offered again until the conversation ends; then the waiting request gets them", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "either" });
    await online(listener.token);
    const first = await member(server.url, { experiences: [tag] });
    const second = await member(server.url, { experiences: ["grief"] });
    const r1 = await requestMatch(server.url, first.token, { experiences: [tag] });
    assert.equal(r1.body.request.status, "matched");
    const s2 = await online(second.token);
    const r2 = await requestMatch(server.url, second.token, { experiences: [tag] });
    assert.equal(r2.body.request.status, "waiting", "the only listener is busy");
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${r1.body.request.conversationId}/members/me`, { token: first.token })).status, 204);
    const found = await s2.waitFor((f) => f.op === "match.found", 5_000);
    assert.equal(found.requestId, r2.body.request.id);
    const after = await call(server.url, "GET", `/api/v1/match-requests/${r2.body.request.id}`, { token: second.token });
    assert.equal(after.body.request.status, "matched");
  });

  test("setting availability again frees a listener too", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen" });
    await online(listener.token);
    const a = await member(server.url, { experiences: [tag] });
    assert.equal((await requestMatch(server.url, a.token, { experiences: [tag] })).body.request.status, "matched");
    const b = await member(server.url, { experiences: ["grief"] });
    const rb = await requestMatch(server.url, b.token, { experiences: [tag] });
    assert.equal(rb.body.request.status, "waiting");
    await call(server.url, "PATCH", "/api/v1/me", { token: listener.token, json: { availability: "listen" } });
    const deadline = Date.now() + 5_000;
    let status = "waiting";
    while (status === "waiting" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await call(server.url, "GET", `/api/v1/match-requests/${rb.body.request.id}`, { token: b.token })).body.request.status;
    }
    assert.equal(status, "matched");
  });

  test("blocked pairs are never matched, in either direction", async () => {
    for (const direction of ["requester blocks", "listener blocks"]) {
      const tag = freshTag();
      const listener = await member(server.url, { experiences: [tag], availability: "listen" });
      await online(listener.token);
      const requester = await member(server.url, { experiences: [tag] });
      const [blocker, blocked] = direction === "requester blocks" ? [requester, listener] : [listener, requester];
      assert.equal((await call(server.url, "POST", "/api/v1/blocks", { token: blocker.token, json: { userId: blocked.user.id } })).status, 204);
      const res = await requestMatch(server.url, requester.token, { experiences: [tag] });
      assert.equal(res.body.request.status, "waiting", direction);
      const other = await member(server.url, { experiences: [tag] });
      const o = await requestMatch(server.url, other.token, { experiences: [tag] });
      assert.equal(o.body.request.status, "matched", "someone else can still be matched");
      assert.notEqual(o.body.request.conversationId, undefined);
    }
  });

  test("no shared language, no match", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen", languages: ["fr"] });
    await online(listener.token);
    const requester = await member(server.url, { experiences: [tag], languages: ["de", "es"] });
    assert.equal((await requestMatch(server.url, requester.token, { experiences: [tag] })).body.request.status, "waiting");
    const bilingual = await member(server.url, { experiences: [tag], languages: ["de", "fr"] });
    assert.equal((await requestMatch(server.url, bilingual.token, { experiences: [tag] })).body.request.status, "matched");
  });

  test("`anyone` ignores experiences; without it, no shared experience means no match", async () => {
    const tag = freshTag();
    const other = freshTag();
    const listener = await member(server.url, { experiences: [other], availability: "listen" });
    await online(listener.token);
    const strict = await member(server.url, { experiences: [tag] });
    assert.equal((await requestMatch(server.url, strict.token, { experiences: [tag] })).body.request.status, "waiting");
    await call(server.url, "DELETE", `/api/v1/match-requests/${(await requestMatch(server.url, strict.token, { experiences: [tag] })).body.request.id}`, {
      token: strict.token,
    });
    const open = await member(server.url, { experiences: [tag] });
    const res = await requestMatch(server.url, open.token, { experiences: [tag], anyone: true });
    assert.equal(res.body.request.status, "matched");
  });

  test("offline listeners are not matched; a waiting requester is, online or not", async () => {
    const tag = freshTag();
    await member(server.url, { experiences: [tag], availability: "listen" }); // never connects
    const early = await member(server.url, { experiences: [tag] });
    const waiting = await requestMatch(server.url, early.token, { experiences: [tag] });
    assert.equal(waiting.body.request.status, "waiting", "the offline listener was not used");
    const late = await member(server.url, { experiences: [tag] });
    const res = await requestMatch(server.url, late.token, { experiences: [tag] });
    assert.equal(res.body.request.status, "matched", "two people who both asked to talk can talk");
    const earlyView = await call(server.url, "GET", `/api/v1/match-requests/${waiting.body.request.id}`, { token: early.token });
    assert.equal(earlyView.body.request.status, "matched");
    assert.equal(earlyView.body.request.conversationId, res.body.request.conversationId);
  });

  test("not matched again with someone they are already talking with", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen" });
    await online(listener.token);
    const requester = await member(server.url, { experiences: [tag] });
    const first = await requestMatch(server.url, requester.token, { experiences: [tag] });
    assert.equal(first.body.request.status, "matched");
    await call(server.url, "PATCH", "/api/v1/me", { token: listener.token, json: { availability: "listen" } });
    const again = await requestMatch(server.url, requester.token, { experiences: [tag] });
    assert.equal(again.body.request.status, "waiting", "the live one-to-one with that listener rules them out");
  });

  test("two requests racing for the only listener: exactly one is matched, the other keeps waiting", async () => {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen", languages: ["en", "es"] });
    await online(listener.token);
    // a and b share no language, so they cannot be matched with each other: only with the listener.
    const a = await member(server.url, { experiences: ["gambling"], languages: ["en"] });
    const b = await member(server.url, { experiences: ["self-harm"], languages: ["es"] });
    const [ra, rb] = await Promise.all([requestMatch(server.url, a.token, { experiences: [tag] }), requestMatch(server.url, b.token, { experiences: [tag] })]);
    assert.deepEqual([ra.body.request.status, rb.body.request.status].sort(), ["matched", "waiting"]);
    const rows = await server.services.db.selectFrom("conversation_members").select("conversation_id").where("user_id", "=", listener.user.id).execute();
    assert.equal(rows.length, 1, "the listener is in exactly one conversation");
  });

  test("when a listener appears, the longest-waiting request is served first", async () => {
    const tag = freshTag();
    // No language in common, so the two requests cannot be matched with each other.
    const older = await member(server.url, { experiences: ["gambling"], languages: ["en"] });
    const newer = await member(server.url, { experiences: ["self-harm"], languages: ["es"] });
    const r1 = await requestMatch(server.url, older.token, { experiences: [tag] });
    await new Promise((r) => setTimeout(r, 20));
    const r2 = await requestMatch(server.url, newer.token, { experiences: [tag] });
    assert.equal(r1.body.request.status, "waiting");
    assert.equal(r2.body.request.status, "waiting");
    const listener = await member(server.url, { experiences: [tag], availability: "listen", languages: ["es", "en"] });
    const ls = await online(listener.token);
    const found = await ls.waitFor((f) => f.op === "match.found");
    assert.equal(found.requestId, r1.body.request.id);
    assert.equal((await call(server.url, "GET", `/api/v1/match-requests/${r2.body.request.id}`, { token: newer.token })).body.request.status, "waiting");
  });

  test("most shared experiences first, then on-duty supporters with the fewest open chats", async () => {
    const [t1, t2] = [freshTag(), freshTag()];
    const oneInCommon = await member(server.url, { experiences: [t1], availability: "listen" });
    const twoInCommon = await member(server.url, { experiences: [t1, t2], availability: "listen" });
    for (const m of [oneInCommon, twoInCommon]) await online(m.token);
    const requester = await member(server.url, { experiences: [t1] });
    const res = await requestMatch(server.url, requester.token, { experiences: [t1, t2] });
    const members = (
      await call(server.url, "GET", `/api/v1/conversations/${res.body.request.conversationId}`, { token: requester.token })
    ).body.conversation.members.map((m: any) => m.userId);
    assert.ok(members.includes(twoInCommon.user.id));

    const t3 = freshTag();
    const peer = await member(server.url, { experiences: [t3], availability: "listen" });
    const supporter = await member(server.url, { experiences: [t3], availability: "listen" });
    await grantRole(server.services.db, supporter.handle, "supporter");
    await call(server.url, "PATCH", "/api/v1/me", { token: supporter.token, json: { onDuty: true } });
    await online(peer.token);
    await online(supporter.token);
    const asker = await member(server.url, { experiences: [t3] });
    const matched = await requestMatch(server.url, asker.token, { experiences: [t3] });
    const with_ = (
      await call(server.url, "GET", `/api/v1/conversations/${matched.body.request.conversationId}`, { token: asker.token })
    ).body.conversation.members.map((m: any) => m.userId);
    assert.ok(with_.includes(supporter.user.id), "the on-duty supporter is offered first");
  });

  test("bad requests name the field", async () => {
    const m = await member(server.url);
    for (const [body, field] of [
      [{ experiences: ["no-such-tag"] }, "experiences.0"],
      [{ experiences: [] }, "experiences"],
      [{ mode: "crowd" }, "mode"],
      [{ anyone: "yes" }, "anyone"],
      [{ note: "n".repeat(300) }, "note"],
      [{ extra: 1 }, "extra"],
    ] as const) {
      const res = await requestMatch(server.url, m.token, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.details.field, field, JSON.stringify(body));
    }
    const other = await member(server.url);
    const mine = await requestMatch(server.url, m.token, { experiences: [freshTag()] });
    assert.equal(
      (await call(server.url, "GET", `/api/v1/match-requests/${mine.body.request.id}`, { token: other.token })).status,
      404,
      "only the requester sees a request",
    );
  });
});

describe("waiting honestly", () => {
  test("after the slow threshold the request says so, suggests open groups and warmlines, and keeps waiting", async () => {
    const quick = await startServer({ matchSlowAfterMs: "200", matchSweepMs: "100" });
    try {
      const host = await member(quick.url);
      const group = await call(quick.url, "POST", "/api/v1/conversations", {
        token: host.token,
        json: { kind: "group", title: "Sunday grief circle", visibility: "public", experiences: ["grief"] },
      });
      const m = await member(quick.url);
      const s = await TestSocket.open(quick.url, { token: m.token });
      const res = await requestMatch(quick.url, m.token, { experiences: ["grief"] });
      assert.equal(res.body.request.status, "waiting");
      assert.equal(res.body.request.slow, false);
      const slow = await s.waitFor((f) => f.op === "match.slow", 5_000);
      assert.equal(slow.requestId, res.body.request.id);
      const view = (await call(quick.url, "GET", `/api/v1/match-requests/${res.body.request.id}`, { token: m.token })).body.request;
      assert.equal(view.status, "waiting", "it keeps waiting");
      assert.equal(view.slow, true);
      assert.ok(view.waitedMs >= 200);
      assert.deepEqual(
        view.suggestions.groups.map((g: any) => g.id),
        [group.body.conversation.id],
      );
      assert.ok(view.suggestions.resources.some((r: any) => r.kind === "warmline"));
      s.close();
    } finally {
      await quick.close();
    }
  });
});

describe("check-in and staying in touch", () => {
  async function matchedPair() {
    const tag = freshTag();
    const listener = await member(server.url, { experiences: [tag], availability: "listen" });
    const ls = await online(listener.token);
    const requester = await member(server.url, { experiences: [tag] });
    const rs = await online(requester.token);
    const res = await requestMatch(server.url, requester.token, { experiences: [tag] });
    return { listener, requester, ls, rs, conversationId: res.body.request.conversationId as string };
  }

  test("each fills in their side of the check-in; each sees the other's; updates are events", async () => {
    const { listener, requester, ls, conversationId } = await matchedPair();
    const mine = await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, {
      token: requester.token,
      json: { hopingFor: "just to be heard", timeAvailable: "about 30 minutes", avoidTopics: "medication" },
    });
    assert.equal(mine.status, 200);
    const seen = await ls.waitFor((f) => f.op === "event" && f.event.type === "checkin.updated");
    assert.deepEqual(seen.event.data, { userId: requester.user.id, fields: ["hopingFor", "timeAvailable", "avoidTopics"] }, "who changed what, no text");
    await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, { token: listener.token, json: { timeAvailable: "an hour" } });
    await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, { token: requester.token, json: { timeAvailable: "15 minutes now" } });
    const view = (await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: listener.token })).body.conversation;
    const byUser = Object.fromEntries(view.checkins.map((c: any) => [c.userId, c]));
    assert.equal(byUser[requester.user.id].timeAvailable, "15 minutes now");
    assert.equal(byUser[requester.user.id].hopingFor, "just to be heard", "untouched answers stay");
    assert.equal(byUser[listener.user.id].timeAvailable, "an hour");
    assert.equal(byUser[listener.user.id].hopingFor, null);
    const bad = await call(server.url, "PUT", `/api/v1/conversations/${conversationId}/checkin`, {
      token: listener.token,
      json: { hopingFor: "x".repeat(300) },
    });
    assert.equal(bad.body.error.details.field, "hopingFor");
  });

  test("only one side chose to stay in touch: leaving closes the conversation for new messages", async () => {
    const { listener, requester, rs, conversationId } = await matchedPair();
    const mine = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/stay-in-touch`, { token: requester.token, json: { stay: true } });
    assert.deepEqual(mine.body.stayInTouch, { mine: true, mutual: false });
    assert.ok(!rs.events(conversationId).some((e) => e.type === "conversation.kept"), "a one-sided choice is not announced");
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${conversationId}/members/me`, { token: listener.token })).status, 204);
    await rs.waitFor((f) => f.op === "event" && f.event.type === "conversation.closed");
    const send = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: requester.token,
      json: { clientMsgId: "late", body: "are you still there?" },
    });
    assert.equal(send.status, 409);
    const view = (await call(server.url, "GET", `/api/v1/conversations/${conversationId}`, { token: requester.token })).body.conversation;
    assert.equal(view.closed, true, "the history stays readable");
  });

  test("both chose to stay in touch: leaving pauses, and either can come back to it", async () => {
    const { listener, requester, rs, ls, conversationId } = await matchedPair();
    await call(server.url, "POST", `/api/v1/conversations/${conversationId}/stay-in-touch`, { token: requester.token, json: { stay: true } });
    const both = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/stay-in-touch`, { token: listener.token, json: { stay: true } });
    assert.deepEqual(both.body.stayInTouch, { mine: true, mutual: true });
    await rs.waitFor((f) => f.op === "event" && f.event.type === "conversation.kept");
    assert.equal((await call(server.url, "DELETE", `/api/v1/conversations/${conversationId}/members/me`, { token: listener.token })).status, 204);
    await rs.waitFor((f) => f.op === "event" && f.event.type === "conversation.paused");
    const later = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: requester.token,
      json: { clientMsgId: "later", body: "hi again, how was your week?" },
    });
    assert.equal(later.status, 201);
    await ls.waitFor((f) => f.op === "event" && f.event.data.clientMsgId === "later");
    const listenerNow = await server.services.db.selectFrom("users").select("listening_in").where("id", "=", listener.user.id).executeTakeFirstOrThrow();
    assert.equal(listenerNow.listening_in, null, "the listener is free to be matched again");
  });
});
