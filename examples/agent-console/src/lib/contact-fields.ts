// What the bot (or the offline form) learned about a visitor, as label/value rows for the
// handoff panel: name and email always, so the agent sees what is still missing, then every
// attribute in the order the contact holds them.
import type { Contact } from '@switchboard/protocol';

export interface ContactField {
  /** The contact property or attribute key, e.g. `email` or `orderNumber`. */
  name: string;
  label: string;
  /** Empty when the contact does not have it. */
  value: string;
}

export function contactFields(contact: Pick<Contact, 'name' | 'email' | 'attributes'>): ContactField[] {
  const fields: ContactField[] = [
    { name: 'name', label: 'Name', value: contact.name ?? '' },
    { name: 'email', label: 'Email', value: contact.email ?? '' },
  ];
  for (const [key, value] of Object.entries(contact.attributes)) {
    // An attribute cleared to null is one the contact no longer has.
    if (value === null) continue;
    fields.push({ name: key, label: fieldLabel(key), value: attributeText(value) });
  }
  return fields;
}

/** `orderNumber` and `order_number` both read "Order number". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

function attributeText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
