// The fields the bot asks for: which ones are already known, and whether an answer is acceptable.
import type { CollectField } from '@switchboard/protocol';

export interface ContactFacts {
  name: string | null;
  email: string | null;
  attributes: Record<string, string | number | boolean | null>;
}

// Deliberately loose: the agent reads the address, so "looks like an email" is enough here.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The limits of a collected value in a bot turn (BotTurn.collected) and of a contact email.
const MAX_VALUE = 1000;
const MAX_EMAIL = 320;

const DEFAULT_RETRY: Record<CollectField['validate'], string> = {
  text: "Sorry, I didn't catch that. Could you try again?",
  email: "That doesn't look like a valid email address. Could you check it?",
  pattern: "That doesn't look right. Could you check it and try again?",
};

/** Whether the contact (or an earlier answer in this conversation) already gives the field. */
export function isKnown(name: string, contact: ContactFacts, collected: Record<string, string>): boolean {
  if (collected[name] !== undefined) return true;
  const value = name === 'name' ? contact.name : name === 'email' ? contact.email : contact.attributes[name];
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/** The trimmed answer when it passes the field's check, otherwise null. */
export function acceptAnswer(field: CollectField, text: string): string | null {
  const answer = text.trim();
  if (answer === '' || answer.length > MAX_VALUE) return null;
  switch (field.validate) {
    case 'text':
      return answer;
    case 'email':
      return answer.length <= MAX_EMAIL && EMAIL.test(answer) ? answer : null;
    case 'pattern':
      return new RegExp(field.pattern ?? '').test(answer) ? answer : null;
  }
}

export function retryText(field: CollectField): string {
  return field.retry ?? DEFAULT_RETRY[field.validate];
}
