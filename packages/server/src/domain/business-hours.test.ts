import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@switchboard/protocol';
import { isOpen, localTime } from './business-hours.js';

const hours: BusinessHours = {
  timeZone: 'Europe/Lisbon',
  weekly: {
    mon: [{ open: '09:00', close: '17:30' }],
    sat: [
      { open: '10:00', close: '12:00' },
      { open: '14:00', close: '16:00' },
    ],
  },
  afterHours: { message: 'We are closed', mode: 'queue' },
};
const at = (iso: string) => Date.parse(iso);

describe('business hours', () => {
  it('applies the site time zone, including daylight saving', () => {
    // Monday 2026-01-05: Lisbon is UTC+0. Monday 2026-07-06: Lisbon is UTC+1.
    expect(localTime(at('2026-01-05T09:00:00Z'), 'Europe/Lisbon')).toEqual({ weekday: 'mon', time: '09:00' });
    expect(localTime(at('2026-07-06T08:00:00Z'), 'Europe/Lisbon')).toEqual({ weekday: 'mon', time: '09:00' });
    expect(isOpen(hours, at('2026-07-06T07:59:00Z'))).toBe(false);
    expect(isOpen(hours, at('2026-07-06T08:00:00Z'))).toBe(true);
  });

  it('treats close as exclusive and missing days as closed', () => {
    expect(isOpen(hours, at('2026-01-05T17:29:00Z'))).toBe(true);
    expect(isOpen(hours, at('2026-01-05T17:30:00Z'))).toBe(false);
    expect(isOpen(hours, at('2026-01-06T12:00:00Z'))).toBe(false);
  });

  it('supports several spans a day', () => {
    expect(isOpen(hours, at('2026-01-10T11:00:00Z'))).toBe(true);
    expect(isOpen(hours, at('2026-01-10T13:00:00Z'))).toBe(false);
    expect(isOpen(hours, at('2026-01-10T15:00:00Z'))).toBe(true);
  });

  it('reads the weekday on the site clock, not UTC', () => {
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo.
    expect(localTime(at('2026-01-04T23:30:00Z'), 'Asia/Tokyo')).toEqual({ weekday: 'mon', time: '08:30' });
  });

  it('is always open without business hours', () => {
    expect(isOpen(null, at('2026-01-04T03:00:00Z'))).toBe(true);
  });
});
