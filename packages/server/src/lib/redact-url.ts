/**
 * A receiver's URL as shown in errors, which agents see: credentials and query strings often
 * carry tokens, so they are dropped.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return '(invalid URL)';
  }
}
