import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { ownReceipt } from './own-receipt.js';

describe('ownReceipt', () => {
  it('is the visitor’s latest message, read once an agent read up to its seq', () => {
    const first = message({ seq: 1, authorKind: 'visitor' });
    const second = message({ seq: 2, authorKind: 'visitor' });
    const reply = message({ seq: 3, authorKind: 'agent' });
    const messages = [first, second, reply];
    expect(ownReceipt(messages, 0)).toEqual({ key: second.clientMessageId, state: 'sent' });
    expect(ownReceipt(messages, 1)).toEqual({ key: second.clientMessageId, state: 'sent' });
    expect(ownReceipt(messages, 2)).toEqual({ key: second.clientMessageId, state: 'read' });
  });

  it('is null without a message of the visitor’s', () => {
    expect(ownReceipt([], 5)).toBeNull();
    expect(ownReceipt([message({ authorKind: 'bot' })], 5)).toBeNull();
  });
});
