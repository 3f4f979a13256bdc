// How canned responses are searched, as plain functions: the server's `?q=` and the SDK's local
// search match and rank the same way. Matching ignores case, accents and runs of whitespace, so
// "cafe" finds "Café" and "REFUND" finds `refund-policy`.
import type { CannedResponse } from './schemas/canned.js';

type Searchable = Pick<CannedResponse, 'id' | 'siteId' | 'shortcut' | 'title' | 'body' | 'category'>;

/** Text as searches compare it: accents stripped, lower case, whitespace runs as one space, trimmed. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A response's shortcut, title and body as one search key, one field per line (a query's key has
 * no line breaks, so a match never spans two fields). Stores may keep it to search in the database.
 */
export function cannedSearchText(response: Pick<CannedResponse, 'shortcut' | 'title' | 'body'>): string {
  return [response.shortcut, response.title, response.body].map(searchKey).join('\n');
}

/**
 * How well a response matches a query (lower is better), or null when it does not: 0 the shortcut
 * is the query, 1 it starts with it, 2 it contains it, 3 the title contains it, 4 the body does.
 * Every response matches a blank query, at 0.
 */
export function cannedMatchRank(response: Searchable, query: string): number | null {
  const key = searchKey(query);
  if (key === '') return 0;
  const shortcut = searchKey(response.shortcut);
  if (shortcut === key) return 0;
  if (shortcut.startsWith(key)) return 1;
  if (shortcut.includes(key)) return 2;
  if (searchKey(response.title).includes(key)) return 3;
  if (searchKey(response.body).includes(key)) return 4;
  return null;
}

export interface CannedSearchFilter {
  /** Only this site's responses. @default every site's */
  siteId?: string;
  /** Only responses in this category (exact). @default any category, or none */
  category?: string;
}

/**
 * The responses matching `query` (see `cannedMatchRank`), best first, then by shortcut; a blank
 * query keeps them all, by shortcut. `filter` narrows to a site and a category.
 */
export function searchCannedResponses<Response extends Searchable>(
  responses: readonly Response[],
  query: string,
  filter: CannedSearchFilter = {},
): Response[] {
  const ranked: { response: Response; rank: number; shortcut: string }[] = [];
  for (const response of responses) {
    if (filter.siteId !== undefined && response.siteId !== filter.siteId) continue;
    if (filter.category !== undefined && response.category !== filter.category) continue;
    const rank = cannedMatchRank(response, query);
    if (rank !== null) ranked.push({ response, rank, shortcut: searchKey(response.shortcut) });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      compare(a.shortcut, b.shortcut) ||
      compare(a.response.siteId, b.response.siteId) ||
      compare(a.response.id, b.response.id),
  );
  return ranked.map((entry) => entry.response);
}

/** Code-unit order: the same in every runtime and locale, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
