/** The outbox keeps each message's clientMsgId for life: a retry can never mint a new one. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Outbox } from "./outbox";

test("a retry reuses the clientMsgId with a fresh ref, and only failed messages can be retried", () => {
  const outbox = new Outbox();
  const item = outbox.add("c1", "hello");
  const { clientMsgId, ref } = item;
  assert.equal(outbox.retry(clientMsgId), undefined, "a message still sending is not retried by hand");
  item.status = "failed";
  const again = outbox.retry(clientMsgId);
  assert.equal(again?.clientMsgId, clientMsgId);
  assert.notEqual(again?.ref, ref);
  assert.equal(again?.status, "sending");
  assert.equal(outbox.byRef(again!.ref), item);
});

test("pending messages keep the order they were written in, across conversations", () => {
  const outbox = new Outbox();
  const a = outbox.add("c1", "one");
  const b = outbox.add("c2", "two");
  const c = outbox.add("c1", "three");
  b.status = "sent";
  assert.deepEqual(
    outbox.pending().map((m) => m.body),
    ["one", "three"],
  );
  assert.deepEqual(
    outbox.forConversation("c1").map((m) => m.clientMsgId),
    [a.clientMsgId, c.clientMsgId],
  );
  assert.notEqual(a.clientMsgId, c.clientMsgId);
});
