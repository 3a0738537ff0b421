/**
 * Crisis-language detection: a small stand-in with the detector's interface.
 * It knows a handful of plain English phrases and nothing else; the full,
 * tested rule set (docs/safety-detection.md) replaces this file.
 */

export type CrisisLevel = "none" | "concern" | "crisis";

export interface CrisisFinding {
  level: CrisisLevel;
  /** Which rules matched, for explaining a finding; never stored or logged. */
  reasons: string[];
}

const crisisPhrases: Array<[reason: string, pattern: RegExp]> = [
  ["wants to die", /\bwant(?:s|ed)? to die\b/i],
  ["kill myself", /\bkill(?:ing)? myself\b/i],
  ["end my life", /\bend(?:ing)? my life\b/i],
  ["not want to be alive", /\bdon'?t want to (?:be alive|live)\b/i],
];

const concernPhrases: Array<[reason: string, pattern: RegExp]> = [["can't go on", /\bcan'?t go on\b/i]];

export function detectCrisis(text: string): CrisisFinding {
  const crisis = crisisPhrases.filter(([, pattern]) => pattern.test(text)).map(([reason]) => reason);
  if (crisis.length > 0) return { level: "crisis", reasons: crisis };
  const concern = concernPhrases.filter(([, pattern]) => pattern.test(text)).map(([reason]) => reason);
  if (concern.length > 0) return { level: "concern", reasons: concern };
  return { level: "none", reasons: [] };
}
