/**
 * Guesses whether a normalized message is English or Spanish from its small function words,
 * which every sentence has. Words both languages share ("me", "no", "a") are left out.
 */
import type { CrisisLanguage } from "./types.js";

const english = /\b(?:i|the|to|and|you|my|is|it|of|im|dont|want|this|that|in|just|so|be|not|have|am|was|for|with|what|feel|anymore|myself)\b/g;
const spanish = /\b(?:que|de|el|la|los|las|y|por|para|con|una|es|esta|muy|pero|ya|yo|lo|se|mi|quiero|estoy|un|en|todo|mas|como|porque|tengo|ganas|hoy)\b/g;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

export function guessLanguage(normalized: string): CrisisLanguage {
  const en = count(english, normalized);
  const es = count(spanish, normalized);
  if (en === 0 && es === 0) return "und";
  return es > en ? "es" : "en";
}
