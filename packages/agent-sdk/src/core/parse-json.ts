/** The JSON in `text`, or null when it is not JSON (an error page from a proxy, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
