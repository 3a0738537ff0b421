import assert from "node:assert/strict";
import { test } from "node:test";
import { anniversary, isAdultOn, parseCalendarDate } from "./age.js";

const d = (s: string) => {
  const parsed = parseCalendarDate(s);
  assert.ok(parsed, `${s} should parse`);
  return parsed;
};

test("parses only real calendar dates", () => {
  assert.deepEqual(parseCalendarDate("2000-02-29"), { year: 2000, month: 2, day: 29 });
  for (const bad of ["2001-02-29", "1900-02-29", "2000-13-01", "2000-00-10", "2000-04-31", "2000-4-01", "20000-01-01", "", "2000-01-01T00:00:00Z"]) {
    assert.equal(parseCalendarDate(bad), null, bad);
  }
});

test("a person is 18 on their 18th birthday, not the day before", () => {
  assert.equal(isAdultOn(d("2008-11-30"), d("2026-11-30")), true);
  assert.equal(isAdultOn(d("2008-12-01"), d("2026-11-30")), false);
  assert.equal(isAdultOn(d("2008-11-29"), d("2026-11-30")), true);
  assert.equal(isAdultOn(d("1950-06-15"), d("2026-11-30")), true);
});

test("born on 29 February: 18 on 1 March in years without one", () => {
  const leapling = d("2008-02-29");
  assert.deepEqual(anniversary(leapling, 18), { year: 2026, month: 3, day: 1 });
  assert.equal(isAdultOn(leapling, d("2026-02-28")), false);
  assert.equal(isAdultOn(leapling, d("2026-03-01")), true);
  // 2004 + 18 = 2022 is not a leap year either; 1996 + 18 = 2014 neither; 2000 + 20 would be.
  assert.equal(isAdultOn(d("2012-02-29"), d("2030-02-28")), false);
  assert.equal(isAdultOn(d("2012-02-29"), d("2030-03-01")), true);
  // When the 18th year is a leap year the birthday itself counts.
  assert.deepEqual(anniversary(d("2010-02-28"), 18), { year: 2028, month: 2, day: 28 });
  assert.deepEqual(anniversary(d("1996-02-29"), 20), { year: 2016, month: 2, day: 29 });
});
