/** How strongly a message suggests its author may be at risk. Both "concern" and "crisis" mean: offer support privately. */
export type CrisisLevel = "none" | "concern" | "crisis";

/** The language whose words decided the finding; "und" when the text gives too little to tell. */
export type CrisisLanguage = "en" | "es" | "und";

export interface CrisisFinding {
  level: CrisisLevel;
  /** Short names of the rules that fired (e.g. "wish-to-die", "plan:means"); never the text itself. */
  reasons: string[];
  /** Rules that matched but were set aside, with why (e.g. "wish-to-die~negated"); for evaluation and audits. */
  setAside: string[];
  language: CrisisLanguage;
}

/** What a rule says about the first person in its match. */
export type Anchor =
  /** The pattern itself proves the author speaks of themselves (a first-person subject, verb form or reflexive). */
  | "self"
  /** The pattern may also describe someone else; a third-party subject earlier in the clause sets it aside. */
  | "open"
  /** A reply to someone else's words ("me too"): never set aside as being about them. */
  | "reply";

export interface Rule {
  /** The reason name reported when the rule fires. */
  id: string;
  level: Exclude<CrisisLevel, "none">;
  language: Exclude<CrisisLanguage, "und">;
  anchor: Anchor;
  /** Runs over one normalized clause. Named groups `gap` / `lead` hold the words before the verb, where a negation would sit. */
  pattern: RegExp;
  /** False for rules whose meaning already contains the negation ("I don't want to live"). */
  negatable: boolean;
  /** True for phrases people also use as jokes and idioms ("I want to die", "kms"). */
  idiomProne: boolean;
  /** When set, the rule only counts if the whole message also matches this (e.g. "me too" needs someone else's death). */
  needs?: RegExp;
  /** The phrase can only tell of something that already happened ("my attempt"). */
  alwaysPast: boolean;
}
