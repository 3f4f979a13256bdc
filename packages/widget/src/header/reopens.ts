import type { Translation } from '../i18n/en.js';

const DAY = 86_400_000;

/** Days since 1970 of the calendar date at `at`, on the clock of `timeZone` (the browser's by default). */
const dayOf = (at: number, timeZone?: string) =>
  // en-CA writes dates as YYYY-MM-DD, which Date.parse reads as that day's UTC midnight.
  Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone }).format(at)) / DAY;

/**
 * When a closed team is back, in the visitor's language and on their own clock: today, tomorrow
 * or on a weekday, at a time. Null without a time to tell, or once it has passed.
 */
export function reopensText(
  nextOpenAt: string | null,
  text: Translation,
  lang: string,
  now = Date.now(),
  timeZone?: string,
): string | null {
  const at = Date.parse(nextOpenAt ?? '');
  if (!(at > now)) return null;
  const days = dayOf(at, timeZone) - dayOf(now, timeZone);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(at);
  return (days === 0 ? text.backToday : days === 1 ? text.backTomorrow : text.backOn)
    .replace('{day}', format({ weekday: 'long' }))
    .replace('{time}', format({ hour: 'numeric', minute: '2-digit' }));
}
