/**
 * Crisis support with two nodes on PostgreSQL + Redis: two members racing for
 * the only free supporter never both get them, a member's answer to a hand-off
 * reaches the supporter on the other node, and crisis lines replaced on one
 * node are what the other node offers next.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { grantRole } from "../../src/domain/accounts/roles.js";
import { call, signUp } from "../helpers/http.js";
import { member } from "../helpers/members.js";
import { skipScaleOut, startTwoNodes } from "../helpers/postgres.js";
import type { TestServer } from "../helpers/server.js";
import { onDutySupporter, requestSupport } from "../helpers/supporters.js";
import { TestSocket, sendAndAck } from "../helpers/ws.js";

describe("crisis support across two nodes", { skip: skipScaleOut }, () => {
  let nodes: Awaited<ReturnType<typeof startTwoNodes>>;
  let node1: TestServer;
  let node2: TestServer;

  before(async () => {
    nodes = await startTwoNodes({ matchSweepMs: "600000" });
    ({ node1, node2 } = nodes);
  });
  after(async () => {
    await nodes?.close();
  });

  test("requests racing on two nodes for the only free supporter: exactly one gets them, every time", async () => {
    for (let round = 0; round < 8; round++) {
      // The supporter's socket is on node 2, the requests arrive one on each node.
      const supporter = await onDutySupporter(node1, {}, { socketUrl: node2.url });
      const a = await member(node1.url);
      const b = await member(node2.url);
      const [ra, rb] = await Promise.all([requestSupport(node1.url, a.token), requestSupport(node2.url, b.token)]);
      assert.deepEqual([ra.status, rb.status].sort(), [201, 409], `round ${round}: one conversation, one honest no`);
      const loser = ra.status === 409 ? ra : rb;
      assert.equal(loser.body.error.code, "NO_SUPPORTER_ON_DUTY");
      const rows = await node1.services.db
        .selectFrom("support_conversations")
        .select("conversation_id")
        .where("supporter_id", "=", supporter.user.id)
        .execute();
      assert.equal(rows.length, 1, `round ${round}: the supporter is in one support conversation`);
      const found = await supporter.socket.waitFor((f) => f.op === "match.found");
      assert.equal(found.conversationId, (ra.status === 201 ? ra : rb).body.conversationId);
      // Off duty, so the next round's requests can only find that round's supporter.
      await call(node1.url, "PATCH", "/api/v1/me", { token: supporter.token, json: { onDuty: false } });
      supporter.socket.close();
    }
  });

  test("a hand-off accepted on both nodes at once opens one conversation", async () => {
    for (let round = 0; round < 4; round++) {
      const first = await onDutySupporter(node1, {}, { socketUrl: node1.url });
      const m = await member(node2.url);
      const opened = await requestSupport(node2.url, m.token);
      assert.equal(opened.status, 201, opened.text);
      const next = await onDutySupporter(node2, {}, { socketUrl: node1.url });
      const spare = await onDutySupporter(node1, {}, { socketUrl: node2.url });
      const offered = await call(node1.url, "POST", `/api/v1/conversations/${opened.body.conversationId}/handoff`, {
        token: first.token,
        json: { note: "gentle, slow" },
      });
      assert.equal(offered.status, 201);
      const accept = (url: string) => call(url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/accept`, { token: m.token });
      const [x, y] = await Promise.all([accept(node1.url), accept(node2.url)]);
      assert.deepEqual([x.status, y.status].sort(), [201, 409], `round ${round}`);
      const conversations = await node1.services.db.selectFrom("conversation_members").select("conversation_id").where("user_id", "=", m.user.id).execute();
      assert.equal(conversations.length, 2, `round ${round}: the first conversation and one new one`);
      // The first supporter's socket is on node 1, whichever node the accept that won ran on.
      const told = await first.socket.waitFor((f) => f.op === "handoff.decided");
      assert.deepEqual(told, { op: "handoff.decided", handoffId: offered.body.handoffId, conversationId: opened.body.conversationId, outcome: "accepted" });
      for (const s of [first, next, spare]) {
        await call(node1.url, "PATCH", "/api/v1/me", { token: s.token, json: { onDuty: false } });
        s.socket.close();
      }
    }
  });

  test("a hand-off declined through one node is told to the supporter on the other", async () => {
    const first = await onDutySupporter(node1, {}, { socketUrl: node1.url });
    const m = await member(node2.url);
    const opened = await requestSupport(node2.url, m.token);
    assert.equal(opened.status, 201, opened.text);
    const offered = await call(node1.url, "POST", `/api/v1/conversations/${opened.body.conversationId}/handoff`, { token: first.token, json: { note: "x" } });
    assert.equal(offered.status, 201, offered.text);
    assert.equal((await call(node2.url, "POST", `/api/v1/handoffs/${offered.body.handoffId}/decline`, { token: m.token })).status, 204);
    const told = await first.socket.waitFor((f) => f.op === "handoff.decided");
    assert.deepEqual(told, { op: "handoff.decided", handoffId: offered.body.handoffId, conversationId: opened.body.conversationId, outcome: "declined" });
    const status = await call(node1.url, "GET", `/api/v1/handoffs/${offered.body.handoffId}/status`, { token: first.token });
    assert.deepEqual(status.body, { status: "declined" });
    await call(node1.url, "PATCH", "/api/v1/me", { token: first.token, json: { onDuty: false } });
    first.socket.close();
  });

  test("crisis lines replaced through one node are offered by the other at once", async () => {
    const admin = await signUp(node1.url);
    await grantRole(node1.services.db, admin.handle, "admin");
    const lines = [{ region: "*", name: "Night warmline of the collective", contact: "Call 0100 111 222", kind: "warmline", note: "" }];
    assert.equal((await call(node1.url, "PUT", "/api/v1/admin/resources", { token: admin.token, json: { resources: lines } })).status, 200);

    const [a, b] = [await signUp(node2.url), await signUp(node2.url)];
    const id = await node2.services.conversations.createDirect(a.user.id, b.user.id);
    const socket = await TestSocket.open(node2.url, { token: a.token });
    // The other node hears of the change over Redis; until it has, its notice would still list the old lines.
    for (let attempt = 0; ; attempt++) {
      const ack = await sendAndAck(socket, id, `I want to die (${attempt})`, `c-${attempt}`, attempt);
      assert.equal(ack.op, "ack");
      const notice = await socket.waitFor((f) => f.op === "safety" && f.ref === attempt);
      if (notice.resources[0]?.name === lines[0]!.name) {
        assert.deepEqual(notice.resources, [{ ...lines[0], default: false }]);
        break;
      }
      assert.ok(attempt < 20, "the other node took the new list within 20 sends");
      await new Promise((r) => setTimeout(r, 50));
    }
    const served = await call(node2.url, "GET", "/api/v1/resources");
    assert.deepEqual(served.body.resources, [{ ...lines[0], default: false }], "and serves it");
    socket.close();
  });
});
