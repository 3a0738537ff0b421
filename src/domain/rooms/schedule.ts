/**
 * A room's weekly session: a weekday and a wall-clock time in the room's time
 * zone. The next session is computed in that zone, so it stays at the same
 * local time across daylight-saving changes.
 */
import { type Schedule, weekdays } from "../../protocol/rest/conversations.js";

type Weekday = (typeof weekdays)[number];

/** The wall-clock parts of an instant in a time zone. */
function partsIn(zone: string, instant: number) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    weekday: "long",
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: get("weekday").toLowerCase() as Weekday,
  };
}

/** The instant at which a wall-clock time happens in a zone (the later one if it happens twice, skipped ahead if never). */
function instantOf(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = partsIn(zone, guess);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - seen;
  }
  return guess;
}

/** The next session at or after `now`. */
export function nextSession(schedule: Schedule, now = Date.now()): Date {
  const [hour, minute] = schedule.time.split(":").map(Number) as [number, number];
  const today = partsIn(schedule.timeZone, now);
  const start = Date.UTC(today.year, today.month - 1, today.day);
  for (let offset = 0; offset <= 7; offset++) {
    const d = new Date(start + offset * 86_400_000);
    const weekday = weekdays[d.getUTCDay()]!;
    if (weekday !== schedule.weekday) continue;
    const at = instantOf(schedule.timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
    if (at >= now) return new Date(at);
  }
  // Today's session has passed: the same weekday next week.
  const d = new Date(start + 7 * 86_400_000);
  return new Date(instantOf(schedule.timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute));
}
