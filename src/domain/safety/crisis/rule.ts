import type { Anchor, CrisisLanguage, Rule } from "./types.js";

interface RuleOptions {
  anchor?: Anchor;
  negatable?: boolean;
  idiomProne?: boolean;
  needs?: RegExp;
  alwaysPast?: boolean;
}

/**
 * Compiles a rule once, at module load. Sources are joined from named building blocks so each
 * language file reads as "subject + wish + object" rather than one unreadable expression.
 */
export function rule(id: string, level: Rule["level"], language: Exclude<CrisisLanguage, "und">, source: string, options: RuleOptions = {}): Rule {
  return {
    id,
    level,
    language,
    anchor: options.anchor ?? "self",
    pattern: new RegExp(source, "g"),
    negatable: options.negatable ?? true,
    idiomProne: options.idiomProne ?? false,
    alwaysPast: options.alwaysPast ?? false,
    ...(options.needs ? { needs: options.needs } : {}),
  };
}

/** `(?:a|b|c)` from a list, so lists of words stay lists in the source. */
export function oneOf(words: readonly string[]): string {
  return `(?:${words.join("|")})`;
}
