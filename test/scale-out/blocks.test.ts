/**
 * A block racing a send on two nodes sharing PostgreSQL: once the block's 204
 * has been returned, no message from the blocked member can still land.
 *
 * The race is made to happen, not hoped for: the test holds a lock on the
 * messages table, so the send on node 1 stops inside its transaction, after
 * it has decided (with no block yet) and before it commits. The block on
 * node 2 must then wait for that send, because both lock the conversation;
 * without that lock the block would commit and answer 204 while a message
 * it should have stopped was about to be stored after it. The second test
 * holds a send's transaction open right after its decision, to show the
 * decision itself was made under the lock.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { TestServer } from "../helpers/server.js";
import { canSend } from "../../src/domain/conversations/policy.js";
import { call, signUp } from "../helpers/http.js";
import { skipScaleOut, startTwoNodes } from "../helpers/postgres.js";

describe("blocks on PostgreSQL, two nodes", { skip: skipScaleOut }, () => {
  let nodes: Awaited<ReturnType<typeof startTwoNodes>>;
  let node1: TestServer;
  let node2: TestServer;
  let observer: pg.Client;

  before(async () => {
    nodes = await startTwoNodes();
    ({ node1, node2 } = nodes);
    observer = new pg.Client({ connectionString: nodes.database.url });
    await observer.connect();
  });
  after(async () => {
    await observer?.end();
    await nodes?.close();
  });

  /** Waits (bounded) until some other session of this database waits for a lock while running a statement like `pattern`. */
  async function someoneWaits(pattern: string): Promise<boolean> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { rows } = await observer.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' and query ilike $1`,
        [pattern],
      );
      if (rows[0].n > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }

  test("a send already deciding finishes first; the block answers only after it, and every later send is refused", async () => {
    const a = await signUp(node1.url);
    const b = await signUp(node2.url);
    const conversationId = await node1.services.conversations.createDirect(a.user.id, b.user.id);

    const gate = new pg.Client({ connectionString: nodes.database.url });
    await gate.connect();
    try {
      await gate.query("begin");
      await gate.query("lock table messages in share mode");

      const send = call(node1.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
        token: a.token,
        json: { clientMsgId: "before-the-block", body: "are you there?" },
      });
      assert.equal(await someoneWaits('%insert into "messages"%'), true, "the send reached its insert and waits at the gate");

      let blockAnswered = false;
      const block = call(node2.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } }).finally(() => {
        blockAnswered = true;
      });
      // Either the block waits behind the send (the guarantee), or it answers at once (the race).
      await Promise.race([block, someoneWaits('%from "conversations"%for update%')]);
      assert.equal(blockAnswered, false, "the block did not answer while a send it races was still uncommitted");

      await gate.query("commit");
      assert.equal((await send).status, 201, "the send that was first is stored");
      assert.equal((await block).status, 204);
    } finally {
      await gate.end();
    }

    const later = await call(node1.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: "after-the-block", body: "hello?" },
    });
    assert.equal(later.status, 403);
    assert.equal(later.body.error.code, "BLOCKED");
  });

  test("once a send has decided, a block on the other node waits for that send's commit", async () => {
    const a = await signUp(node1.url);
    const b = await signUp(node2.url);
    const conversationId = await node1.services.conversations.createDirect(a.user.id, b.user.id);

    let blockAnswered = false;
    let block: Promise<unknown> | undefined;
    await node1.services.db.transaction().execute(async (trx) => {
      await canSend(trx, a.user.id, conversationId);
      block = call(node2.url, "POST", "/api/v1/blocks", { token: b.token, json: { userId: a.user.id } }).finally(() => {
        blockAnswered = true;
      });
      await Promise.race([block, someoneWaits('%from "conversations"%for update%')]);
      assert.equal(blockAnswered, false, "the block did not commit between the send's decision and its commit");
    });
    assert.equal(((await block) as { status: number }).status, 204);
  });
});
