import { describe, expect, it } from 'vitest';
import { checkPreChat } from './pre-chat.js';
import { preChatPending, type PreChatContact } from './pre-chat-pending.js';
import { PreChatSettings } from './schemas/pre-chat.js';

const settings = PreChatSettings.parse({
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'phone', label: 'Phone', type: 'tel' },
    { name: 'company', label: 'Company' },
  ],
  consent: { text: 'I agree to the privacy policy.' },
});

const good = {
  fields: { name: 'Ada', email: 'ada@example.com' },
  consent: true,
  message: 'My parcel is late.',
};

describe('checkPreChat', () => {
  it('passes complete answers, with blank optional fields left out or empty', () => {
    expect(checkPreChat(settings, good)).toEqual([]);
    expect(checkPreChat(settings, { ...good, fields: { ...good.fields, phone: ' ', company: '' } })).toEqual(
      [],
    );
  });

  it('names every problem in the form’s order', () => {
    expect(
      checkPreChat(settings, {
        fields: { name: '  ', email: 'ada@', phone: '12', colour: 'red' },
        consent: false,
        message: ' ',
      }),
    ).toEqual([
      { path: 'fields.name', problem: 'required' },
      { path: 'fields.email', problem: 'email' },
      { path: 'fields.phone', problem: 'tel' },
      { path: 'fields.colour', problem: 'unknown' },
      { path: 'consent', problem: 'required' },
      { path: 'message', problem: 'required' },
    ]);
  });

  it('checks phone numbers and lengths per field', () => {
    const phone = (value: string) =>
      checkPreChat(settings, { ...good, fields: { ...good.fields, phone: value } });
    expect(phone('+44 (20) 7946-0958')).toEqual([]);
    expect(phone('call me')).toEqual([{ path: 'fields.phone', problem: 'tel' }]);
    expect(phone('1'.repeat(33))).toEqual([{ path: 'fields.phone', problem: 'too_long' }]);
    expect(checkPreChat(settings, { ...good, fields: { ...good.fields, name: 'x'.repeat(256) } })).toEqual([
      { path: 'fields.name', problem: 'too_long' },
    ]);
    expect(checkPreChat(settings, { ...good, message: 'x'.repeat(4001) })).toEqual([
      { path: 'message', problem: 'too_long' },
    ]);
  });

  it('refuses a first message the form does not ask for, and lets an optional consent go unticked', () => {
    const quiet = { ...settings, askForMessage: false, consent: { ...settings.consent!, required: false } };
    expect(checkPreChat(quiet, { ...good, consent: false, message: undefined })).toEqual([]);
    expect(checkPreChat(quiet, good)).toEqual([{ path: 'message', problem: 'not_asked' }]);
  });
});

describe('preChatPending', () => {
  const anonymous: PreChatContact = {
    externalId: null,
    name: null,
    email: null,
    phone: null,
    attributes: {},
    preChat: null,
  };
  const plain = PreChatSettings.parse({});

  it('is due for a new visitor while the form is on, and never when it is off or missing', () => {
    expect(preChatPending(plain, null)).toBe(true);
    expect(preChatPending(plain, anonymous)).toBe(true);
    expect(preChatPending({ ...plain, enabled: false }, anonymous)).toBe(false);
    expect(preChatPending(null, anonymous)).toBe(false);
  });

  it('is not due for a visitor who sent it before, or one signed in by a verified identity', () => {
    const sent = { submittedAt: '2025-01-01T00:00:00.000Z', answers: [], consent: null };
    expect(preChatPending(settings, { ...anonymous, preChat: sent })).toBe(false);
    expect(preChatPending(settings, { ...anonymous, externalId: 'u_42' })).toBe(false);
  });

  it('is skipped for a contact already holding every required field, unless consent is required', () => {
    const known = { ...anonymous, name: 'Ada', email: 'ada@example.com' };
    expect(preChatPending(plain, known)).toBe(false);
    expect(preChatPending(plain, { ...known, name: null })).toBe(true);
    expect(preChatPending(settings, known)).toBe(true);
    // A required attribute counts once the contact has it.
    const withCompany = PreChatSettings.parse({
      fields: [{ name: 'company', label: 'Company', required: true }],
    });
    expect(preChatPending(withCompany, { ...known, attributes: { company: 'ACME' } })).toBe(false);
    expect(preChatPending(withCompany, { ...known, attributes: { company: ' ' } })).toBe(true);
  });

  it('asks a visitor nothing is known about even when every field is optional', () => {
    const optional = PreChatSettings.parse({ fields: [{ name: 'name', label: 'Name' }] });
    expect(preChatPending(optional, anonymous)).toBe(true);
  });
});
