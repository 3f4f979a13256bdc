// How the console shows what a visitor told the site's pre-chat form: their answers, with the
// labels they saw, and what they consented to (the wording they agreed to and when).
import type { ConsentRecord } from '@switchboard/protocol';
import { formatFullTime } from './relative-time.js';

/** One line about consent: what was agreed to, when, and which version of the wording. */
export function consentText(consent: ConsentRecord | null, locale?: string): string {
  if (consent === null) return 'No consent given in the pre-chat form.';
  const when = formatFullTime(consent.givenAt, locale);
  return `Agreed to “${consent.text}”${when ? ` on ${when}` : ''} (version ${consent.version.slice(0, 8)}).`;
}
