/** A schedule's wording follows the member's language; the stored values never change. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { scheduleParts, timeZones, weekdayName } from "./schedule-text";

test("weekdays and times are worded in the member's language", () => {
  assert.equal(weekdayName("sunday", "en"), "Sunday");
  assert.equal(weekdayName("tuesday", "en"), "Tuesday");
  assert.equal(weekdayName("tuesday", "es"), "martes");
  const parts = scheduleParts({ weekday: "friday", time: "19:30", timeZone: "Europe/Madrid" }, "en");
  assert.equal(parts.weekday, "Friday");
  assert.match(parts.time, /^7:30\s?PM$/i);
  assert.equal(parts.timeZone, "Europe/Madrid");
});

test("the time-zone list holds the member's own zone", () => {
  assert.ok(timeZones("Europe/Madrid").includes("Europe/Madrid"));
  assert.equal(timeZones("Mars/Olympus_Mons")[0], "Mars/Olympus_Mons");
});
