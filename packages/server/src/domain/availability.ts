import type { Availability, BusinessHours } from '@switchboard/protocol';
import { isOpen } from './business-hours.js';
import { nextOpenAt } from './next-open.js';

/** What a visitor is told about the site right now, and while closed, when it opens next. */
export function availability(hours: BusinessHours | null, at: number): Availability {
  const open = isOpen(hours, at);
  const next = open ? null : nextOpenAt(hours, at);
  return {
    open,
    afterHoursMode: open || !hours ? null : hours.afterHours.mode,
    nextOpenAt: next === null ? null : new Date(next).toISOString(),
  };
}
