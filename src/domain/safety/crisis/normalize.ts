/**
 * Turns a chat message into the plain form the rules read: lowercase ASCII words separated by
 * single spaces, with " . " wherever a clause ends. Accents, apostrophes, emoji, stretched
 * letters, digits standing for letters and common shorthand are all undone here, so the rules
 * only have to know one spelling of each word.
 *
 * Every step is a single pass with a fixed regular expression, so the cost grows with the
 * length of the text and nothing else.
 */
import { leetLetters, ruleWordSet, squeezedRuleWords, wordReplacements } from "./spelling.js";

/** Emoji people use for laughing (💀 and ☠ mostly mean "I'm dead (laughing)"). */
const laughingEmoji = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F480}\u{2620}]/gu;
const apostrophes = /['\u2019\u2018`\u00B4\u02BC]/g;
/** No real word is this long; cutting such runs keeps every later pattern cheap. */
const overlongRun = /[^\s]{40,}/g;
const hiddenLetters = /[a-z]*\*+[a-z]*/g;
const symbolBetweenLetters = /(?<=[a-z])[!|](?=[a-z])/g;
const mixedToken = /[a-z0-9@$]*[a-z][a-z0-9@$]*/g;
const leetChars = /[0-9@$]/;
/** "2nd", "10pm", "30mg": digits that are really digits. */
const numberWithUnit = /^\d+(?:st|nd|rd|th|am|pm|h|hrs?|mg|ml|kg|min|mins|s|x|k)$/;
/** Sentence ends and the pauses that separate ideas. */
const clauseMarks = /[.!?;:,\n\r\u00A1\u00BF\u2026]+/g;
const anyOtherChar = /[^a-z0-9 .]+/g;
const stretchedWord = /\b[a-z]*([a-z])\1\1[a-z]*\b/g;
const spacedLetters = /\b(?:[a-z] ){2,}[a-z]\b/g;
const word = /\b[a-z0-9]+\b/g;

const vowels = ["a", "e", "i", "o", "u"];

function fillHiddenLetters(token: string): string {
  if (!/[a-z]/.test(token)) return " ";
  for (const vowel of vowels) {
    const guess = token.replace(/\*+/g, vowel);
    if (ruleWordSet.has(guess)) return guess;
  }
  return token.replace(/\*+/g, "");
}

function undoLeet(token: string): string {
  if (!leetChars.test(token) || numberWithUnit.test(token) || wordReplacements.has(token)) return token;
  let out = "";
  for (const ch of token) out += leetLetters[ch] ?? ch;
  return out;
}

/**
 * Misspellings of "suicide" are many ("sucide", "suicdal", "sucicidal", "suiside"): any word
 * made of "s", "u"/"o", then only c/s and vowels with at least one i or y, then "d" and a known
 * ending is read as the word it tries to spell. "succeed" has no i and is left alone.
 */
const suicideLike = /^s[ou]+([aeiycs]{2,6})d(e|a|al|el|le|ial|ale|ual|io|arme|ar|as)$/;
const suicideEndings: Readonly<Record<string, string>> = {
  e: "suicide",
  a: "suicida",
  as: "suicidas",
  al: "suicidal",
  el: "suicidal",
  le: "suicidal",
  ial: "suicidal",
  ale: "suicidal",
  ual: "suicidal",
  io: "suicidio",
  arme: "suicidarme",
  ar: "suicidar",
};
function respellSuicide(token: string): string {
  const m = suicideLike.exec(token);
  if (!m || !/[iy]/.test(m[1] ?? "") || !/[cs]/.test(m[1] ?? "")) return token;
  return suicideEndings[m[2] ?? ""] ?? token;
}

function unstretch(token: string): string {
  if (/^s+h+$/.test(token)) return "shh";
  const squeezed = token.replace(/(.)\1+/g, "$1");
  return squeezedRuleWords.get(squeezed) ?? squeezed;
}

/** The normalized form of a message: see the module comment. */
export function normalize(text: string): string {
  let s = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  s = s.replace(overlongRun, " ");
  s = s.replace(laughingEmoji, " lol ");
  s = s.replace(apostrophes, "");
  s = s.replace(hiddenLetters, fillHiddenLetters);
  s = s.replace(symbolBetweenLetters, "i");
  s = s.replace(clauseMarks, " . ");
  s = s.replace(mixedToken, undoLeet);
  s = s.replace(anyOtherChar, " ");
  s = s.replace(stretchedWord, unstretch);
  // "I R E A L L Y": a spelled-out word after the pronoun "i" keeps the pronoun apart.
  s = s.replace(spacedLetters, (run) => (run.startsWith("i ") ? `i ${run.slice(2).replace(/ /g, "")}` : run.replace(/ /g, "")));
  s = s
    .replace(/\bi m\b/g, "im")
    .replace(/\bany more\b/g, "anymore")
    .replace(/\bmy self\b/g, "myself")
    .replace(/\bsewer slide\b/g, "suicide")
    .replace(/\btoo (?=(?:die|kill|end|hurt|cut|live|be dead)\b)/g, "to ")
    .replace(/\b(su|sui|suic|suici|suicid) (cide|icide|ide|de|e|al|idal|dal|cidal|ial|dio|idio|io)\b/g, (_m, a: string, b: string) => a + b)
    .replace(/\bself (?=delet)/g, "self ");
  s = s.replace(word, (w) => wordReplacements.get(w) ?? (w.startsWith("s") ? respellSuicide(w) : w));
  // "dye" is "die" unless something is being dyed.
  s = s.replace(/\bdye\b(?! (?:my|your|her|his|their|the|it|them|hair|this|that|a|some)\b)/g, "die");
  // Spanish texting writes "me" as "m" before a verb.
  s = s.replace(/\bm (?=(?:quiero|voy|siento|muero|mato|corto|duele|quisiera)\b)/g, "me ");
  return s
    .replace(/ +/g, " ")
    .replace(/(?: \.)+/g, " .")
    .replace(/^[ .]+|[ .]+$/g, "");
}

/**
 * Words that turn an idea around ("I don't want to die, but I don't want to live") start a
 * new clause, so a negation or a joke in one half says nothing about the other half.
 */
const contrast = / \. | (?=(?:but|pero|though|although|however|aunque|sino|yet) )/;

/** Splits a normalized message into clauses, each without its end mark. */
export function toClauses(normalized: string): string[] {
  return normalized
    .split(contrast)
    .map((c) => c.replace(/^\. |\s?\.$/g, "").trim())
    .filter((c) => c.length > 0 && c !== ".");
}
