/**
 * A room's weekly schedule in words, in the member's language: "Tuesdays at 7:00 pm
 * (Europe/Madrid)". The weekday and time come from the room; only their wording is local.
 */
import type { Schedule, Weekday } from "../../api/types";

export const weekdays: Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** A weekday's name in a language, from a week known to start on a Sunday (4 January 1970). */
export function weekdayName(weekday: Weekday, locale: string): string {
  const index = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].indexOf(weekday);
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(1970, 0, 4 + index)));
}

/** "19:30" as the member's clock shows it ("7:30 pm" in English). */
export function wallTime(time: string, locale: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    new Date(Date.UTC(1970, 0, 1, hours ?? 0, minutes ?? 0)),
  );
}

export function scheduleParts(schedule: Schedule, locale: string): { weekday: string; time: string; timeZone: string } {
  return { weekday: weekdayName(schedule.weekday, locale), time: wallTime(schedule.time, locale), timeZone: schedule.timeZone };
}

/** The browser's own time zone, the default for a new room. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every time zone the browser knows, with the given one first among them if missing. */
export function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(current) ? all : [current, ...all];
}
