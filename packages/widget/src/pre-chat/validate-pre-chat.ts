import type { SwitchboardError } from '@switchboard/agent-sdk';
import {
  checkPreChat,
  PRE_CHAT_PROBLEM_TEXT,
  type PreChatProblem,
  type PreChatSettings,
} from '@switchboard/protocol';
import type { Translation } from '../i18n/en.js';

/** What the visitor has entered so far. */
export interface PreChatValues {
  fields: Readonly<Record<string, string>>;
  message: string;
  consent: boolean;
}

/** What to fix, by field name, and for the consent box and the message. */
export interface PreChatErrors {
  fields: Readonly<Record<string, PreChatProblem>>;
  consent?: PreChatProblem | undefined;
  message?: PreChatProblem | undefined;
}

export const NO_ERRORS: PreChatErrors = { fields: {} };

export function hasErrors(errors: PreChatErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 || errors.consent !== undefined || errors.message !== undefined
  );
}

/** Issues as `checkPreChat` or the server name them (`fields.email`, `consent`), as errors. */
function toErrors(issues: readonly { path: string; problem: PreChatProblem }[]): PreChatErrors {
  const fields: Record<string, PreChatProblem> = {};
  let consent: PreChatProblem | undefined;
  let message: PreChatProblem | undefined;
  for (const { path, problem } of issues) {
    if (path.startsWith('fields.')) fields[path.slice('fields.'.length)] ??= problem;
    else if (path === 'consent') consent ??= problem;
    else if (path === 'message') message ??= problem;
  }
  return { fields, consent, message };
}

/** The checks the server makes, run before sending, so the visitor hears of a typo at once. */
export function validatePreChat(settings: PreChatSettings, values: PreChatValues): PreChatErrors {
  return toErrors(
    checkPreChat(settings, {
      fields: values.fields,
      consent: values.consent,
      // The field is only drawn when the form asks for it.
      message: settings.askForMessage ? values.message : undefined,
    }),
  );
}

/** A server refusal as errors; the server words problems as `PRE_CHAT_PROBLEM_TEXT` does. */
export function errorsFromIssues(issues: SwitchboardError['issues']): PreChatErrors {
  const problems = Object.entries(PRE_CHAT_PROBLEM_TEXT) as [PreChatProblem, string][];
  return toErrors(
    (issues ?? []).map(({ path, message }) => ({
      path,
      problem: problems.find(([, text]) => text === message)?.[0] ?? 'unknown',
    })),
  );
}

/** The words for a problem, in the visitor's language. */
export function problemText(problem: PreChatProblem, text: Translation, consent = false): string {
  switch (problem) {
    case 'required':
      return consent ? text.consentRequired : text.fieldRequired;
    case 'email':
      return text.fieldEmail;
    case 'tel':
      return text.fieldPhone;
    case 'too_long':
      return text.fieldTooLong;
    default:
      return text.fieldInvalid;
  }
}
