import type { SwitchboardError } from '@switchboard/agent-sdk';
import type { FormField } from '@switchboard/protocol';

/** Why a field was refused; the form turns it into words (see `strings`). */
export type FieldError = 'required' | 'email' | 'invalid';

/** The form's answers and refusals, by field name. */
export type FieldValues = Readonly<Record<string, string>>;
export type FieldErrors = Readonly<Record<string, FieldError>>;

/**
 * Deliberately loose (something@something.tld): it catches typos before a round trip, and the
 * server, which checks properly, has the last word (its refusal lands on the field too).
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** `offline_form:submit` cannot go without an email and a message, whatever the form says. */
export function isRequired(field: Pick<FormField, 'name' | 'required'>): boolean {
  return field.required || field.name === 'email' || field.name === 'message';
}

/** The fields the visitor must fix before the form can be sent; empty when it can. */
export function validateOfflineForm(fields: readonly FormField[], values: FieldValues): FieldErrors {
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const value = values[field.name]?.trim() ?? '';
    if (value === '') {
      if (isRequired(field)) errors[field.name] = 'required';
    } else if (field.type === 'email' && !EMAIL.test(value)) {
      errors[field.name] = 'email';
    }
  }
  return errors;
}

/** The answers as the SDK sends them: a blank name is left out. */
export function offlineFormAnswers(values: FieldValues): { name?: string; email: string; message: string } {
  const name = values.name?.trim();
  return { ...(name ? { name } : {}), email: values.email?.trim() ?? '', message: values.message ?? '' };
}

/** A server refusal (`invalid_payload` issues) as field errors, for the fields the form shows. */
export function fieldErrorsFromIssues(
  fields: readonly FormField[],
  issues: SwitchboardError['issues'],
): FieldErrors {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues ?? []) {
    const field = fields.find((f) => f.name === issue.path);
    if (field) errors[field.name] = field.type === 'email' ? 'email' : 'invalid';
  }
  return errors;
}
