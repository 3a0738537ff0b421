/** Typing is said at most every 3 s per conversation and lapses by itself; read markers only move forward. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ReadMarkers } from "./read-markers";
import { TypingTracker, typingEveryMs } from "./typing";

test("this member's typing is sent at most every 3 s per conversation", () => {
  const typing = new TypingTracker();
  assert.equal(typing.shouldSend("a", 0), true);
  assert.equal(typing.shouldSend("a", 1000), false);
  assert.equal(typing.shouldSend("b", 1000), true, "another conversation has its own clock");
  assert.equal(typing.shouldSend("a", typingEveryMs - 1), false);
  assert.equal(typing.shouldSend("a", typingEveryMs), true);
});

test("others' typing lapses after expiresInMs, stops at 0 or when their message arrives", () => {
  const typing = new TypingTracker();
  typing.heard("a", "ana", 6000, 0);
  typing.heard("a", "ben", 6000, 1000);
  assert.deepEqual(typing.typingIn("a", 5000), ["ana", "ben"]);
  assert.deepEqual(typing.typingIn("a", 6500), ["ben"]);
  typing.heard("a", "ben", 0, 6600);
  assert.deepEqual(typing.typingIn("a", 6600), []);
  typing.heard("a", "ana", 6000, 7000);
  typing.stopped("a", "ana");
  assert.deepEqual(typing.typingIn("a", 7001), []);
});

test("read markers only move forward, and this member's own is said once per seq", () => {
  const reads = new ReadMarkers();
  reads.heard("a", "ana", 5);
  reads.heard("a", "ana", 3);
  assert.equal(reads.readBy("a", "ana"), 5);
  assert.equal(reads.readBy("a", "ben"), 0);
  assert.equal(reads.shouldSend("a", 4), true);
  assert.equal(reads.shouldSend("a", 4), false);
  assert.equal(reads.shouldSend("a", 2), false);
  assert.equal(reads.shouldSend("a", 6), true);
});
