import type { Message, OfflineFormSubmission } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { conversation, message } from '../testing/factories.js';
import { createOfflineFormSubmitter, validateOfflineForm } from './offline-form.js';

/** A submitter whose server fails the first `failures` requests with `internal`, then stores. */
function setup(failures = 0) {
  const requests: OfflineFormSubmission[] = [];
  const applied: Message[] = [];
  let current = conversation('conv_1', { status: 'queued' });
  const submit = createOfflineFormSubmitter({
    conversation: () => Promise.resolve(current),
    request: (payload) => {
      requests.push(payload);
      if (requests.length <= failures) return Promise.reject(new SwitchboardError('timeout', 'No ack'));
      return Promise.resolve(
        message(requests.length, {
          conversationId: payload.conversationId,
          clientMessageId: payload.clientMessageId,
          text: payload.message,
        }),
      );
    },
    onSubmitted: (stored) => applied.push(stored),
  });
  return { submit, requests, applied, switchTo: (id: string) => (current = conversation(id)) };
}

describe('validateOfflineForm', () => {
  it('accepts an email and a message, with or without a name', () => {
    expect(validateOfflineForm({ email: 'ada@example.com', message: 'Call me' })).toBeNull();
    expect(validateOfflineForm({ name: 'Ada', email: 'ada@example.com', message: 'Call me' })).toBeNull();
  });

  it('names the field the server would refuse', () => {
    expect(validateOfflineForm({ email: '  ', message: 'Call me' })?.issues).toEqual([
      { path: 'email', message: 'must not be blank' },
    ]);
    const blank = validateOfflineForm({ email: 'ada@example.com', message: ' \n' });
    expect(blank?.code).toBe('invalid_payload');
    expect(blank?.issues).toEqual([{ path: 'message', message: 'must not be blank' }]);
    expect(validateOfflineForm({ email: 'a@b.co', message: 'x'.repeat(4001) })?.issues?.[0]?.path).toBe(
      'message',
    );
  });
});

describe('submitting the offline form', () => {
  it('sends the answers for the current conversation under a fresh ULID and applies the stored message', async () => {
    const { submit, requests, applied } = setup();
    const stored = await submit({ name: '  Ada ', email: ' ada@example.com ', message: 'Please call me' });
    expect(requests).toEqual([
      {
        conversationId: 'conv_1',
        clientMessageId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) as unknown,
        name: 'Ada',
        email: 'ada@example.com',
        message: 'Please call me',
      },
    ]);
    expect(stored.clientMessageId).toBe(requests[0]?.clientMessageId);
    expect(applied).toEqual([stored]);
  });

  it('leaves a blank name out of the strict payload', async () => {
    const { submit, requests } = setup();
    await submit({ name: ' ', email: 'ada@example.com', message: 'Hi' });
    expect(requests[0]).not.toHaveProperty('name');
  });

  it('retries the same answers under the same clientMessageId, and new answers under a new one', async () => {
    const { submit, requests, applied } = setup(1);
    const answers = { email: 'ada@example.com', message: 'Please call me' };
    await expect(submit(answers)).rejects.toMatchObject({ code: 'timeout' });
    expect(applied).toEqual([]);
    await submit({ ...answers });
    await submit({ ...answers, message: 'Something else' });
    const [first, retry, other] = requests.map((r) => r.clientMessageId);
    expect(retry).toBe(first);
    expect(other).not.toBe(first);
  });

  it('does not reuse an id in another conversation', async () => {
    const { submit, requests, switchTo } = setup();
    const answers = { email: 'ada@example.com', message: 'Please call me' };
    await submit(answers);
    switchTo('conv_2');
    await submit(answers);
    expect(requests[1]?.clientMessageId).not.toBe(requests[0]?.clientMessageId);
  });

  it('refuses invalid answers without a request', async () => {
    const { submit, requests } = setup();
    await expect(submit({ email: '', message: 'Hi' })).rejects.toBeInstanceOf(SwitchboardError);
    expect(requests).toEqual([]);
  });
});
