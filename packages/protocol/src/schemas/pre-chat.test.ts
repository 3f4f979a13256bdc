import { describe, expect, it } from 'vitest';
import { ulid } from '../ulid.js';
import { PreChatSettings, PreChatSubmission } from './pre-chat.js';

const paths = (input: unknown) => {
  const result = PreChatSettings.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('PreChatSettings', () => {
  it('fills in a name and email form that asks for the first message, with no consent', () => {
    expect(PreChatSettings.parse({})).toEqual({
      enabled: true,
      intro: null,
      fields: [
        { name: 'name', label: 'Name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
      ],
      askForMessage: true,
      consent: null,
    });
  });

  it('takes phone and attribute fields, and a consent with an https policy link', () => {
    const settings = PreChatSettings.parse({
      fields: [
        { name: 'phone', label: 'Phone', type: 'tel' },
        { name: 'company', label: 'Company' },
      ],
      consent: { text: 'I agree to the privacy policy.', url: 'https://example.com/privacy' },
    });
    expect(settings.fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['phone', 'tel', false],
      ['company', 'text', false],
    ]);
    expect(settings.consent).toEqual({
      required: true,
      text: 'I agree to the privacy policy.',
      url: 'https://example.com/privacy',
    });
  });

  it.each([
    ['http:', 'http://example.com/privacy'],
    ['javascript:', 'javascript:alert(1)'],
    ['a slash short', 'https:/example.com'],
    ['a backslash', 'https://example.com\\@evil.com'],
    ['whitespace', 'https://example.com/pri vacy'],
    ['no URL at all', 'privacy'],
  ])('refuses a policy link with %s', (_label, url) => {
    const issues = paths({ consent: { text: 'I agree.', url } });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatch(/^consent\.url: /);
  });

  it('names each problem with its path', () => {
    expect(
      paths({
        fields: [
          { name: 'email', label: 'Email', type: 'text' },
          { name: 'email', label: 'Email again', type: 'email' },
          { name: 'message', label: 'Message', type: 'textarea' },
          { name: 'phone', label: 'Phone', type: 'text' },
        ],
        consent: { text: 'x'.repeat(301) },
      }),
    ).toEqual([
      'consent.text: Too big: expected string to have <=300 characters',
      'fields.0.type: the "email" field must be of type email',
      'fields.1.name: duplicate field',
      'fields.2.name: "message" is reserved for the first message (askForMessage)',
      'fields.3.type: the "phone" field must be of type tel',
    ]);
  });

  it('refuses an enabled form that asks for nothing, unknown keys and more than 10 fields', () => {
    expect(paths({ fields: [], askForMessage: false })).toEqual([
      'fields: an enabled form must ask for something',
    ]);
    expect(paths({ enabled: false, fields: [], askForMessage: false })).toEqual([]);
    expect(paths({ colour: 'red' })).toHaveLength(1);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, label: `F${i}` }));
    expect(paths({ fields: many })).toHaveLength(1);
  });
});

describe('PreChatSubmission', () => {
  it('defaults to no fields and no consent', () => {
    expect(PreChatSubmission.parse({})).toEqual({ fields: {}, consent: false });
  });

  it('wants a clientMessageId with a first message, and a non-blank message', () => {
    expect(PreChatSubmission.safeParse({ message: 'Hi' }).success).toBe(false);
    expect(PreChatSubmission.safeParse({ message: '  ', clientMessageId: ulid() }).success).toBe(false);
    expect(PreChatSubmission.safeParse({ message: 'Hi', clientMessageId: ulid() }).success).toBe(true);
  });

  it('refuses non-string answers, overlong ones and unknown keys', () => {
    expect(PreChatSubmission.safeParse({ fields: { name: 42 } }).success).toBe(false);
    expect(PreChatSubmission.safeParse({ fields: { notes: 'x'.repeat(1001) } }).success).toBe(false);
    expect(PreChatSubmission.safeParse({ fields: {}, html: '<b>' }).success).toBe(false);
  });
});
