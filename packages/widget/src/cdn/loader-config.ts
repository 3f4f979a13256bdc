// Pure: which script tag embedded us and what it asks for. Kept apart from the DOM so it is
// tested without a browser.

/** The part of `HTMLScriptElement` read here. */
export interface ScriptTag {
  /** The resolved, absolute URL, as the `src` property gives it. */
  readonly src: string;
  getAttribute(name: string): string | null;
}

export interface LoaderConfig {
  siteKey: string | null;
  serverUrl: string;
}

/**
 * Finds the script tag that loaded the module at `moduleUrl`. Module scripts have no
 * `document.currentScript`, so the tag is matched by URL. A redirect makes the module's URL
 * differ from the tag's; the first tag carrying `data-site-key` is the fallback.
 */
export function findLoaderScript<T extends ScriptTag>(scripts: Iterable<T>, moduleUrl: string): T | null {
  let fallback: T | null = null;
  for (const script of scripts) {
    if (script.src === moduleUrl) return script;
    if (!fallback && script.getAttribute('data-site-key') !== null) fallback = script;
  }
  return fallback;
}

/**
 * Reads `data-site-key` and `data-server-url` from the loader's tag. The server URL defaults to
 * the origin that served the loader, since a Switchboard server serves its own widget; a
 * relative one is resolved against the page (`baseUrl`).
 */
export function resolveLoaderConfig(
  script: ScriptTag | null,
  moduleUrl: string,
  baseUrl: string,
): LoaderConfig {
  const siteKey = script?.getAttribute('data-site-key')?.trim() || null;
  const serverUrl = script?.getAttribute('data-server-url')?.trim();
  return {
    siteKey,
    serverUrl: serverUrl ? new URL(serverUrl, baseUrl).href.replace(/\/+$/, '') : new URL(moduleUrl).origin,
  };
}
