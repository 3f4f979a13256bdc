import { describe, expect, it } from 'vitest';
import { ar } from '../i18n/ar.js';
import { de } from '../i18n/de.js';
import { en as enStrings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { es } from '../i18n/es.js';
import { reopensText } from './reopens.js';

const en = withPartStrings(enStrings);
const at = (iso: string) => Date.parse(iso);
// Friday 2026-01-09, 18:00 in Berlin; the team is back Monday 09:00 Berlin time (08:00 UTC).
const friday = at('2026-01-09T17:00:00Z');
const monday = '2026-01-12T08:00:00.000Z';

describe('reopensText', () => {
  it('names the weekday and the time on the visitor’s own clock', () => {
    expect(reopensText(monday, en, 'en', friday, 'Europe/Berlin')).toBe("We're back Monday at 9:00 AM.");
    // The same instant, seen from New York: 3 a.m. on Monday.
    expect(reopensText(monday, en, 'en', friday, 'America/New_York')).toBe("We're back Monday at 3:00 AM.");
    expect(reopensText(monday, en, 'en-GB', friday, 'Europe/London')).toBe("We're back Monday at 8:00.");
  });

  it('says today and tomorrow on the visitor’s calendar, not the server’s', () => {
    const evening = at('2026-01-11T20:00:00Z');
    expect(reopensText(monday, en, 'en', at('2026-01-12T06:00:00Z'), 'Europe/Berlin')).toBe(
      "We're back today at 9:00 AM.",
    );
    expect(reopensText(monday, en, 'en', evening, 'Europe/Berlin')).toBe("We're back tomorrow at 9:00 AM.");
    // At 20:00 UTC on Sunday it is already Monday in Tokyo, where 08:00 UTC is 17:00 the same day.
    expect(reopensText(monday, en, 'en', evening, 'Asia/Tokyo')).toBe("We're back today at 5:00 PM.");
  });

  it('speaks each language', () => {
    expect(reopensText(monday, es, 'es', friday, 'Europe/Madrid')).toBe('Volvemos el lunes a las 9:00.');
    expect(reopensText(monday, de, 'de', friday, 'Europe/Berlin')).toBe(
      'Wir sind am Montag um 9:00 wieder da.',
    );
    expect(reopensText(monday, de, 'de', at('2026-01-11T12:00:00Z'), 'Europe/Berlin')).toBe(
      'Wir sind morgen um 9:00 wieder da.',
    );
    const arabic = reopensText(monday, ar, 'ar', friday, 'Asia/Riyadh');
    expect(arabic).toContain('سنعود يوم الاثنين الساعة');
  });

  it('is null without a time, with a bad one, or once it has passed', () => {
    expect(reopensText(null, en, 'en', friday)).toBeNull();
    expect(reopensText('soon', en, 'en', friday)).toBeNull();
    expect(reopensText(monday, en, 'en', at(monday))).toBeNull();
  });
});
