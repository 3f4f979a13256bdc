import type { Strings } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';

/** A wait estimate in whole minutes; under a minute is `0` ("less than a minute"). */
export function waitMinutes(seconds: number): number {
  return seconds < 60 ? 0 : Math.round(seconds / 60);
}

/** The queue line, with the estimate only when the queue has history to base one on. */
export function queueText(position: number, waitSeconds: number | null, strings: Strings): string {
  const text = withPartStrings(strings);
  if (waitSeconds === null) return text.headerQueue.replace('{position}', String(position));
  const minutes = waitMinutes(waitSeconds);
  const wait = minutes === 0 ? text.waitUnderMinute : text.waitMinutes.replace('{minutes}', String(minutes));
  return text.headerQueueWait.replace('{position}', String(position)).replace('{wait}', wait);
}
