/**
 * An edit racing a deletion of the same message (docs/delivery.md "The log and
 * seq"): whichever commits second decides inside its own write. A deleted
 * message never holds text again, and no `message.edited` event ever follows
 * the `message.deleted` of the same message.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type TestServer, startServer } from "../helpers/server.js";
import { call, signUp } from "../helpers/http.js";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test("edits racing deletes, both orders, 40 rounds: no deleted message holds text, no edit after a delete", async () => {
  const a = await signUp(server.url);
  const b = await signUp(server.url);
  const conversationId = await server.services.conversations.createDirect(a.user.id, b.user.id);
  const path = (messageId: string) => `/api/v1/conversations/${conversationId}/messages/${messageId}`;
  const statuses = new Set<string>();
  for (let round = 0; round < 40; round++) {
    const sent = await call(server.url, "POST", `/api/v1/conversations/${conversationId}/messages`, {
      token: a.token,
      json: { clientMsgId: `race-${round}`, body: `first words ${round}` },
    });
    assert.equal(sent.status, 201);
    const messageId = sent.body.message.id as string;
    const edit = () => call(server.url, "PATCH", path(messageId), { token: a.token, json: { body: `second thoughts ${round}` } });
    const remove = () => call(server.url, "DELETE", path(messageId), { token: a.token });
    const [edited, deleted] = round % 2 === 0 ? await Promise.all([edit(), remove()]) : (await Promise.all([remove(), edit()])).reverse();
    assert.equal(deleted!.status, 204, `round ${round}: the deletion always wins or goes first`);
    assert.ok([200, 404].includes(edited!.status), `round ${round}: an edit either lands before the delete or is NOT_FOUND, got ${edited!.status}`);
    if (edited!.status === 404) assert.equal(edited!.body.error.code, "NOT_FOUND");
    statuses.add(String(edited!.status));
  }
  const messages = await server.services.db
    .selectFrom("messages")
    .select(["id", "body", "content_warning", "deleted_at"])
    .where("conversation_id", "=", conversationId)
    .execute();
  assert.equal(messages.length, 40);
  for (const m of messages) {
    assert.notEqual(m.deleted_at, null);
    assert.equal(m.body, null, `deleted message ${m.id} holds text again`);
    assert.equal(m.content_warning, null);
  }
  const events = await server.services.db
    .selectFrom("events")
    .select(["seq", "type", "message_id"])
    .where("conversation_id", "=", conversationId)
    .orderBy("seq")
    .execute();
  const deletedAt = new Map<string, number>();
  for (const e of events) {
    if (e.type === "message.deleted") deletedAt.set(e.message_id!, Number(e.seq));
    if (e.type === "message.edited") assert.ok(!deletedAt.has(e.message_id!), `message.edited at seq ${e.seq} follows the deletion of ${e.message_id}`);
  }
  assert.equal(deletedAt.size, 40, "one deletion event per message");
  // Both outcomes happened, so the race really ran both ways.
  assert.deepEqual([...statuses].sort(), ["200", "404"]);
});
