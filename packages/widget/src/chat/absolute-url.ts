/**
 * `server-url` may be relative to the page (`/`); pictures and links on the server resolve
 * against its absolute form. Empty when it cannot be read (nothing then resolves against it).
 */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return '';
  }
}
