/** How long a shift has run, in whole minutes, for "On shift for 1 h 5 min". */
export function minutesSince(startedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(startedAt)) / 60_000));
}

/** Whether the break the server set for this shift has come. */
export function breakIsDue(breakDueAt: string | undefined, now: number): boolean {
  return breakDueAt !== undefined && now >= Date.parse(breakDueAt);
}
