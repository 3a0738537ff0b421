/**
 * Recovery codes between the answer that carries them and the screen that shows them once.
 * Kept in memory only: never in storage, never in the address bar; gone once the member
 * says they have saved them, or on reload.
 */
let codes: string[] | null = null;

export function holdRecoveryCodes(next: string[]): void {
  codes = next;
}

export function peekRecoveryCodes(): string[] | null {
  return codes;
}

export function forgetRecoveryCodes(): void {
  codes = null;
}
