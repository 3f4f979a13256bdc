import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@switchboard/protocol';
import { availability } from './availability.js';
import { isOpen } from './business-hours.js';
import { nextOpenAt } from './next-open.js';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

function hoursIn(timeZone: string, weekly: BusinessHours['weekly']): BusinessHours {
  return { timeZone, weekly, afterHours: { message: 'We are closed', mode: 'offline_form' } };
}

const nineToFive = { open: '09:00', close: '17:00' };
const weekdays = {
  mon: [nineToFive],
  tue: [nineToFive],
  wed: [nineToFive],
  thu: [nineToFive],
  fri: [nineToFive],
};
const berlin = hoursIn('Europe/Berlin', weekdays);
const newYork = hoursIn('America/New_York', weekdays);

describe('nextOpenAt', () => {
  it('is null while open, without business hours, and when no day has any', () => {
    expect(nextOpenAt(berlin, at('2026-01-05T10:00:00Z'))).toBeNull();
    expect(nextOpenAt(null, at('2026-01-05T10:00:00Z'))).toBeNull();
    expect(nextOpenAt(hoursIn('Europe/Berlin', {}), at('2026-01-05T10:00:00Z'))).toBeNull();
    const emptyDays = hoursIn('Europe/Berlin', {
      mon: [],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    });
    expect(nextOpenAt(emptyDays, at('2026-01-05T10:00:00Z'))).toBeNull();
  });

  it('is later today before the day’s first span and between two spans', () => {
    // Monday 2026-01-05, 07:00 in Berlin (UTC+1).
    expect(iso(nextOpenAt(berlin, at('2026-01-05T06:00:00Z')))).toBe('2026-01-05T08:00:00.000Z');
    const lunch = hoursIn('Europe/Lisbon', {
      sat: [
        { open: '14:00', close: '16:00' },
        { open: '10:00', close: '12:00' },
      ],
    });
    expect(iso(nextOpenAt(lunch, at('2026-01-10T12:30:00Z')))).toBe('2026-01-10T14:00:00.000Z');
    expect(iso(nextOpenAt(lunch, at('2026-01-10T08:00:00Z')))).toBe('2026-01-10T10:00:00.000Z');
  });

  it('skips closed days: Friday evening opens on Monday', () => {
    // Friday 2026-01-09, 18:00 in Berlin.
    expect(iso(nextOpenAt(berlin, at('2026-01-09T17:00:00Z')))).toBe('2026-01-12T08:00:00.000Z');
    // Saturday and Sunday too.
    expect(iso(nextOpenAt(berlin, at('2026-01-10T12:00:00Z')))).toBe('2026-01-12T08:00:00.000Z');
    expect(iso(nextOpenAt(berlin, at('2026-01-11T22:59:00Z')))).toBe('2026-01-12T08:00:00.000Z');
  });

  it('treats close as the moment it shuts: at 17:00 the next opening is tomorrow', () => {
    expect(iso(nextOpenAt(berlin, at('2026-01-05T16:00:00Z')))).toBe('2026-01-06T08:00:00.000Z');
  });

  it('wraps around midnight on the site’s clock, not UTC’s', () => {
    const night = hoursIn('Asia/Tokyo', { mon: [{ open: '00:00', close: '08:00' }] });
    // Sunday 23:30 in Tokyo is Sunday 14:30 UTC; Monday starts half an hour later.
    expect(iso(nextOpenAt(night, at('2026-01-04T14:30:00Z')))).toBe('2026-01-04T15:00:00.000Z');
    expect(nextOpenAt(night, at('2026-01-04T15:00:00Z'))).toBeNull();
  });

  it('wraps to next week, as far as the same weekday', () => {
    const mondays = hoursIn('Europe/Berlin', { mon: [nineToFive] });
    // Monday 2026-01-05 after closing: the next Monday.
    expect(iso(nextOpenAt(mondays, at('2026-01-05T16:30:00Z')))).toBe('2026-01-12T08:00:00.000Z');
    const sundays = hoursIn('America/New_York', { sun: [{ open: '10:00', close: '11:00' }] });
    // Monday 2026-01-05: six days ahead.
    expect(iso(nextOpenAt(sundays, at('2026-01-05T15:00:00Z')))).toBe('2026-01-11T15:00:00.000Z');
  });

  describe('daylight saving', () => {
    it('Europe/Berlin springs forward: Monday 09:00 is 07:00 UTC after a weekend at UTC+1', () => {
      // Clocks go from 02:00 to 03:00 on Sunday 2026-03-29. Friday 2026-03-27 18:00 CET:
      expect(iso(nextOpenAt(berlin, at('2026-03-27T17:00:00Z')))).toBe('2026-03-30T07:00:00.000Z');
    });

    it('Europe/Berlin falls back: Monday 09:00 is 08:00 UTC after a weekend at UTC+2', () => {
      // Clocks go from 03:00 back to 02:00 on Sunday 2026-10-25. Friday 2026-10-23 18:00 CEST:
      expect(iso(nextOpenAt(berlin, at('2026-10-23T16:00:00Z')))).toBe('2026-10-26T08:00:00.000Z');
    });

    it('America/New_York springs forward and falls back', () => {
      // 2026-03-08: 02:00 EST → 03:00 EDT. Friday 17:00 EST → Monday 09:00 EDT.
      expect(iso(nextOpenAt(newYork, at('2026-03-06T22:00:00Z')))).toBe('2026-03-09T13:00:00.000Z');
      // 2026-11-01: 02:00 EDT → 01:00 EST. Friday 18:00 EDT → Monday 09:00 EST.
      expect(iso(nextOpenAt(newYork, at('2026-10-30T22:00:00Z')))).toBe('2026-11-02T14:00:00.000Z');
    });

    it('opens when the clock jumps past an opening time it skips', () => {
      const early = hoursIn('Europe/Berlin', { sun: [{ open: '02:30', close: '05:00' }] });
      // Sunday 2026-03-29 01:00 CET: 02:30 never shows; at 01:00 UTC the clock jumps to 03:00.
      const opening = nextOpenAt(early, at('2026-03-29T00:00:00Z'));
      expect(iso(opening)).toBe('2026-03-29T01:00:00.000Z');
      expect(isOpen(early, opening ?? 0)).toBe(true);
      expect(isOpen(early, (opening ?? 0) - MINUTE)).toBe(false);
      const ny = hoursIn('America/New_York', { sun: [{ open: '02:15', close: '04:00' }] });
      expect(iso(nextOpenAt(ny, at('2026-03-08T05:00:00Z')))).toBe('2026-03-08T07:00:00.000Z');
    });

    it('passes over a span that lies wholly in the skipped hour', () => {
      const skipped = hoursIn('Europe/Berlin', {
        sun: [{ open: '02:10', close: '02:50' }],
        mon: [nineToFive],
      });
      expect(iso(nextOpenAt(skipped, at('2026-03-29T00:00:00Z')))).toBe('2026-03-30T07:00:00.000Z');
    });

    it('opens at the first of a repeated hour’s two 01:30s, or at the second once the first has passed', () => {
      const lateNight = hoursIn('America/New_York', { sun: [{ open: '01:30', close: '03:00' }] });
      // 2026-11-01 00:00 EDT: the first 01:30 (EDT) is 05:30 UTC.
      expect(iso(nextOpenAt(lateNight, at('2026-11-01T04:00:00Z')))).toBe('2026-11-01T05:30:00.000Z');
      // 01:45 EDT: open. Then 01:10 EST (after the clocks went back): closed until 01:30 EST.
      expect(nextOpenAt(lateNight, at('2026-11-01T05:45:00Z'))).toBeNull();
      expect(isOpen(lateNight, at('2026-11-01T06:10:00Z'))).toBe(false);
      expect(iso(nextOpenAt(lateNight, at('2026-11-01T06:10:00Z')))).toBe('2026-11-01T06:30:00.000Z');
    });
  });

  it('always lands on the first minute of an opening, with nothing open before it', () => {
    const split = hoursIn('Europe/Berlin', {
      mon: [nineToFive],
      wed: [
        { open: '08:00', close: '12:00' },
        { open: '13:00', close: '18:30' },
      ],
      sat: [{ open: '10:00', close: '14:00' }],
    });
    // Hourly (plus a quarter) through the weeks around both of Berlin's 2026 changes.
    for (const start of ['2026-03-23T00:00:00Z', '2026-10-19T00:00:00Z']) {
      for (let step = 0; step < 14 * 24; step += 1) {
        const now = at(start) + step * 60 * MINUTE + 15 * MINUTE;
        const opening = nextOpenAt(split, now);
        if (isOpen(split, now)) {
          expect(opening).toBeNull();
          continue;
        }
        if (opening === null) throw new Error(`no opening after ${iso(now)}`);
        expect(opening).toBeGreaterThan(now);
        expect(opening - now).toBeLessThanOrEqual(7 * 24 * 60 * MINUTE);
        expect(isOpen(split, opening)).toBe(true);
        expect(isOpen(split, opening - MINUTE)).toBe(false);
        for (let probe = now; probe < opening; probe += 30 * MINUTE) expect(isOpen(split, probe)).toBe(false);
      }
    }
  });
});

describe('availability', () => {
  it('tells a visitor when a closed site opens, as an ISO instant', () => {
    expect(availability(berlin, at('2026-01-09T17:00:00Z'))).toEqual({
      open: false,
      afterHoursMode: 'offline_form',
      nextOpenAt: '2026-01-12T08:00:00.000Z',
    });
    expect(availability(berlin, at('2026-01-09T10:00:00Z'))).toEqual({
      open: true,
      afterHoursMode: null,
      nextOpenAt: null,
    });
    expect(availability(null, at('2026-01-09T17:00:00Z'))).toEqual({
      open: true,
      afterHoursMode: null,
      nextOpenAt: null,
    });
    expect(availability(hoursIn('Europe/Berlin', {}), 0)).toEqual({
      open: false,
      afterHoursMode: 'offline_form',
      nextOpenAt: null,
    });
  });
});
