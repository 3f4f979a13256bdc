import { MAX_TAG_LENGTH } from './constants.js';

/**
 * A tag as the server stores it: Unicode-normalised (NFKC), lowercase, trimmed, runs of
 * whitespace made one space, without a leading `#`. `" #VIP  Customer"` becomes `"vip customer"`,
 * so the same tag typed twice is one tag.
 */
export function normalizeTag(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Why a normalised tag is refused, or null when it is fine. Commas separate tags in inputs. */
export function tagProblem(tag: string): string | null {
  if (tag.length === 0) return 'must not be blank';
  if (tag.length > MAX_TAG_LENGTH) return `must be at most ${MAX_TAG_LENGTH} characters`;
  if (tag.includes(',')) return 'must not contain a comma';
  if ([...tag].some((char) => char < ' ' || char === '\x7f')) return 'must not contain control characters';
  return null;
}
