import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { detectCrisis } from "./detect.js";
import { evaluate, parseLabelledSet } from "./evaluation.js";

const phrases = parseLabelledSet(readFileSync(new URL("./eval-set.jsonl", import.meta.url), "utf8"));
const targets = { recall: 0.95, falseAlarmRate: 0.05 };

test("the labelled set is large, balanced, bilingual and has hard negatives in every tricky category", () => {
  assert.ok(phrases.length >= 400, `${phrases.length} phrases`);
  const risk = phrases.filter((p) => p.label === "risk").length;
  assert.ok(Math.abs(risk / phrases.length - 0.5) <= 0.05, `risk share ${risk / phrases.length}`);
  const spanish = phrases.filter((p) => p.language === "es").length;
  assert.ok(spanish / phrases.length >= 0.3, `Spanish share ${spanish / phrases.length}`);
  const holdout = phrases.filter((p) => p.split === "holdout").length;
  assert.ok(holdout >= 200, `${holdout} held-out phrases`);
  for (const category of ["negation", "hyperbole", "past", "others", "resource", "shorthand", "obfuscated"]) {
    for (const label of ["risk", "safe"] as const) {
      assert.ok(
        phrases.some((p) => p.category === category && p.label === label),
        `${category} needs ${label} phrases`,
      );
    }
  }
  assert.equal(new Set(phrases.map((p) => p.text)).size, phrases.length, "no phrase twice");
});

test("the whole set meets the targets: recall ≥ 95 %, false alarms ≤ 5 %", () => {
  const { overall, falseNegatives, falsePositives } = evaluate(phrases, detectCrisis);
  const misses = [...falseNegatives, ...falsePositives].map((m) => m.phrase.text).join(" | ");
  assert.ok(overall.recall >= targets.recall, `recall ${overall.recall}: ${misses}`);
  assert.ok(overall.falseAlarmRate <= targets.falseAlarmRate, `false alarms ${overall.falseAlarmRate}: ${misses}`);
});

/**
 * The held-out part is never tuned against, so it is not held to the targets (it measured
 * 94.7 % recall and 0 % false alarms when first run); this guard only catches a change that
 * makes the detector generalize clearly worse.
 */
test("the held-out part does not fall below 90 % recall or rise above 5 % false alarms", () => {
  const { overall } = evaluate(
    phrases.filter((p) => p.split === "holdout"),
    detectCrisis,
  );
  assert.ok(overall.recall >= 0.9, `held-out recall ${overall.recall}`);
  assert.ok(overall.falseAlarmRate <= targets.falseAlarmRate, `held-out false alarms ${overall.falseAlarmRate}`);
});

test("each language meets the targets on its own", () => {
  const { byLanguage } = evaluate(phrases, detectCrisis);
  for (const [language, scores] of byLanguage) {
    assert.ok(scores.recall >= targets.recall, `${language} recall ${scores.recall}`);
    assert.ok(scores.falseAlarmRate <= targets.falseAlarmRate, `${language} false alarms ${scores.falseAlarmRate}`);
  }
});

test("the quick path never changes a result", () => {
  for (const { text } of phrases) {
    const quick = detectCrisis(text);
    const full = detectCrisis(text, { skipQuickPath: true });
    assert.equal(quick.level, full.level, text);
    assert.deepEqual(quick.reasons, full.reasons, text);
  }
});

test("a malformed line in the set is refused, not skipped", () => {
  assert.throws(() => parseLabelledSet('{"text":"x","label":"maybe","category":"c","language":"en","split":"tune"}'), /line 1/);
  assert.throws(() => parseLabelledSet("not json"));
});
