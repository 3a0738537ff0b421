/**
 * The adult gate (product.md "for adults"; protocol.md POST /api/v1/accounts).
 * A person is 18 on their 18th birthday by the server's UTC date; someone born
 * on 29 February becomes 18 on 1 March in years without one.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parses `YYYY-MM-DD` into a real calendar date, or returns null (e.g. 2001-02-30). */
export function parseCalendarDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The UTC calendar date of an instant. */
export function utcDate(now: Date): CalendarDate {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** The date on which someone born on `birth` turns `years` old. */
export function anniversary(birth: CalendarDate, years: number): CalendarDate {
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isAdultOn(birth: CalendarDate, today: CalendarDate): boolean {
  return compare(today, anniversary(birth, 18)) >= 0;
}

export function isInFuture(date: CalendarDate, today: CalendarDate): boolean {
  return compare(date, today) > 0;
}
