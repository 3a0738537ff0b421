/** The message log's rows: runs by sender and day, edits, removals and erasures applied, echoes not doubled, "Seen". */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ConversationEvent } from "../../api/types";
import type { Outgoing } from "../../socket/outbox";
import { buildRows, lastSeenRow } from "./log-rows";

const message = (seq: number, actorId: string, at: string, body: string, extra: Record<string, unknown> = {}): ConversationEvent => ({
  conversationId: "c",
  seq,
  type: "message.created",
  at,
  actorId,
  data: { messageId: `m${seq}`, clientMsgId: `k${seq}`, body, ...extra },
});

test("messages from one sender a few minutes apart form a run; a new day or sender starts a new one", () => {
  const rows = buildRows(
    [
      message(1, "ana", "2026-11-29T10:00:00", "one"),
      message(2, "ana", "2026-11-29T10:02:00", "two"),
      message(3, "me", "2026-11-29T10:03:00", "three"),
      message(4, "me", "2026-11-29T10:30:00", "four"),
      message(5, "me", "2026-11-30T10:31:00", "five"),
    ],
    [],
    "me",
  );
  assert.deepEqual(
    rows.map((r) => [r.body, r.newDay, r.continued, r.mine]),
    [
      ["one", true, false, false],
      ["two", false, true, false],
      ["three", false, false, true],
      ["four", false, false, true],
      ["five", true, false, true],
    ],
  );
});

test("edits replace the text, removals leave a tombstone, notes name the member concerned", () => {
  const rows = buildRows(
    [
      message(1, "ana", "2026-11-29T10:00:00", "first", { contentWarning: "grief" }),
      message(2, "ana", "2026-11-29T10:01:00", "second"),
      { conversationId: "c", seq: 3, type: "message.edited", at: "2026-11-29T10:02:00", actorId: "ana", data: { messageId: "m2", body: "second, better" } },
      { conversationId: "c", seq: 4, type: "message.deleted", at: "2026-11-29T10:03:00", actorId: "ana", data: { messageId: "m1", body: null, deleted: true } },
      { conversationId: "c", seq: 5, type: "member.removed", at: "2026-11-29T10:04:00", actorId: "facilitator", data: { userId: "ana" } },
    ],
    [],
    "me",
  );
  assert.equal(rows.length, 3);
  assert.deepEqual([rows[0]!.body, rows[0]!.removed, rows[0]!.contentWarning], [null, true, undefined]);
  assert.deepEqual([rows[1]!.body, rows[1]!.edited], ["second, better", true]);
  assert.deepEqual([rows[2]!.note, rows[2]!.authorId], ["removed", "ana"]);
});

test("words past the conversation's retention leave a tombstone of their own, not a removal", () => {
  const expired = (seq: number, actorId: string, at: string): ConversationEvent => ({
    conversationId: "c",
    seq,
    type: "message.created",
    at,
    actorId,
    data: { messageId: `m${seq}`, clientMsgId: `k${seq}`, body: null, expired: true },
  });
  const rows = buildRows(
    [
      expired(1, "ana", "2026-11-29T10:00:00"),
      expired(2, "me", "2026-11-29T10:01:00"),
      message(3, "ana", "2026-11-29T10:02:00", "still here", { contentWarning: "grief" }),
      message(4, "ana", "2026-11-29T10:03:00", "gone"),
      // History read later: an edit of an erased message carries the erased state too.
      { conversationId: "c", seq: 5, type: "message.edited", at: "2026-11-29T10:04:00", actorId: "ana", data: { messageId: "m3", body: null, expired: true } },
      { conversationId: "c", seq: 6, type: "message.deleted", at: "2026-11-29T10:05:00", actorId: "ana", data: { messageId: "m4", body: null, deleted: true } },
    ],
    [],
    "me",
  );
  assert.deepEqual(
    rows.map((r) => [r.body, r.expired ?? false, r.removed ?? false, r.contentWarning, r.mine]),
    [
      [null, true, false, undefined, false],
      [null, true, false, undefined, true],
      [null, true, false, undefined, false],
      [null, false, true, undefined, false],
    ],
  );
  // An erased message of one's own was still sent: it keeps its place in the log and its state.
  assert.equal(rows[1]!.state, "sent");
});

test("a local echo disappears once its event is in the log, and 'Seen' marks the last message read", () => {
  const echo = (clientMsgId: string, status: Outgoing["status"]): Outgoing => ({
    clientMsgId,
    conversationId: "c",
    body: clientMsgId,
    ref: "r",
    status,
    createdAt: "2026-11-29T10:05:00",
  });
  const rows = buildRows(
    [message(1, "me", "2026-11-29T10:00:00", "k1 body"), message(2, "me", "2026-11-29T10:01:00", "mine too")],
    [echo("k1", "sent"), echo("k9", "sending")],
    "me",
  );
  assert.deepEqual(
    rows.map((r) => [r.body, r.state]),
    [
      ["k1 body", "sent"],
      ["mine too", "sent"],
      ["k9", "sending"],
    ],
  );
  assert.equal(lastSeenRow(rows, 1), "e1");
  assert.equal(lastSeenRow(rows, 2), "e2");
  assert.equal(lastSeenRow(rows, 0), undefined);
});
