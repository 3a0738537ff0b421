/**
 * Scores the detector against a labelled set: precision, recall and false-alarm rate, overall,
 * per category and per language, and the list of every miss. Used by `npm run eval:safety`
 * and by the test that holds the detector to its targets.
 */
import type { CrisisFinding } from "./types.js";

export interface LabelledPhrase {
  text: string;
  label: "risk" | "safe";
  category: string;
  language: string;
  split: "tune" | "holdout";
}

export interface Scores {
  phrases: number;
  risk: number;
  safe: number;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  /** False positives over safe phrases. */
  falseAlarmRate: number;
}

export interface Miss {
  phrase: LabelledPhrase;
  finding: CrisisFinding;
}

export interface Evaluation {
  overall: Scores;
  byCategory: Map<string, Scores>;
  byLanguage: Map<string, Scores>;
  falseNegatives: Miss[];
  falsePositives: Miss[];
}

/** Reads the JSON-lines file format, checking every line so a typo cannot skew the figures. */
export function parseLabelledSet(jsonl: string): LabelledPhrase[] {
  const phrases: LabelledPhrase[] = [];
  jsonl.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const row = JSON.parse(line) as Partial<LabelledPhrase>;
    const ok =
      typeof row.text === "string" &&
      row.text.length > 0 &&
      (row.label === "risk" || row.label === "safe") &&
      typeof row.category === "string" &&
      typeof row.language === "string" &&
      (row.split === "tune" || row.split === "holdout");
    if (!ok) throw new Error(`line ${index + 1} of the labelled set is not {text, label, category, language, split}`);
    phrases.push(row as LabelledPhrase);
  });
  return phrases;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

function score(outcomes: { phrase: LabelledPhrase; offered: boolean }[]): Scores {
  let truePositives = 0;
  let falseNegatives = 0;
  let falsePositives = 0;
  let risk = 0;
  for (const { phrase, offered } of outcomes) {
    if (phrase.label === "risk") {
      risk++;
      if (offered) truePositives++;
      else falseNegatives++;
    } else if (offered) {
      falsePositives++;
    }
  }
  const safe = outcomes.length - risk;
  return {
    phrases: outcomes.length,
    risk,
    safe,
    truePositives,
    falseNegatives,
    falsePositives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, risk),
    falseAlarmRate: ratio(falsePositives, safe),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export function evaluate(phrases: LabelledPhrase[], detect: (text: string) => CrisisFinding): Evaluation {
  const outcomes = phrases.map((phrase) => {
    const finding = detect(phrase.text);
    return { phrase, finding, offered: finding.level !== "none" };
  });
  const scoreGroups = (key: (o: (typeof outcomes)[number]) => string) => new Map([...groupBy(outcomes, key)].map(([k, group]) => [k, score(group)] as const));
  return {
    overall: score(outcomes),
    byCategory: scoreGroups((o) => o.phrase.category),
    byLanguage: scoreGroups((o) => o.phrase.language),
    falseNegatives: outcomes.filter((o) => o.phrase.label === "risk" && !o.offered),
    falsePositives: outcomes.filter((o) => o.phrase.label === "safe" && o.offered),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? "   -  " : `${(x * 100).toFixed(1).padStart(5)}%`);

/** A plain-text report for a terminal. */
export function formatEvaluation(title: string, result: Evaluation): string {
  const lines: string[] = [];
  const row = (name: string, s: Scores) =>
    `  ${name.padEnd(12)} ${String(s.risk).padStart(5)} ${String(s.safe).padStart(5)}   ${pct(s.precision)}   ${pct(s.recall)}   ${pct(s.falseAlarmRate)}`;
  const header = `  ${"".padEnd(12)} ${"risk".padStart(5)} ${"safe".padStart(5)}   precision  recall   false alarms`;
  lines.push(`== ${title}: ${result.overall.phrases} phrases ==`);
  lines.push(header, row("all", result.overall), "");
  lines.push("  by language");
  for (const [name, s] of result.byLanguage) lines.push(row(name, s));
  lines.push("", "  by category");
  for (const [name, s] of result.byCategory) lines.push(row(name, s));
  lines.push("", `  missed risk (${result.falseNegatives.length}):`);
  for (const { phrase, finding } of result.falseNegatives) {
    const aside = finding.setAside.length ? `  [set aside: ${finding.setAside.join(", ")}]` : "";
    lines.push(`    - (${phrase.language}/${phrase.category}) ${phrase.text}${aside}`);
  }
  lines.push("", `  false alarms (${result.falsePositives.length}):`);
  for (const { phrase, finding } of result.falsePositives) {
    lines.push(`    - (${phrase.language}/${phrase.category}) ${phrase.text}  [${finding.level}: ${finding.reasons.join(", ")}]`);
  }
  return lines.join("\n");
}
