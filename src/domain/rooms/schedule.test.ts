import assert from "node:assert/strict";
import { test } from "node:test";
import { isTimeZone } from "../../protocol/rest/conversations.js";
import { nextSession } from "./schedule.js";

test("the next session is the coming weekday at the local time", () => {
  // Monday 30 November 2026, 12:00 UTC = 06:00 in Chicago (CST, UTC−6).
  const now = Date.UTC(2026, 10, 30, 12, 0);
  assert.equal(nextSession({ weekday: "wednesday", time: "19:30", timeZone: "America/Chicago" }, now).toISOString(), "2026-12-03T01:30:00.000Z");
  assert.equal(nextSession({ weekday: "monday", time: "18:00", timeZone: "America/Chicago" }, now).toISOString(), "2026-12-01T00:00:00.000Z", "later today");
  assert.equal(
    nextSession({ weekday: "monday", time: "05:00", timeZone: "America/Chicago" }, now).toISOString(),
    "2026-12-07T11:00:00.000Z",
    "today's has passed",
  );
});

test("sessions keep their local time across a daylight-saving change", () => {
  // Europe/London moves from GMT to BST on Sunday 29 March 2026.
  const before = Date.UTC(2026, 2, 25, 12, 0);
  assert.equal(nextSession({ weekday: "thursday", time: "19:00", timeZone: "Europe/London" }, before).toISOString(), "2026-03-26T19:00:00.000Z");
  const after = Date.UTC(2026, 2, 30, 12, 0);
  assert.equal(nextSession({ weekday: "thursday", time: "19:00", timeZone: "Europe/London" }, after).toISOString(), "2026-04-02T18:00:00.000Z");
});

test("time zones are checked", () => {
  assert.equal(isTimeZone("Asia/Kolkata"), true);
  assert.equal(isTimeZone("Mars/Olympus"), false);
});
