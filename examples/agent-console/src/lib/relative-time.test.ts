import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration, formatRelativeTime } from './relative-time.js';

// Local-time construction keeps the day boundaries right whatever TZ the tests run in.
const now = new Date(2025, 5, 18, 15, 30, 0).getTime(); // Wednesday 18 June 2025, 15:30
const at = (...parts: [number, number, number, number?, number?]) =>
  new Date(parts[0], parts[1], parts[2], parts[3] ?? 0, parts[4] ?? 0).toISOString();

describe('formatRelativeTime', () => {
  it('says now for the last minute and for small clock skew into the future', () => {
    expect(formatRelativeTime(new Date(now - 30_000).toISOString(), now)).toBe('now');
    expect(formatRelativeTime(new Date(now + 5_000).toISOString(), now)).toBe('now');
  });

  it('counts minutes, then hours within today', () => {
    expect(formatRelativeTime(new Date(now - 5 * 60_000).toISOString(), now)).toBe('5m');
    expect(formatRelativeTime(new Date(now - 59 * 60_000).toISOString(), now)).toBe('59m');
    expect(formatRelativeTime(at(2025, 5, 18, 12, 10), now)).toBe('3h');
    expect(formatRelativeTime(at(2025, 5, 18, 0, 5), now)).toBe('15h');
  });

  it('says Yesterday for anything before midnight on the previous day', () => {
    expect(formatRelativeTime(at(2025, 5, 17, 23, 50), now)).toBe('Yesterday');
    expect(formatRelativeTime(at(2025, 5, 17, 0, 1), now)).toBe('Yesterday');
  });

  it('names the weekday within the last week, then the date', () => {
    expect(formatRelativeTime(at(2025, 5, 14, 9), now, 'en-US')).toBe('Sat');
    expect(formatRelativeTime(at(2025, 5, 10, 9), now, 'en-US')).toBe('Jun 10');
    expect(formatRelativeTime(at(2024, 11, 24, 9), now, 'en-US')).toBe('Dec 24, 2024');
  });

  it('returns an empty label for an unparsable timestamp', () => {
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatClockTime', () => {
  it('formats the time of day in the given locale', () => {
    expect(formatClockTime(at(2025, 5, 18, 14, 5), 'en-GB')).toBe('14:05');
    // ICU puts a narrow no-break space before the day period.
    expect(formatClockTime(at(2025, 5, 18, 14, 5), 'en-US')).toMatch(/^2:05\sPM$/);
  });
});

describe('formatDuration', () => {
  it('counts seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59_999)).toBe('59s');
    expect(formatDuration(60_000)).toBe('1m 0s');
    expect(formatDuration(125_400)).toBe('2m 5s');
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59m 59s');
    expect(formatDuration(80 * 60_000 + 30_000)).toBe('1h 20m');
  });

  it('treats a negative duration (clock skew) as none', () => {
    expect(formatDuration(-5_000)).toBe('0s');
  });
});
