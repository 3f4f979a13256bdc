import { describe, expect, it } from 'vitest';
import { message } from '../testing/factories.js';
import { replyReceipt } from './reply-receipt.js';

describe('replyReceipt', () => {
  const thread = [
    message(1, { authorKind: 'visitor' }),
    message(2, { authorKind: 'agent' }),
    message(3, { authorKind: 'agent', kind: 'note' }),
    message(4, { authorKind: 'agent' }),
    message(5, { authorKind: 'visitor' }),
  ];
  const stateOf = (delivered: number, read: number) => {
    const receipt = replyReceipt(thread, delivered, read);
    return receipt && [receipt.message.seq, receipt.state];
  };

  it('is the latest agent reply, never a note: sent, delivered once the visitor’s widget has it, then read', () => {
    expect(stateOf(0, 0)).toEqual([4, 'sent']);
    expect(stateOf(3, 0)).toEqual([4, 'sent']);
    expect(stateOf(4, 0)).toEqual([4, 'delivered']);
    expect(stateOf(5, 2)).toEqual([4, 'delivered']);
    expect(stateOf(5, 4)).toEqual([4, 'read']);
  });

  it('counts a read as delivered, and is null before any reply', () => {
    expect(stateOf(0, 4)).toEqual([4, 'read']);
    expect(replyReceipt([message(1, { authorKind: 'visitor' })], 9, 9)).toBeNull();
    expect(replyReceipt([], 9, 9)).toBeNull();
  });
});
