import type { PreChatResult, PreChatSettings, PreChatSubmission } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { conversation, message } from '../testing/factories.js';
import { createPreChatSubmitter, validatePreChat } from './pre-chat.js';

const FORM: PreChatSettings = {
  enabled: true,
  intro: null,
  fields: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'email', label: 'Email', type: 'email', required: true },
    { name: 'company', label: 'Company', type: 'text', required: false },
  ],
  askForMessage: true,
  consent: { required: true, text: 'I agree.', url: null },
};

const GOOD = {
  fields: { name: ' Ada ', email: 'ada@example.com', company: ' ' },
  consent: true,
  message: 'Hi',
};

/** A submitter whose server times out the first `failures` requests, then answers. */
function setup({
  settings = FORM,
  failures = 0,
}: { settings?: PreChatSettings | null; failures?: number } = {}) {
  const requests: PreChatSubmission[] = [];
  const applied: PreChatResult[] = [];
  let connects = 0;
  const submit = createPreChatSubmitter({
    settings: () => Promise.resolve(settings),
    connect: () => {
      connects++;
      return Promise.resolve();
    },
    request: (payload) => {
      requests.push(payload);
      if (requests.length <= failures) return Promise.reject(new SwitchboardError('timeout', 'No ack'));
      return Promise.resolve({
        contact: {} as PreChatResult['contact'],
        conversation: conversation('conv_1'),
        message: message(1, { clientMessageId: payload.clientMessageId ?? '', text: payload.message ?? '' }),
      });
    },
    onSubmitted: (result) => {
      applied.push(result);
      return Promise.resolve();
    },
  });
  return { submit, requests, applied, connects: () => connects };
}

describe('validatePreChat', () => {
  it('names what the server would refuse, as the server words it', () => {
    expect(validatePreChat(FORM, GOOD)).toBeNull();
    const refused = validatePreChat(FORM, { fields: { email: 'ada@' }, message: '' });
    expect(refused?.code).toBe('invalid_payload');
    expect(refused?.issues).toEqual([
      { path: 'fields.name', message: 'is required' },
      { path: 'fields.email', message: 'must be an email address' },
      { path: 'consent', message: 'is required' },
      { path: 'message', message: 'is required' },
    ]);
  });
});

describe('submitting the pre-chat form', () => {
  it('connects, then sends trimmed answers without blanks, the consent, and the message under a fresh ULID', async () => {
    const { submit, requests, applied, connects } = setup();
    const result = await submit(GOOD);
    expect(connects()).toBe(1);
    expect(requests).toEqual([
      {
        fields: { name: 'Ada', email: 'ada@example.com' },
        consent: true,
        message: 'Hi',
        clientMessageId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) as unknown,
      },
    ]);
    expect(applied).toEqual([result]);
  });

  it('retries the same answers under the same clientMessageId, and new answers under a new one', async () => {
    const { submit, requests, applied } = setup({ failures: 1 });
    await expect(submit(GOOD)).rejects.toMatchObject({ code: 'timeout' });
    expect(applied).toEqual([]);
    await submit({ ...GOOD });
    await submit({ ...GOOD, message: 'Something else' });
    const [first, retry, other] = requests.map((r) => r.clientMessageId);
    expect(retry).toBe(first);
    expect(other).not.toBe(first);
  });

  it('sends no message (nor an id) when the form does not ask for one', async () => {
    const { submit, requests } = setup({ settings: { ...FORM, askForMessage: false } });
    await submit({ fields: GOOD.fields, consent: true });
    expect(requests).toEqual([{ fields: { name: 'Ada', email: 'ada@example.com' }, consent: true }]);
  });

  it('refuses invalid answers, or a site without a form, before connecting', async () => {
    const invalid = setup();
    await expect(invalid.submit({ ...GOOD, consent: false })).rejects.toMatchObject({
      code: 'invalid_payload',
      issues: [{ path: 'consent', message: 'is required' }],
    });
    const none = setup({ settings: null });
    await expect(none.submit(GOOD)).rejects.toMatchObject({ code: 'conflict' });
    expect(invalid.connects() + none.connects()).toBe(0);
    expect([...invalid.requests, ...none.requests]).toEqual([]);
  });
});
