import { z } from 'zod';
import { Timestamp } from './common.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/** One opening span on a weekday, local time; `close` after `open` (no spans across midnight). */
export const OpeningSpan = z
  .strictObject({ open: time, close: time })
  .refine((span) => span.close > span.open, 'close must be after open');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** When a site's team answers, and what visitors get outside those hours. */
export const BusinessHours = z.strictObject({
  /** IANA time zone, e.g. `Europe/Lisbon`. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  /** Spans per weekday; a missing or empty day is closed. */
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(OpeningSpan).max(6)),
  afterHours: z.strictObject({
    /** Posted into a conversation started while closed. */
    message: z.string().trim().min(1).max(1000),
    /** `queue`: wait for the next agent anyway; `offline_form`: the widget offers the offline form. */
    mode: z.enum(['queue', 'offline_form']),
  }),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/** What a visitor may know: open now or not, what happens when closed, and when the team is back. */
export const Availability = z.object({
  open: z.boolean(),
  afterHoursMode: z.enum(['queue', 'offline_form']).nullable(),
  /**
   * While closed, the instant the site's business hours next begin (on the site's clock, daylight
   * saving included); null while open, without business hours, or when no weekday has any.
   */
  nextOpenAt: Timestamp.nullable(),
});
export type Availability = z.infer<typeof Availability>;
