// The template syntax of canned responses, as plain functions with no zod: the SDK renders bodies
// with the same parser the server checks them with. A placeholder is a variable name between
// double braces, with an optional quoted fallback: `{{ contact.first_name || 'there' }}`. Nothing
// in a body is ever evaluated; a placeholder only ever looks a value up.
import { CANNED_VARIABLES } from './constants.js';

export type CannedVariable = (typeof CANNED_VARIABLES)[number] | `contact.attributes.${string}`;

/** A body cut into literal text and placeholders, in order. */
export type CannedTemplatePart =
  | { type: 'text'; text: string }
  | {
      type: 'variable';
      /** The name as written, e.g. `contact.first_name` (known or not: see `isCannedVariable`). */
      name: string;
      /** The quoted text after `||`, without its quotes; null when there is none. */
      fallback: string | null;
      /** The placeholder exactly as it stands in the body. */
      source: string;
    };

const ATTRIBUTE_PREFIX = 'contact.attributes.';

/**
 * One placeholder, matched where a `{{` stands: a dotted name (attribute keys may hold `-`), then
 * optionally `||` and a fallback in single or double quotes on one line; spaces anywhere between.
 */
const PLACEHOLDER =
  /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*)\s*(?:\|\|\s*(?:'([^'\r\n]*)'|"([^"\r\n]*)")\s*)?\}\}/y;

/** Whether a placeholder's name is one the renderer fills in. */
export function isCannedVariable(name: string): name is CannedVariable {
  if (name.startsWith(ATTRIBUTE_PREFIX)) return name.length > ATTRIBUTE_PREFIX.length;
  return (CANNED_VARIABLES as readonly string[]).includes(name);
}

/**
 * Cuts a body into text and placeholders. A `{{` that does not open a well-formed placeholder is
 * text, so a body never fails to parse.
 */
export function parseCannedTemplate(body: string): CannedTemplatePart[] {
  const parts: CannedTemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < body.length) {
    const open = body.indexOf('{{', index);
    if (open === -1) break;
    PLACEHOLDER.lastIndex = open;
    const match = PLACEHOLDER.exec(body);
    if (match === null) {
      // One character on, not two: in `{{{name}}}` the placeholder starts at the second brace.
      text += body.slice(index, open + 1);
      index = open + 1;
      continue;
    }
    text += body.slice(index, open);
    if (text !== '') parts.push({ type: 'text', text });
    text = '';
    const [source, name = '', single, double] = match;
    parts.push({ type: 'variable', name, fallback: single ?? double ?? null, source });
    index = open + source.length;
  }
  text += body.slice(index);
  if (text !== '') parts.push({ type: 'text', text });
  return parts;
}

/**
 * What is wrong with a body's placeholders, one sentence each (empty when nothing is): a variable
 * the renderer does not know (a typo would otherwise send an empty string to a customer), and a
 * `{{…}}` on one line that is not a well-formed placeholder, such as an unquoted fallback.
 */
export function cannedTemplateProblems(body: string): string[] {
  const problems: string[] = [];
  for (const part of parseCannedTemplate(body)) {
    if (part.type === 'variable') {
      if (!isCannedVariable(part.name))
        problems.push(
          `{{${part.name}}} is not a variable (use ${CANNED_VARIABLES.join(', ')} or contact.attributes.<key>)`,
        );
      continue;
    }
    for (const malformed of part.text.matchAll(/\{\{(?:(?!\{\{)[^\r\n])*?\}\}/g)) {
      problems.push(
        `${malformed[0]} is not a well-formed placeholder (write {{name}} or {{name || 'fallback'}})`,
      );
    }
  }
  return problems;
}
