const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short label for "how long ago" that fits a list row: `now`, `5m`, `3h`, `Yesterday`, a
 * weekday within the last week, then a date. `locale` is a parameter so tests are deterministic.
 */
export function formatRelativeTime(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  // Clocks drift between server and browser; a timestamp a little in the future is "now".
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) return 'now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;

  const startOfToday = startOfDay(now);
  if (then >= startOfToday && elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  if (then >= startOfToday - DAY) return 'Yesterday';
  if (then >= startOfToday - 6 * DAY) {
    return formatter(locale, { weekday: 'short' }).format(then);
  }
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return formatter(
    locale,
    sameYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' },
  ).format(then);
}

/** The time of day a message was written, e.g. `14:05` or `2:05 PM` depending on the locale. */
export function formatClockTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(then);
}

/**
 * How long something lasted, to the second while that still matters: `45s`, `2m 5s`, `1h 20m`.
 * Negative durations (clock skew between server and browser) count as none.
 */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The full date and time, for a `title` tooltip. */
export function formatFullTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(then);
}

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

// Building an Intl formatter costs far more than using one, and the list formats every row on
// every store change.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}
