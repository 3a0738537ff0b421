/** Matching with two nodes on PostgreSQL + Redis: one listener is never matched twice. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { TestServer } from "../helpers/server.js";
import { call } from "../helpers/http.js";
import { member, requestMatch } from "../helpers/members.js";
import { skipScaleOut, startTwoNodes } from "../helpers/postgres.js";
import { TestSocket } from "../helpers/ws.js";

describe("matching across two nodes", { skip: skipScaleOut }, () => {
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

  test("a listener online on one node is found by a request on the other", async () => {
    const listener = await member(node1.url, { experiences: ["grief"], availability: "listen" });
    const ls = await TestSocket.open(node1.url, { token: listener.token });
    const requester = await member(node2.url, { experiences: ["grief"] });
    const res = await requestMatch(node2.url, requester.token, { experiences: ["grief"] });
    assert.equal(res.body.request.status, "matched");
    assert.equal((await ls.waitFor((f) => f.op === "match.found")).conversationId, res.body.request.conversationId);
    ls.close();
  });

  test("matched across nodes while both are online: each is told the other is online", async () => {
    const listener = await member(node1.url, { experiences: ["heard-voices"], availability: "listen" });
    const ls = await TestSocket.open(node1.url, { token: listener.token });
    const requester = await member(node2.url, { experiences: ["heard-voices"] });
    const rs = await TestSocket.open(node2.url, { token: requester.token });
    const res = await requestMatch(node2.url, requester.token, { experiences: ["heard-voices"] });
    assert.equal(res.body.request.status, "matched");
    assert.equal((await rs.waitFor((f) => f.op === "presence" && f.userId === listener.user.id)).status, "online");
    assert.equal((await ls.waitFor((f) => f.op === "presence" && f.userId === requester.user.id)).status, "online");
    ls.close();
    rs.close();
  });

  test("requests racing on two nodes for the only listener: exactly one wins, every time", async () => {
    for (let round = 0; round < 5; round++) {
      const listener = await member(node1.url, { experiences: ["trauma"], availability: "listen", languages: ["en", "es"] });
      const ls = await TestSocket.open(node2.url, { token: listener.token });
      const a = await member(node1.url, { experiences: ["gambling"], languages: ["en"] });
      const b = await member(node2.url, { experiences: ["self-harm"], languages: ["es"] });
      const [ra, rb] = await Promise.all([
        requestMatch(node1.url, a.token, { experiences: ["trauma"] }),
        requestMatch(node2.url, b.token, { experiences: ["trauma"] }),
      ]);
      assert.deepEqual([ra.body.request.status, rb.body.request.status].sort(), ["matched", "waiting"], `round ${round}`);
      const rows = await node1.services.db.selectFrom("conversation_members").select("conversation_id").where("user_id", "=", listener.user.id).execute();
      assert.equal(rows.length, 1, `round ${round}: one conversation for the listener`);
      // The loser stops waiting, so the next round's listener is not taken by it.
      const [loser, loserToken, loserNode] = ra.body.request.status === "waiting" ? [ra, a.token, node1] : [rb, b.token, node2];
      assert.equal((await call(loserNode.url, "DELETE", `/api/v1/match-requests/${loser.body.request.id}`, { token: loserToken })).status, 204);
      ls.close();
    }
  });
});
