// Keyword matching on normalised text. Both the message and the keywords go through `normalize`,
// so "Where's my order?!" and the keyword "where's my order" compare equal, and padding with
// spaces turns a substring test into a whole-word one ("hi" never matches "this").

const APOSTROPHES = /['’`]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lowercase words separated by single spaces; punctuation is dropped. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').replace(NOT_WORD, ' ').trim();
}

/** Whether the normalised `text` contains the normalised `phrase` as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  return phrase !== '' && ` ${text} `.includes(` ${phrase} `);
}

/** The keywords (normalised) that occur in the normalised `text`, without repeats. */
export function matchingKeywords(text: string, keywords: readonly string[]): string[] {
  const hits = new Set<string>();
  for (const keyword of keywords) {
    const phrase = normalize(keyword);
    if (containsPhrase(text, phrase)) hits.add(phrase);
  }
  return [...hits];
}

/** Cuts `text` to `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
