import assert from "node:assert/strict";
import { test } from "node:test";
import type { Translate } from "../../i18n/I18nProvider.js";
import { blankLine, checkLines, fieldIdFromServer, toInput } from "./crisis-line-form.js";

const t: Translate = (key) => key;

test("the server's field paths map to the editor's field ids, and nothing else does", () => {
  assert.equal(fieldIdFromServer("resources.2.contact"), "resources-2-contact");
  assert.equal(fieldIdFromServer("resources.0.region"), "resources-0-region");
  assert.equal(fieldIdFromServer("resources"), undefined);
  assert.equal(fieldIdFromServer("resources.1.default"), undefined);
  assert.equal(fieldIdFromServer(undefined), undefined);
});

test("lines are checked with the server's rules, each error on its own field", () => {
  const ok = { ...blankLine(), region: "US", name: "Our warmline", contact: "555 0100" };
  const errors = checkLines([ok, { ...blankLine(), region: "us", name: " ", contact: "x".repeat(201), note: "y".repeat(1001) }, { ...ok, region: "*" }], t);
  assert.deepEqual(
    [...errors],
    [
      ["resources-1-region", "crisisLines.errors.region"],
      ["resources-1-name", "crisisLines.errors.nameMissing"],
      ["resources-1-contact", "crisisLines.errors.tooLong"],
      ["resources-1-note", "crisisLines.errors.tooLong"],
    ],
  );
});

test("what is sent is trimmed and carries no editor-only fields", () => {
  const line = { ...blankLine(), region: " GB ", name: " Samaritans ", contact: " 116 123 ", kind: "crisis-line" as const, note: "", shipped: true };
  assert.deepEqual(toInput(line), { region: "GB", name: "Samaritans", contact: "116 123", kind: "crisis-line", note: "" });
});
