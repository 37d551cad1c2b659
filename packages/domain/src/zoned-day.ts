/**
 * Calendar days in an IANA time zone, with Intl alone (no date library). A day is the half-open
 * range of instants [its first instant, the next day's first instant): 24 hours most days, 23 or
 * 25 on a DST change, and still right where a change skips or repeats midnight itself.
 */

const HOUR_MS = 3_600_000;

export interface DayWindow {
  /** First instant of the day, epoch ms. */
  startMs: number;
  /** First instant of the next day, epoch ms (exclusive). */
  endMs: number;
}

export interface ZonedTime {
  /** yyyy-mm-dd on the wall calendar of the zone. */
  date: string;
  /** Minutes since the wall clock's midnight: 0..1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone this runtime does not know.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time in `timeZone` at the instant `ms`. */
export function zonedTime(ms: number, timeZone: string): ZonedTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const year = (parts.year ?? "").padStart(4, "0");
  return {
    date: `${year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function zonedDate(ms: number, timeZone: string): string {
  return zonedTime(ms, timeZone).date;
}

function utcMidnight(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw new RangeError(`Bad date ${date}`);
  return Date.UTC(year, month - 1, day);
}

/** The calendar date `days` after (or before) `date`; calendar arithmetic, no zone involved. */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * 24 * HOUR_MS).toISOString().slice(0, 10);
}

/**
 * The first instant whose wall-clock date in `timeZone` is `date` or later. Wall dates never go
 * back (a zone that falls back at midnight goes from 23:59 to 23:00 of the same date), so a binary
 * search to the millisecond finds it in about 30 steps. Every zone's offset lies within ±15 hours
 * of UTC, so the answer lies within two days of the date's UTC midnight.
 */
function firstInstantOf(date: string, timeZone: string): number {
  let low = utcMidnight(date) - 48 * HOUR_MS; // before the day, in every zone
  let high = utcMidnight(date) + 48 * HOUR_MS; // inside or after it, in every zone
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zonedDate(middle, timeZone) >= date) high = middle;
    else low = middle;
  }
  return high;
}

export function dayWindow(date: string, timeZone: string): DayWindow {
  return { startMs: firstInstantOf(date, timeZone), endMs: firstInstantOf(addDays(date, 1), timeZone) };
}
