// Is a site open at an instant? Pure: the instant is passed in, and the site's time zone (with
// its daylight-saving rules) is applied through Intl, so 09:00 means 09:00 on the team's clock.
import type { BusinessHours, Weekday } from '@switchboard/protocol';

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday and HH:MM on the wall clock of `timeZone` at `at`. */
export function localTime(at: number, timeZone: string): { weekday: Weekday; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = WEEKDAY_BY_SHORT_NAME[parts.weekday ?? ''];
  if (!weekday) throw new Error(`unexpected weekday ${parts.weekday}`);
  return { weekday, time: `${parts.hour}:${parts.minute}` };
}

/** Open when the local time falls in one of the day's spans ([open, close)). No hours: always open. */
export function isOpen(hours: BusinessHours | null, at: number): boolean {
  if (!hours) return true;
  const { weekday, time } = localTime(at, hours.timeZone);
  return (hours.weekly[weekday] ?? []).some((span) => span.open <= time && time < span.close);
}
