// How a contact is looked up at the shop: by the identifiers the shop itself may know them by.
import type { Contact } from '@switchboard/protocol';
import type { ContextPlaceholder } from './source-config.js';

/** The contact's identifiers a provider is asked with; null where the contact has none. */
export type ContactIdentity = Record<ContextPlaceholder, string | null>;

export function identityOf(contact: Pick<Contact, 'email' | 'phone' | 'externalId'>): ContactIdentity {
  return { email: contact.email, phone: contact.phone, externalId: contact.externalId };
}

/** An anonymous visitor: nobody to ask about. */
export function isAnonymous(identity: ContactIdentity): boolean {
  return identity.email === null && identity.phone === null && identity.externalId === null;
}

/**
 * One spelling per identifier, so a file keyed "Sam@Example.com" or "+44 20 7946 0958" matches
 * what the visitor typed: emails compare without case, phone numbers without punctuation.
 */
export function lookupKey(value: string): string {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  if (/^\+?[\d\s()./-]+$/.test(trimmed)) return trimmed.replace(/[^\d+]/g, '');
  return trimmed;
}

/** The contact's keys, most specific first: the shop's own id, then email, then phone. */
export function lookupKeys(identity: ContactIdentity): string[] {
  return [identity.externalId, identity.email, identity.phone]
    .filter((value): value is string => value !== null && value.trim() !== '')
    .map(lookupKey);
}
