// Canned responses as the customer reads them: the body's placeholders filled in from the
// conversation's contact, the agent and the conversation. Pure: it looks values up and never
// evaluates anything, and what it returns is text (to send as a message), not HTML.
import { parseCannedTemplate, type Attributes } from '@switchboard/protocol';

/** What `renderCanned` fills placeholders from; anything left out renders as its fallback. */
export interface CannedContext {
  /** The conversation's contact, e.g. from `client.contact(conversationId)`. */
  contact?: {
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    attributes?: Readonly<Attributes>;
  } | null;
  /** Who replies, e.g. `state.agent`. */
  agent?: { name?: string | null } | null;
  conversation?: { id?: string | null } | null;
}

type Value = string | number | boolean | null | undefined;

const ATTRIBUTE_PREFIX = 'contact.attributes.';

const firstName = (name: Value): Value =>
  typeof name === 'string' ? name.trim().split(/\s+/u)[0] : undefined;

/** The value of a variable; undefined for one that is unknown or not in the context. */
function lookUp(name: string, { contact, agent, conversation }: CannedContext): Value {
  if (name.startsWith(ATTRIBUTE_PREFIX)) {
    const attributes = contact?.attributes;
    const key = name.slice(ATTRIBUTE_PREFIX.length);
    // Own keys only: `{{contact.attributes.constructor}}` must not reach Object.prototype.
    return attributes && Object.hasOwn(attributes, key) ? attributes[key] : undefined;
  }
  switch (name) {
    case 'contact.name':
      return contact?.name;
    case 'contact.first_name':
      return firstName(contact?.name);
    case 'contact.email':
      return contact?.email;
    case 'contact.phone':
      return contact?.phone;
    case 'agent.name':
      return agent?.name;
    case 'agent.first_name':
      return firstName(agent?.name);
    case 'conversation.id':
      return conversation?.id;
    default:
      return undefined;
  }
}

/**
 * Fills in a canned response's body: `{{contact.first_name}}`, `{{contact.name}}`,
 * `{{contact.email}}`, `{{contact.phone}}`, `{{contact.attributes.<key>}}`, `{{agent.name}}`,
 * `{{agent.first_name}}` and `{{conversation.id}}`, spaces allowed inside the braces. A variable
 * that is missing, blank or unknown becomes its fallback (`{{contact.first_name || 'there'}}`,
 * single or double quotes), or nothing. Text that is not a well-formed placeholder stays as it is.
 */
export function renderCanned(body: string, context: CannedContext): string {
  let text = '';
  for (const part of parseCannedTemplate(body)) {
    if (part.type === 'text') {
      text += part.text;
      continue;
    }
    const value = lookUp(part.name, context);
    const shown = value === null || value === undefined ? '' : String(value).trim();
    text += shown === '' ? (part.fallback ?? '') : shown;
  }
  return text;
}
