/** Handles (their pattern lives with the sign-up schema in protocol/common.ts). */

/** Uniqueness ignores case: "Robin" and "robin" are one handle. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}
