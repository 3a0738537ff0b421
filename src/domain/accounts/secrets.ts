/**
 * Random secrets handed to members (session tokens, recovery codes) and the
 * one-way hashes we keep of them. These carry 128–256 random bits, so SHA-256
 * is enough: there is nothing to brute-force the way there is with passwords.
 */
import { createHash, randomBytes } from "node:crypto";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

/** A session token: 256 random bits, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A recovery code: 128 random bits as 32 hex digits in four groups, easy to copy by hand. */
export function newRecoveryCode(): string {
  const hex = randomBytes(16).toString("hex");
  return hex.match(/.{8}/g)!.join("-");
}

/** Members may type codes with or without dashes or spaces, in either case. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

export function hashRecoveryCode(code: string): string {
  return sha256(normalizeRecoveryCode(code));
}

export const recoveryCodeCount = 10;
