// Apart from the cards themselves (loaded with the first card) because agents' avatars, drawn with
// the chat, are checked by the same rule.

/** Whitespace, control characters or a backslash, which browsers strip or read as `/`. */
function hasUnsafeChar(value: string): boolean {
  return /[\s\\]/.test(value) || [...value].some((char) => char < ' ' || char === '\x7f');
}

/**
 * Resolves a card URL. A path (`/images/tent.svg`) resolves against the server, whatever its
 * protocol (plain http in development); an absolute URL must have one of `protocols`.
 */
export function resolveCardUrl(
  url: string | undefined,
  serverUrl: string,
  protocols: readonly string[],
): string | undefined {
  if (!url || hasUnsafeChar(url)) return undefined;
  try {
    if (url.startsWith('/')) {
      if (url.startsWith('//')) return undefined;
      const server = new URL(serverUrl);
      const resolved = new URL(url, server);
      return resolved.origin === server.origin ? resolved.href : undefined;
    }
    return protocols.includes(new URL(url).protocol) ? new URL(url).href : undefined;
  } catch {
    return undefined;
  }
}
