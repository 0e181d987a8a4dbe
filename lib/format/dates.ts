/**
 * Every date Claimdesk shows, formatted with Intl.DateTimeFormat and an explicit time zone.
 *
 * The zone rule (docs/architecture.md):
 * - A bare calendar day ("2024-03-05": claim dates, access dates, publication dates) is that day
 *   everywhere; it is never shifted by a zone.
 * - Exports format instants in REPORT_TIME_ZONE (UTC) and name it, so a report is the same bytes
 *   wherever it is rendered.
 * - The UI formats instants in UTC, naming the zone, on the server and in the first client render;
 *   only after hydration does it switch to the browser's zone (components/ui/local-time.tsx), so
 *   server HTML and the hydrating client always agree.
 * Locale: British English day-month order ("5 March 2024"), as the reports always used.
 */

export const UTC = 'UTC';
export const REPORT_TIME_ZONE = UTC;

const LOCALE = 'en-GB';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a bare ISO calendar day such as "2024-03-05" (shape only; see parseInstant for validity). */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

/** The instant an ISO date or datetime names (a bare day is its UTC midnight), or null when it names none. */
export function parseInstant(value: string): Date | null {
  if (value.trim() === '') return null;
  const date = new Date(isIsoDay(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  // `Date` rolls "2024-02-30" over to 1 March; a day that does not exist is not a date.
  if (isIsoDay(value) && date.toISOString().slice(0, 10) !== value) return null;
  return date;
}

type Style = 'day' | 'time' | 'short' | 'medium' | 'isoDay';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  medium: { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' },
  isoDay: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter; `timeZone` undefined means the runtime's zone (browser only, after hydration). An unknown zone throws RangeError. */
function formatter(style: Style, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${timeZone ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALE, { ...OPTIONS[style], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** " UTC" or " Europe/Berlin": the zone named after a time. */
function zoneSuffix(timeZone: string): string {
  return ` ${timeZone}`;
}

/** "5 March 2024"; a bare day is that day in any zone. Null when the input is not a date. */
export function formatDay(value: string, timeZone: string = UTC): string | null {
  const date = parseInstant(value);
  if (!date) return null;
  return formatter('day', isIsoDay(value) ? UTC : timeZone).format(date);
}

/** "5 March 2024, 14:05 UTC": the zone is always named. Null when the input is not a date. */
export function formatDayTime(value: string, timeZone: string = UTC): string | null {
  const date = parseInstant(value);
  if (!date) return null;
  // Joined by hand: ICU versions differ on the joiner ("," or " at ") between date and time.
  return `${formatter('day', timeZone).format(date)}, ${formatter('time', timeZone).format(date)}${zoneSuffix(timeZone)}`;
}

/**
 * Timestamps in the UI: "24 Nov, 08:20" (short) or "24 Nov 2026, 08:20" (medium). With a zone the
 * zone is named ("24 Nov, 08:20 UTC"); without one the runtime's zone is used, unnamed, which only
 * the browser may do after hydration.
 */
export function formatTimestamp(value: string, options: { timeZone?: string; style?: 'short' | 'medium' } = {}): string | null {
  const date = parseInstant(value);
  if (!date) return null;
  const text = formatter(options.style ?? 'short', options.timeZone).format(date);
  return options.timeZone ? `${text}${zoneSuffix(options.timeZone)}` : text;
}

/** YYYY-MM-DD of the instant in `timeZone` (a bare day is returned as is), or null. */
export function isoDayIn(value: string, timeZone: string = UTC): string | null {
  const date = parseInstant(value);
  if (!date) return null;
  if (isIsoDay(value)) return value;
  return isoDayOf(date, timeZone);
}

/** Today as YYYY-MM-DD in `timeZone` (the runtime's zone when undefined: a date input's default in the browser). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return isoDayOf(now, timeZone);
}

/** Built from parts: no locale orders a day as YYYY-MM-DD by contract. */
function isoDayOf(date: Date, timeZone: string | undefined): string {
  const parts = formatter('isoDay', timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
