/** Handle rules (protocol.md POST /api/v1/accounts): 3–32 of letters, digits, `_` `-` `.`. */

/** ASCII only, so that look-alike letters from other scripts cannot impersonate a member. */
export const handlePattern = /^[A-Za-z0-9_.-]{3,32}$/;

/** Uniqueness ignores case: "Robin" and "robin" are one handle. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}
