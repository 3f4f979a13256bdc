import { DEFAULT_OFFLINE_FIELDS, type FormField } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import {
  fieldErrorsFromIssues,
  isRequired,
  offlineFormAnswers,
  validateOfflineForm,
} from './validate-offline-form.js';

const fields: FormField[] = DEFAULT_OFFLINE_FIELDS.map((f) => ({ ...f }));

describe('validateOfflineForm', () => {
  it('accepts an email and a message; the name is optional', () => {
    expect(validateOfflineForm(fields, { email: 'ada@example.com', message: 'Call me' })).toEqual({});
    expect(validateOfflineForm(fields, { name: 'Ada', email: 'ada@example.com', message: 'Hi' })).toEqual({});
  });

  it('refuses blank required fields, whitespace included', () => {
    expect(validateOfflineForm(fields, { name: '', email: ' ', message: '\n' })).toEqual({
      email: 'required',
      message: 'required',
    });
  });

  it('refuses an email that cannot be one', () => {
    for (const email of ['ada', 'ada@', 'ada@example', '@example.com', 'ada @example.com', 'ada@example.c']) {
      expect(validateOfflineForm(fields, { email, message: 'Hi' }), email).toEqual({ email: 'email' });
    }
    expect(validateOfflineForm(fields, { email: ' ada+shop@mail.example.co.uk ', message: 'Hi' })).toEqual(
      {},
    );
  });

  it('treats email and message as required even if a form says otherwise: the submission needs them', () => {
    const loose = fields.map((f) => ({ ...f, required: false }));
    expect(isRequired(loose[0]!)).toBe(false);
    expect(validateOfflineForm(loose, {})).toEqual({ email: 'required', message: 'required' });
  });
});

describe('offlineFormAnswers', () => {
  it('trims the name and email, leaves a blank name out, and keeps the message as written', () => {
    expect(offlineFormAnswers({ name: ' Ada ', email: ' ada@example.com ', message: ' Hi\n' })).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      message: ' Hi\n',
    });
    expect(offlineFormAnswers({ name: '  ', email: 'a@b.co', message: 'Hi' })).not.toHaveProperty('name');
  });
});

describe('fieldErrorsFromIssues', () => {
  it("puts the server's refusals on the fields they name and ignores the rest", () => {
    expect(
      fieldErrorsFromIssues(fields, [
        { path: 'email', message: 'Invalid email address' },
        { path: 'name', message: 'Too long' },
        { path: 'conversationId', message: 'Invalid' },
      ]),
    ).toEqual({ email: 'email', name: 'invalid' });
    expect(fieldErrorsFromIssues(fields, undefined)).toEqual({});
  });
});
