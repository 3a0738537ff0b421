/**
 * Decides whether one rule match counts as the author's own risk, or is set aside, and why.
 * The order of the checks is the order a reader would ask: is it denied, is it someone else,
 * is it a joke or an idiom, is it over?
 */
import {
  accidentAfter,
  complaintBefore,
  frightBefore,
  couldBefore,
  effortAfter,
  denialAfter,
  distantPast,
  doubt,
  firstPerson,
  idiomAfter,
  innerVoice,
  instructedBefore,
  jest,
  makesMeWant,
  mentionBefore,
  nearMissBefore,
  negator,
  pastTense,
  recent,
  recovered,
  reportedSpeech,
  returned,
  sincere,
  subjectOfStatement,
  thirdParty,
  trivialCause,
} from "./context-markers.js";
import type { Rule } from "./types.js";

/** What is known about the whole message, computed once per message. */
export interface MessageContext {
  text: string;
  joking: boolean;
  sincere: boolean;
  trivial: boolean;
  recovered: boolean;
  distant: boolean;
  recent: boolean;
  returned: boolean;
}

export function messageContext(text: string): MessageContext {
  return {
    text,
    joking: jest.test(text),
    sincere: sincere.test(text),
    trivial: trivialCause.test(text),
    recovered: recovered.test(text),
    distant: distantPast.test(text),
    recent: recent.test(text),
    returned: returned.test(text),
  };
}

export type Verdict =
  { counts: true; past: boolean } | { counts: false; why: "negated" | "others" | "mention" | "idiom" | "joke" | "accident" | "past" | "recovered" };

const endsInDeathWord = /(?:die|dying|dead|overdosed?|overdosing|morir|morirme|muert[oa])$/;

function lastWords(text: string, count: number): string {
  const words = text.split(" ");
  return words.slice(Math.max(0, words.length - count)).join(" ");
}

/**
 * The words just before a match where a negation would belong to it: at most four, and none
 * before a joint ("que", "that", "because") or a new subject, so "my therapist doesn't know
 * that I want to kill myself" is not read as a denial.
 */
function negationWindow(before: string): string {
  const words = lastWords(before, 4).split(" ");
  let from = 0;
  words.forEach((w, i) => {
    if (windowCut.test(w)) from = i + 1;
  });
  return words.slice(from).join(" ");
}
const windowCut = /^(?:que|porque|si|cuando|pero|y|and|that|if|because|when|but|so|cause|i|im|ive|id|ill|yo)$/;

/** A third party named before the match, and no "I" after them: the clause is about them. */
function aboutSomeoneElse(before: string, requireSpeech: boolean): boolean {
  thirdParty.lastIndex = 0;
  let found: RegExpExecArray | null;
  while ((found = thirdParty.exec(before)) !== null) {
    const rest = before.slice(found.index + found[0].length);
    if (requireSpeech) {
      const speech = reportedSpeech.exec(rest);
      if (speech && !firstPerson.test(rest.slice(0, speech.index))) return true;
    } else if (!firstPerson.test(rest)) {
      return true;
    }
  }
  return false;
}

export function judge(rule: Rule, match: RegExpExecArray, clause: string, message: MessageContext): Verdict {
  const start = match.index;
  const matched = match[0];
  const before = clause.slice(0, start).trimEnd();
  const after = clause.slice(start + matched.length);
  const groups = match.groups ?? {};
  const hasAuthor = groups.gap !== undefined || groups.lead !== undefined || groups.andLead !== undefined;
  const window = negationWindow(before);

  if (rule.negatable) {
    const denied = hasAuthor ? negator.test(groups.gap ?? groups.lead ?? groups.andLead ?? "") : negator.test(window);
    if (denied && !doubt.test(clause.slice(0, start + matched.length))) return { counts: false, why: "negated" };
  }
  if (denialAfter.test(after)) return { counts: false, why: "negated" };

  const upToEnd = clause.slice(0, start + matched.length);
  const instructed = instructedBefore.test(upToEnd) && !innerVoice.test(upToEnd);
  if (rule.anchor !== "reply" && (instructed || aboutSomeoneElse(before, true))) {
    return { counts: false, why: "others" };
  }
  if (rule.anchor === "open" && aboutSomeoneElse(before, false)) return { counts: false, why: "others" };
  // "…and want to die" carries the subject of the words before "and", which must be the author.
  if (groups.andLead !== undefined && (!firstPerson.test(before) || aboutSomeoneElse(before, false))) {
    return { counts: false, why: "others" };
  }
  if (!hasAuthor && mentionBefore.test(window)) return { counts: false, why: "mention" };
  if (groups.lead !== undefined && subjectOfStatement.test(after)) return { counts: false, why: "mention" };

  if (rule.idiomProne) {
    if (endsInDeathWord.test(matched) && idiomAfter.test(after)) return { counts: false, why: "idiom" };
    if (nearMissBefore.test(before) && (message.joking || accidentAfter.test(after) || idiomAfter.test(after))) {
      return { counts: false, why: "idiom" };
    }
    if (complaintBefore.test(before)) return { counts: false, why: "idiom" };
    if (frightBefore.test(before) && /^(?:id|ill|i would|i will|i was going to)\b/.test(matched)) return { counts: false, why: "idiom" };
    if (effortAfter.test(after) || (couldBefore.test(before) && after.startsWith(" for "))) return { counts: false, why: "idiom" };
    if (!message.sincere && message.trivial && (message.joking || makesMeWant.test(clause))) return { counts: false, why: "joke" };
    // "I'd rather die than go to that party lol": a comparison made in jest.
    if (!message.sincere && message.joking && /^ than\b/.test(after)) return { counts: false, why: "joke" };
  }
  if (rule.id === "self-harm" && accidentAfter.test(after)) return { counts: false, why: "accident" };

  const past = rule.alwaysPast || pastTense.test(`${lastWords(before, 5)} ${matched}`);
  if (!past) {
    return recovered.test(after) ? { counts: false, why: "recovered" } : { counts: true, past: false };
  }
  // A past event: recent, or long ago and over, unless it has come back.
  if (distantPast.test(clause)) return message.returned ? { counts: true, past } : { counts: false, why: "past" };
  if (recent.test(clause)) return { counts: true, past };
  if (message.recovered || message.distant) return message.returned ? { counts: true, past } : { counts: false, why: "past" };
  return { counts: true, past };
}
