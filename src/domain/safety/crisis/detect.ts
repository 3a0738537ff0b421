/**
 * detectCrisis: the one entry point. Pure and synchronous: no network, no files, no model;
 * the rules are compiled once when the module loads.
 */
import { intentVerb, planned } from "./context-markers.js";
import { judge, messageContext } from "./judge.js";
import { guessLanguage } from "./language.js";
import { normalize, toClauses } from "./normalize.js";
import { englishRules } from "./rules-en.js";
import { spanishRules } from "./rules-es.js";
import { mayMatchAnyRule } from "./triggers.js";
import type { CrisisFinding, CrisisLanguage, CrisisLevel, Rule } from "./types.js";

const rules: readonly Rule[] = [...englishRules, ...spanishRules];
/** A rule matching more often than this in one clause is reading noise, not a message. */
const maxMatchesPerRule = 4;

export interface DetectOptions {
  /** Run every rule even when no rule word is present; only for the test that checks the quick path. */
  skipQuickPath?: boolean;
}

/**
 * Reads one message and says whether its author should be offered support, with the names of
 * the rules that decided it. `level !== "none"` means: offer. Never throws on any string.
 */
export function detectCrisis(text: string, options: DetectOptions = {}): CrisisFinding {
  const normalized = normalize(text);
  if (!options.skipQuickPath && !mayMatchAnyRule.test(normalized)) {
    return { level: "none", reasons: [], setAside: [], language: guessLanguage(normalized) };
  }
  const message = messageContext(normalized);
  const reasons = new Set<string>();
  const setAside = new Set<string>();
  let level: CrisisLevel = "none";
  let language: CrisisLanguage | null = null;

  for (const clause of toClauses(normalized)) {
    for (const r of rules) {
      if (r.needs && !r.needs.test(normalized)) continue;
      r.pattern.lastIndex = 0;
      for (let n = 0; n < maxMatchesPerRule; n++) {
        const match = r.pattern.exec(clause);
        if (match === null) break;
        if (match[0].length === 0) r.pattern.lastIndex++;
        const verdict = judge(r, match, clause, message);
        if (!verdict.counts) {
          setAside.add(`${r.id}~${verdict.why}`);
          // A set-aside match may overlap a later reading that counts ("and I want to…").
          r.pattern.lastIndex = match.index + 1;
          continue;
        }
        reasons.add(r.id);
        language ??= r.language;
        let found: CrisisLevel = r.level;
        if (found === "concern" && !verdict.past) {
          if (intentVerb.test(match.groups?.verb ?? "")) {
            reasons.add("plan:intent");
            found = "crisis";
          } else if (planned.test(normalized)) {
            reasons.add("plan:time");
            found = "crisis";
          }
        }
        if (found === "crisis" || level === "none") level = found;
      }
    }
  }
  return { level, reasons: [...reasons], setAside: [...setAside], language: language ?? guessLanguage(normalized) };
}
