/**
 * Password rules and hashing. Rules follow NIST SP 800-63B §5.1.1.2: a minimum
 * length, any Unicode (normalized with NFKC), checked against a list of commonly
 * used passwords, no composition rules. Hashing is argon2id with the configured
 * cost (OWASP Password Storage Cheat Sheet: m=64 MiB, t=3, p=1 by default).
 */
import argon2 from "argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { KindredError } from "../../protocol/errors.js";

export const minPasswordLength = 10;

let commonSet: Set<string> | undefined;

/** The ~49,000 passwords of zxcvbn's common list, lower-cased; built on first use. */
function commonPasswords(): Set<string> {
  commonSet ??= new Set(common.dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return commonSet;
}

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn's plain-language feedback on a refused password (the same hint the web client shows). */
function feedbackOn(password: string): { warning: string | null; suggestions: string[] } {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const { feedback } = estimator.check(password.slice(0, 100));
  return { warning: feedback.warning || null, suggestions: feedback.suggestions };
}

export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Throws WEAK_PASSWORD when the password is too short or among the common ones (ignoring case). */
export function checkPasswordStrength(password: string, field = "password"): void {
  const normalized = normalizePassword(password);
  if ([...normalized].length < minPasswordLength) {
    throw new KindredError("WEAK_PASSWORD", {
      message: `Please use at least ${minPasswordLength} characters. A few unrelated words make a strong, memorable password.`,
      details: { field, reason: "too-short", minLength: minPasswordLength, feedback: feedbackOn(normalized) },
    });
  }
  if (commonPasswords().has(normalized.toLowerCase())) {
    throw new KindredError("WEAK_PASSWORD", {
      message: "That password is one of the most common ones, so it is easy to guess. Please choose another.",
      details: { field, reason: "common", feedback: feedbackOn(normalized) },
    });
  }
}

export interface HashCost {
  memoryKib: number;
  timeCost: number;
  parallelism: number;
}

export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly cost: HashCost) {}

  private get options() {
    return {
      type: argon2.argon2id as 0 | 1 | 2,
      memoryCost: this.cost.memoryKib,
      timeCost: this.cost.timeCost,
      parallelism: this.cost.parallelism,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(normalizePassword(password), this.options);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /**
   * Spends the same work as a real verification, for unknown handles, so that
   * sign-in answers "no such handle" and "wrong password" in similar time.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash("kindred-timing-equalizer");
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** True when the stored hash was made with a lower cost than is configured now. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, this.options);
    } catch {
      return true;
    }
  }
}
