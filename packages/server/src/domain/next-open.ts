// When does a closed site open next? Pure, like isOpen: the instant is passed in, and the site's
// wall clock comes from Intl, so "Monday 09:00" is found on the team's clock whatever daylight
// saving does to it in between.
import type { BusinessHours } from '@switchboard/protocol';
import { WEEKDAYS } from '@switchboard/protocol/schemas';
import { isOpen } from './business-hours.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `timeZone` at `at`, to the minute, written as if it were a UTC instant. */
function wallClock(at: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0);
}

/**
 * The instants at which the clock of `timeZone` shows `wall`, earliest first: usually one, two
 * when the clocks go back (the hour repeats), and in the hour skipped when they go forward the one
 * instant the clock jumps past it.
 */
function instantsOf(wall: number, timeZone: string): number[] {
  // The offsets a day either side: a zone changes its offset at most once in between.
  const candidates = [...new Set([wall - DAY, wall + DAY].map((probe) => wallClock(probe, timeZone) - probe))]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  const shown = candidates.filter((instant) => wallClock(instant, timeZone) === wall);
  if (shown.length > 0) return shown;
  // Skipped: the clock reads before `wall` at the first candidate and after it at the last.
  let before = candidates[0] ?? wall;
  let after = candidates.at(-1) ?? wall;
  while (after - before > MINUTE) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (wallClock(middle, timeZone) >= wall) after = middle;
    else before = middle;
  }
  return [after];
}

/**
 * The first instant after `at` when the site's business hours begin, or null: while it is open,
 * without business hours, or when no weekday has any. Looks as far as the same weekday next week.
 */
export function nextOpenAt(hours: BusinessHours | null, at: number): number | null {
  if (!hours || isOpen(hours, at)) return null;
  const { timeZone } = hours;
  const today = Math.floor(wallClock(at, timeZone) / DAY) * DAY;
  for (let day = 0; day <= 7; day += 1) {
    const date = today + day * DAY;
    const weekday = WEEKDAYS[(new Date(date).getUTCDay() + 6) % 7];
    const spans = weekday ? (hours.weekly[weekday] ?? []) : [];
    const opens = spans.map((span) => span.open).sort();
    for (const open of opens) {
      const [hour = 0, minute = 0] = open.split(':').map(Number);
      const opening = instantsOf(date + hour * 60 * MINUTE + minute * MINUTE, timeZone).find(
        (instant) => instant > at,
      );
      // A span that lies wholly in the hour the clocks skip never opens.
      if (opening !== undefined && isOpen(hours, opening)) return opening;
    }
  }
  return null;
}
