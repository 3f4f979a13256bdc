import type { PreChatSettings } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { ar } from '../i18n/ar.js';
import { en } from '../i18n/en.js';
import { withPartStrings } from '../i18n/en-parts.js';
import { policyHref } from './policy-link.js';
import { errorsFromIssues, hasErrors, NO_ERRORS, problemText, validatePreChat } from './validate-pre-chat.js';

const FORM: PreChatSettings = {
  enabled: true,
  intro: null,
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'phone', label: 'Phone', type: 'tel', required: false },
  ],
  askForMessage: true,
  consent: { required: true, text: 'I agree.', url: 'https://example.com/privacy' },
};

describe('validatePreChat', () => {
  it('passes complete answers', () => {
    const errors = validatePreChat(FORM, {
      fields: { name: 'Ada', email: 'ada@example.com' },
      message: 'Hi',
      consent: true,
    });
    expect(hasErrors(errors)).toBe(false);
  });

  it('names each field, the consent and the message to fix', () => {
    expect(
      validatePreChat(FORM, { fields: { email: 'ada@', phone: 'call me' }, message: ' ', consent: false }),
    ).toEqual({
      fields: { name: 'required', email: 'email', phone: 'tel' },
      consent: 'required',
      message: 'required',
    });
  });

  it('ignores what the visitor typed for a message when the form does not ask for one', () => {
    const quiet = { ...FORM, askForMessage: false, consent: null };
    expect(
      hasErrors(
        validatePreChat(quiet, {
          fields: { name: 'Ada', email: 'ada@example.com' },
          message: 'x',
          consent: false,
        }),
      ),
    ).toBe(false);
  });
});

describe('errorsFromIssues', () => {
  it('reads the server’s wording back into problems', () => {
    expect(
      errorsFromIssues([
        { path: 'fields.email', message: 'must be an email address' },
        { path: 'consent', message: 'is required' },
        { path: 'fields.gone', message: 'is not a field of this form' },
        { path: 'fields.name', message: 'something new' },
      ]),
    ).toEqual({
      fields: { email: 'email', gone: 'unknown', name: 'unknown' },
      consent: 'required',
      message: undefined,
    });
    expect(hasErrors(errorsFromIssues(undefined))).toBe(false);
    expect(hasErrors(NO_ERRORS)).toBe(false);
  });
});

describe('problemText', () => {
  const english = withPartStrings(en);

  it('words each problem in the visitor’s language, the consent box its own way', () => {
    expect(problemText('required', english)).toBe(english.fieldRequired);
    expect(problemText('required', english, true)).toBe(english.consentRequired);
    expect(problemText('email', ar)).toBe(ar.fieldEmail);
    expect(problemText('tel', english)).toBe(english.fieldPhone);
    expect(problemText('too_long', english)).toBe(english.fieldTooLong);
    expect(problemText('unknown', english)).toBe(english.fieldInvalid);
  });
});

describe('policyHref', () => {
  it('links https pages only', () => {
    expect(policyHref('https://example.com/privacy')).toBe('https://example.com/privacy');
    for (const url of [
      'http://example.com/privacy',
      'javascript:alert(1)',
      'https://exa mple.com',
      'https:\\\\evil.com',
      '',
      null,
    ])
      expect(policyHref(url)).toBeUndefined();
  });
});
