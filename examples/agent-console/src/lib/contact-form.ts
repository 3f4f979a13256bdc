// The contact editor's form against the contact it was filled from: what to send to
// `updateContact`, only what the agent changed.
import type { Attributes, Contact, UpdateContactRequest } from '@switchboard/protocol';

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
  /** In the order shown; a blank key is a row the agent has not filled in. */
  attributes: { key: string; value: string }[];
}

export function contactForm(contact: Contact): ContactForm {
  return {
    name: contact.name ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    attributes: Object.entries(contact.attributes)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => ({ key, value: String(value) })),
  };
}

/**
 * An attribute's value as typed, kept of the type it had: a number stays a number when it still
 * reads as one, a yes/no stays a boolean; anything else (and every new attribute) is text.
 */
export function attributeValue(
  typed: string,
  previous: Attributes[string] | undefined,
): string | number | boolean {
  const text = typed.trim();
  if (typeof previous === 'number' && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof previous === 'boolean') {
    if (/^(true|yes)$/i.test(text)) return true;
    if (/^(false|no)$/i.test(text)) return false;
  }
  return text;
}

/** Blank means "clear it". */
const field = (typed: string): string | null => (typed.trim() === '' ? null : typed.trim());

/** The changes the form makes to the contact, or null when it makes none. */
export function contactChanges(contact: Contact, form: ContactForm): UpdateContactRequest | null {
  const changes: UpdateContactRequest = {};
  for (const name of ['name', 'email', 'phone'] as const) {
    const value = field(form[name]);
    if (value !== contact[name]) changes[name] = value;
  }
  const attributes: Record<string, string | number | boolean | null> = {};
  const kept = new Set<string>();
  for (const row of form.attributes) {
    const key = row.key.trim();
    if (key === '') continue;
    kept.add(key);
    const value = attributeValue(row.value, contact.attributes[key]);
    if (value !== contact.attributes[key]) attributes[key] = value;
  }
  for (const [key, value] of Object.entries(contact.attributes))
    if (!kept.has(key) && value !== null) attributes[key] = null;
  if (Object.keys(attributes).length > 0) changes.attributes = attributes;
  return Object.keys(changes).length > 0 ? changes : null;
}
