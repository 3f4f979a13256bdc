// Whether a visitor must fill in the pre-chat form: apart from the form's checks (pre-chat.ts), since
// the widget asks this of every visitor and checks answers only for those who get the form.
import type { Contact } from './schemas/contact.js';
import type { PreChatSettings } from './schemas/pre-chat.js';

/** What a contact already holds for a field name (the contact's column, else the attribute). */
function known(contact: PreChatContact, name: string): boolean {
  const value =
    name === 'name' || name === 'email' || name === 'phone' ? contact[name] : contact.attributes[name];
  return value !== null && value !== undefined && String(value).trim() !== '';
}

export type PreChatContact = Pick<
  Contact,
  'externalId' | 'name' | 'email' | 'phone' | 'attributes' | 'preChat'
>;

/**
 * Whether this visitor must send the site's pre-chat form before a conversation starts. Nobody
 * is asked twice, and people the site already knows are not asked at all. Skipped when:
 * - the contact has sent the form before (a returning visitor);
 * - the contact is signed in by a verified identity (`externalId`): the site knows them;
 * - the contact already has a name or an email (from `setUser`, a bot or the offline form) and
 *   every required field, and the form requires no consent, which only the visitor can give.
 *
 * `contact` is null before the visitor has a session: then the form is due whenever it is on.
 */
export function preChatPending(settings: PreChatSettings | null, contact: PreChatContact | null): boolean {
  if (!settings?.enabled) return false;
  if (!contact) return true;
  if (contact.preChat !== null || contact.externalId !== null) return false;
  const identified = known(contact, 'name') || known(contact, 'email');
  const complete = settings.fields.every((field) => !field.required || known(contact, field.name));
  return !(identified && complete && !settings.consent?.required);
}
