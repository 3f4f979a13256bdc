// The pre-chat form's rules, as plain functions with no zod, so the widget checks answers exactly
// as the server will (and the server can name every problem), at no cost to client bundles.
import { MAX_MESSAGE_TEXT } from './constants.js';
import type { PreChatSettings } from './schemas/pre-chat.js';

/** Field names that fill the contact's own columns, and the type each must have. */
export const PRE_CHAT_CONTACT_FIELDS: Readonly<Record<string, 'text' | 'email' | 'tel'>> = {
  name: 'text',
  email: 'email',
  phone: 'tel',
};

/** The longest answer a field takes: what the contact's column (or an attribute) holds. */
export function preChatValueLimit(fieldName: string): number {
  switch (fieldName) {
    case 'name':
      return 255;
    case 'email':
      return 320;
    case 'phone':
      return 32;
    default:
      return 1000;
  }
}

/** zod's email pattern, so that an address the widget accepts is one the server accepts too. */
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Digits with the usual separators, an optional leading +, and at least five digits. */
const PHONE = /^\+?[\d\s().-]+$/;

export type PreChatProblem =
  /** Left blank, or (for `consent`) not ticked, though the form requires it. */
  | 'required'
  | 'email'
  | 'tel'
  | 'too_long'
  /** A field the site's form does not have. */
  | 'unknown'
  /** A first message, though the form does not ask for one. */
  | 'not_asked';

/** How the server words each problem in an `invalid_payload` issue (clients translate the code instead). */
export const PRE_CHAT_PROBLEM_TEXT: Readonly<Record<PreChatProblem, string>> = {
  required: 'is required',
  email: 'must be an email address',
  tel: 'must be a phone number',
  too_long: 'is too long',
  unknown: 'is not a field of this form',
  not_asked: 'is not asked for by this form',
};

/** `path` is `fields.<name>`, `consent` or `message`. */
export interface PreChatIssue {
  path: string;
  problem: PreChatProblem;
}

export interface PreChatAnswers {
  fields: Readonly<Record<string, string>>;
  consent: boolean;
  message?: string | undefined;
}

type FormRules = Pick<PreChatSettings, 'fields' | 'askForMessage' | 'consent'>;

function valueProblem(type: string, value: string, limit: number): PreChatProblem | null {
  if (value.length > limit) return 'too_long';
  if (type === 'email' && !EMAIL.test(value)) return 'email';
  if (type === 'tel' && (!PHONE.test(value) || value.replace(/\D/g, '').length < 5)) return 'tel';
  return null;
}

/** Every problem with the answers, in the form's order; empty when the form may be sent. */
export function checkPreChat(settings: FormRules, answers: PreChatAnswers): PreChatIssue[] {
  const issues: PreChatIssue[] = [];
  const known = new Set(settings.fields.map((field) => field.name));
  for (const field of settings.fields) {
    const value = answers.fields[field.name]?.trim() ?? '';
    const problem =
      value === ''
        ? field.required
          ? 'required'
          : null
        : valueProblem(field.type, value, preChatValueLimit(field.name));
    if (problem) issues.push({ path: `fields.${field.name}`, problem });
  }
  for (const name of Object.keys(answers.fields)) {
    if (!known.has(name)) issues.push({ path: `fields.${name}`, problem: 'unknown' });
  }
  if (settings.consent?.required && answers.consent !== true)
    issues.push({ path: 'consent', problem: 'required' });
  const message = answers.message ?? '';
  if (!settings.askForMessage) {
    if (message !== '') issues.push({ path: 'message', problem: 'not_asked' });
  } else if (message.trim() === '') {
    issues.push({ path: 'message', problem: 'required' });
  } else if (message.length > MAX_MESSAGE_TEXT) {
    issues.push({ path: 'message', problem: 'too_long' });
  }
  return issues;
}
