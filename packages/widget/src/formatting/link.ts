/** The only protocols a message link may have; anything else stays text. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** How a link may begin; matched without regard to case. `www.` links are given https. */
const PREFIXES = ['https://', 'http://', 'mailto:', 'www.'] as const;

/**
 * Ends a URL: whitespace, control characters, quotes, angle brackets, backticks, and bidi
 * controls, which could make a link's text read as going somewhere it does not.
 */
const URL_END = /[\s<>"`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function endsUrl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f || URL_END.test(char);
}

/** Punctuation that ends a sentence or wraps a link rather than belonging to it. */
const TRAILING = '.,:;!?\'")]}*_~';

/** Returns `url` normalised if it parses and its protocol is allowed, else undefined. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export interface FoundLink {
  /** Where the candidate ends, trailing punctuation excluded. */
  end: number;
  /** The safe href, or undefined when the candidate is not a valid link (it then stays text). */
  href: string | undefined;
}

/**
 * Looks for a link starting at `start`; undefined when no link prefix is there. The caller checks
 * that `start` is at a word boundary.
 */
export function findLink(text: string, start: number): FoundLink | undefined {
  const prefix = PREFIXES.find((p) => text.slice(start, start + p.length).toLowerCase() === p);
  if (!prefix) return undefined;
  let end = start + prefix.length;
  let unclosed = 0;
  while (end < text.length && !endsUrl(text[end]!)) {
    if (text[end] === '(') unclosed++;
    else if (text[end] === ')') unclosed--;
    end++;
  }
  // A closing parenthesis stays when it closes one opened in the URL, as in Wikipedia's links.
  while (end > start && TRAILING.includes(text[end - 1]!)) {
    if (text[end - 1] === ')') {
      if (unclosed >= 0) break;
      unclosed++;
    }
    end--;
  }
  if (end <= start + prefix.length) return { end, href: undefined };
  const written = text.slice(start, end);
  return { end, href: safeHref(prefix === 'www.' ? `https://${written}` : written) };
}
