/**
 * `npm run eval:safety`: scores the crisis-language detector on its labelled set and prints
 * precision, recall and false alarms per category and language, and every miss.
 * `-- --split tune` or `-- --split holdout` prints one part only; by default both, then all.
 * Exits non-zero when the whole set falls below the targets (recall ≥ 95 %, false alarms ≤ 5 %).
 */
import { readFileSync } from "node:fs";
import { detectCrisis } from "../src/domain/safety/crisis/index.js";
import { evaluate, formatEvaluation, parseLabelledSet } from "../src/domain/safety/crisis/evaluation.js";

const setFile = new URL("../src/domain/safety/crisis/eval-set.jsonl", import.meta.url);
const phrases = parseLabelledSet(readFileSync(setFile, "utf8"));
const splitArg = process.argv.indexOf("--split");
const only = splitArg >= 0 ? process.argv[splitArg + 1] : undefined;
if (only !== undefined && only !== "tune" && only !== "holdout") {
  console.error("--split must be tune or holdout");
  process.exit(2);
}

const parts = only ? [only] : ["tune", "holdout"];
for (const part of parts) {
  const result = evaluate(
    phrases.filter((p) => p.split === part),
    detectCrisis,
  );
  console.log(formatEvaluation(part === "tune" ? "tuning part" : "held-out part", result), "\n");
}
const all = evaluate(phrases, detectCrisis);
const { recall, falseAlarmRate, precision } = all.overall;
console.log(
  `whole set: ${phrases.length} phrases, precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%, false alarms ${(falseAlarmRate * 100).toFixed(1)}%`,
);
process.exit(recall >= 0.95 && falseAlarmRate <= 0.05 ? 0 : 1);
