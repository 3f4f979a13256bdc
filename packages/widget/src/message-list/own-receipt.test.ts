import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { ownReceipt } from './own-receipt.js';

const marks = (deliveredToAgentSeq: number, readByAgentSeq = 0) => ({ deliveredToAgentSeq, readByAgentSeq });

describe('ownReceipt', () => {
  const first = message({ seq: 1, authorKind: 'visitor' });
  const second = message({ seq: 2, authorKind: 'visitor' });
  const reply = message({ seq: 3, authorKind: 'agent' });
  const messages = [first, second, reply];

  it('is the visitor’s latest message: sent, delivered once the agents’ side has it, read once an agent read it', () => {
    expect(ownReceipt(messages, marks(0))).toEqual({ key: second.clientMessageId, state: 'sent' });
    expect(ownReceipt(messages, marks(1))).toEqual({ key: second.clientMessageId, state: 'sent' });
    expect(ownReceipt(messages, marks(2))).toEqual({ key: second.clientMessageId, state: 'delivered' });
    expect(ownReceipt(messages, marks(3, 1))).toEqual({ key: second.clientMessageId, state: 'delivered' });
    expect(ownReceipt(messages, marks(3, 2))).toEqual({ key: second.clientMessageId, state: 'read' });
  });

  it('counts a read as delivered even when the delivered mark lags behind', () => {
    expect(ownReceipt(messages, marks(0, 2))).toEqual({ key: second.clientMessageId, state: 'read' });
  });

  it('is null without a message of the visitor’s', () => {
    expect(ownReceipt([], marks(5, 5))).toBeNull();
    expect(ownReceipt([message({ authorKind: 'bot' })], marks(5, 5))).toBeNull();
  });
});
