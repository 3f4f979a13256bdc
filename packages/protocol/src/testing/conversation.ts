// A valid Conversation for the protocol's own tests (left out of the build).
import type { Conversation } from '../schemas/conversation.js';

export function conversationFixture(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    siteId: 's1',
    contactId: 'k1',
    channel: 'web',
    status: 'active',
    priority: 'normal',
    queueId: 'q1',
    assigneeId: 'a1',
    requiredSkills: [],
    tags: [],
    labelIds: [],
    queuedAt: null,
    assignedAt: null,
    resolvedAt: null,
    resolveReason: null,
    handoff: null,
    csat: null,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    visitorDeliveredSeq: 0,
    agentDeliveredSeq: 0,
    lastMessageAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}
