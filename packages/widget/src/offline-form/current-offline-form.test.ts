import { DEFAULT_OFFLINE_FIELDS } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { currentOfflineForm } from './current-offline-form.js';

const offline = () =>
  message({
    authorKind: 'system',
    authorId: null,
    text: 'We are closed.',
    form: { kind: 'offline', fields: DEFAULT_OFFLINE_FIELDS.map((f) => ({ ...f })) },
  });

describe('currentOfflineForm', () => {
  it('is null without a form', () => {
    expect(currentOfflineForm([message({}), message({ authorKind: 'bot' })], null, null)).toBeNull();
  });

  it('offers the latest form only', () => {
    const older = offline();
    const latest = offline();
    expect(currentOfflineForm([older, message({}), latest], null, null)).toBe(latest);
  });

  it('stays while the team has no email, even when the visitor writes after it', () => {
    // A site without a bot posts the form when the conversation starts, before the first message.
    const form = offline();
    expect(currentOfflineForm([form, message({ text: 'Hello?' })], null, null)).toBe(form);
    expect(currentOfflineForm([form], 'ada@example.com', null)).toBe(form);
  });

  it('goes once the contact has an email and the visitor has written since', () => {
    const form = offline();
    expect(currentOfflineForm([form, message({})], 'ada@example.com', null)).toBeNull();
    // Messages from others do not answer it.
    expect(currentOfflineForm([form, message({ authorKind: 'agent' })], 'ada@example.com', null)).toBe(form);
  });

  it('keeps the form the visitor is busy with or has sent, until a newer one comes', () => {
    const form = offline();
    const answered = [form, message({})];
    expect(currentOfflineForm(answered, 'ada@example.com', form.id)).toBe(form);
    const newer = offline();
    expect(currentOfflineForm([...answered, newer], 'ada@example.com', form.id)).toBe(newer);
  });
});
