/**
 * The English and Spanish catalogues hold the same keys, every message is valid ICU, and each
 * translation uses the same placeholders as the English, so no screen shows a raw key or a hole.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type MessageFormatElement, TYPE, parse } from "@formatjs/icu-messageformat-parser";

const load = (locale: string) => JSON.parse(readFileSync(new URL(`./${locale}.json`, import.meta.url), "utf8")) as Record<string, string>;
const en = load("en");
const es = load("es");

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) placeholders(element.children, into);
  }
  return into;
}

test("every key exists in both English and Spanish", () => {
  const missingInSpanish = Object.keys(en).filter((key) => !(key in es));
  const missingInEnglish = Object.keys(es).filter((key) => !(key in en));
  assert.deepEqual(missingInSpanish, []);
  assert.deepEqual(missingInEnglish, []);
  assert.ok(Object.keys(en).length > 100);
});

test("every message is non-empty ICU with the same placeholders in both languages", () => {
  for (const key of Object.keys(en)) {
    assert.ok(en[key]!.trim() && es[key]!.trim(), `${key} is empty`);
    const english = [...placeholders(parse(en[key]!))].sort();
    const spanish = [...placeholders(parse(es[key]!))].sort();
    assert.deepEqual(spanish, english, `${key}: placeholders differ`);
  }
});
