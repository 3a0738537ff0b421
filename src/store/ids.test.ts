import assert from "node:assert/strict";
import { test } from "node:test";
import { newId } from "./ids.js";

test("ids are 26 Crockford base32 characters that sort by time", () => {
  const a = newId(1_700_000_000_000);
  const b = newId(1_700_000_000_001);
  assert.match(a, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.ok(a < b);
  assert.equal(newId(0).slice(0, 10), "0000000000");
  assert.equal(newId(2 ** 48 - 1).slice(0, 10), "7ZZZZZZZZZ");
});

test("ids do not repeat", () => {
  const ids = new Set(Array.from({ length: 20_000 }, () => newId(1)));
  assert.equal(ids.size, 20_000);
});
