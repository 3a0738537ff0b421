/** The connection state machine allows only the moves it lists, and backoff stays within bounds. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ConnectionEvent, type ConnectionState, ImpossibleTransition, backoffMs, nextState } from "./machine";

test("a normal life: connect, hello, synced, drop, retry, and stop from anywhere", () => {
  let state: ConnectionState = "idle";
  for (const [event, expected] of [
    ["start", "connecting"],
    ["hello", "resuming"],
    ["synced", "open"],
    ["drop", "offline"],
    ["retry", "connecting"],
    ["drop", "offline"],
    ["stop", "idle"],
  ] as Array<[ConnectionEvent, ConnectionState]>) {
    state = nextState(state, event);
    assert.equal(state, expected, `after ${event}`);
  }
});

test("impossible moves throw instead of pretending to be online", () => {
  assert.throws(() => nextState("idle", "synced"), ImpossibleTransition);
  assert.throws(() => nextState("connecting", "synced"), ImpossibleTransition, "synced before hello");
  assert.throws(() => nextState("open", "hello"), ImpossibleTransition, "a second hello");
  assert.throws(() => nextState("offline", "synced"), ImpossibleTransition);
  assert.throws(() => nextState("idle", "retry"), ImpossibleTransition, "a retry timer firing after sign-out");
});

test("backoff grows from half a second to at most thirty, with jitter in the upper half", () => {
  assert.equal(
    backoffMs(0, () => 0),
    250,
  );
  assert.equal(
    backoffMs(0, () => 1),
    500,
  );
  assert.equal(
    backoffMs(3, () => 1),
    4000,
  );
  assert.equal(
    backoffMs(50, () => 1),
    30_000,
  );
  assert.equal(
    backoffMs(50, () => 0),
    15_000,
  );
  const spread = new Set(Array.from({ length: 20 }, () => backoffMs(4)));
  assert.ok(spread.size > 1, "jitter spreads reconnects");
});
