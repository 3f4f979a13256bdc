import { describe, expect, it } from 'vitest';
import { Conversation, DeliveredPayload, DeliveryReceipt, ReadPayload } from './index.js';

describe('DeliveredPayload', () => {
  it('accepts a conversation and the highest seq received', () => {
    expect(DeliveredPayload.parse({ conversationId: 'c1', seq: 7 })).toEqual({
      conversationId: 'c1',
      seq: 7,
    });
    expect(DeliveredPayload.parse({ conversationId: 'c1', seq: 0 }).seq).toBe(0);
  });

  it.each([
    ['a negative seq', { conversationId: 'c1', seq: -1 }],
    ['a fractional seq', { conversationId: 'c1', seq: 1.5 }],
    ['a seq as a string', { conversationId: 'c1', seq: '3' }],
    ['a missing seq', { conversationId: 'c1' }],
    ['an empty conversation id', { conversationId: '', seq: 1 }],
    ['an unknown field', { conversationId: 'c1', seq: 1, recipient: 'agent' }],
    ['no object at all', 5],
  ])('rejects %s', (_label, payload) => {
    expect(DeliveredPayload.safeParse(payload).success).toBe(false);
  });

  it('has the shape of a read receipt request, so both travel alike', () => {
    expect(ReadPayload.safeParse({ conversationId: 'c1', seq: 2 }).success).toBe(true);
  });
});

describe('DeliveryReceipt', () => {
  const receipt = { conversationId: 'c1', recipient: 'agent', seq: 3, at: '2026-01-05T09:00:00.000Z' };

  it('names the side that received the messages', () => {
    expect(DeliveryReceipt.parse(receipt)).toEqual(receipt);
    expect(DeliveryReceipt.parse({ ...receipt, recipient: 'visitor' }).recipient).toBe('visitor');
    expect(DeliveryReceipt.safeParse({ ...receipt, recipient: 'bot' }).success).toBe(false);
    expect(DeliveryReceipt.safeParse({ ...receipt, at: 'yesterday' }).success).toBe(false);
  });
});

describe('Conversation', () => {
  const conversation = {
    id: 'c1',
    siteId: 's1',
    contactId: 'k1',
    channel: 'web',
    status: 'active',
    priority: 'normal',
    queueId: null,
    assigneeId: 'a1',
    requiredSkills: [],
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    resolveReason: null,
    handoff: null,
    csat: null,
    lastSeq: 4,
    visitorReadSeq: 1,
    agentReadSeq: 2,
    visitorDeliveredSeq: 3,
    agentDeliveredSeq: 4,
    lastMessageAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
  };

  it('carries both sides’ delivery marks beside the read marks', () => {
    expect(Conversation.parse(conversation)).toMatchObject({ visitorDeliveredSeq: 3, agentDeliveredSeq: 4 });
    const { visitorDeliveredSeq: _dropped, ...withoutMark } = conversation;
    expect(Conversation.safeParse(withoutMark).success).toBe(false);
  });
});
