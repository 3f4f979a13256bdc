// SWITCHBOARD_CONTEXT_URL, read once at start: a shop's API (a URL template) or a JSON file.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where contacts' orders and products come from. */
export type ContextSourceConfig =
  /** `GET` the template with the contact's identifiers filled in (URL-encoded). */
  | { kind: 'http'; urlTemplate: string }
  /** A JSON file keyed by email, phone or external id (see docs/configuration.md). */
  | { kind: 'file'; path: string };

/** The contact fields a URL template may use, as `{email}`. */
export const CONTEXT_PLACEHOLDERS = ['email', 'phone', 'externalId'] as const;
export type ContextPlaceholder = (typeof CONTEXT_PLACEHOLDERS)[number];

/** The demo shop's customers; in a source checkout and in the published package alike. */
export const DEMO_CONTEXT_SOURCE: ContextSourceConfig = {
  kind: 'file',
  path: fileURLToPath(new URL('../../../demo/context.json', import.meta.url)),
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** A zod transform, so a bad value is reported beside every other bad variable. */
export function parseContextSource(value: string, context: z.RefinementCtx): ContextSourceConfig {
  const problem = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (/^https?:\/\//i.test(value)) {
    const names = [...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
    const unknown = names.filter((name) => !(CONTEXT_PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown.length > 0)
      return problem(
        `unknown placeholder {${unknown[0]}}; use ${CONTEXT_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}`,
      );
    // Without one, every contact would get the same orders: surely a mistake.
    if (names.length === 0)
      return problem(`needs at least one of ${CONTEXT_PLACEHOLDERS.map((n) => `{${n}}`).join(', ')}`);
    if (!URL.canParse(value.replace(PLACEHOLDER, 'x'))) return problem('is not a valid URL');
    return { kind: 'http', urlTemplate: value };
  }
  if (/^file:/i.test(value)) {
    try {
      return { kind: 'file', path: fileURLToPath(value) };
    } catch {
      return problem('is not a valid file: URL (use file:///absolute/path.json or a plain path)');
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return problem('must be an http(s) URL, a file: URL or a path');
  return { kind: 'file', path: resolve(value) };
}
