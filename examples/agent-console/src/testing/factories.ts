// Protocol objects with plain defaults, for the console's unit tests.
import type { AgentPresence, Attachment, Conversation, Message, Queue } from '@switchboard/protocol';

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    siteId: 'site',
    contactId: `contact-${id}`,
    channel: 'web',
    status: 'queued',
    priority: 'normal',
    queueId: null,
    assigneeId: null,
    requiredSkills: [],
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
    tags: [],
    labelIds: [],
    lastMessageAt: null,
    createdAt: '2025-06-18T10:00:00.000Z',
    updatedAt: '2025-06-18T10:00:00.000Z',
    ...overrides,
  };
}

export function agent(id: string, overrides: Partial<AgentPresence> = {}): AgentPresence {
  return {
    id,
    email: `${id}@example.com`,
    name: id,
    role: 'agent',
    status: 'available',
    capacity: 5,
    skills: [],
    avatarUrl: null,
    createdAt: '2025-06-18T10:00:00.000Z',
    load: 0,
    ...overrides,
  };
}

export function queue(id: string, overrides: Partial<Queue> = {}): Queue {
  return {
    id,
    siteId: 'site',
    name: id,
    strategy: 'round_robin',
    memberIds: [],
    waiting: 0,
    createdAt: '2025-06-18T10:00:00.000Z',
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    clientMessageId: `CM${String(seq).padStart(24, '0')}`,
    seq,
    authorKind: 'agent',
    authorId: 'agent',
    kind: 'text',
    text: `message ${seq}`,
    quickReplies: [],
    cards: [],
    attachments: [],
    form: null,
    createdAt: '2025-06-18T10:00:00.000Z',
    ...overrides,
  };
}

export function attachment(id: string, overrides: Partial<Attachment> = {}): Attachment {
  return {
    id,
    name: `${id}.pdf`,
    contentType: 'application/pdf',
    size: 2048,
    kind: 'file',
    url: `/v1/attachments/${id}/${id}.pdf?key=secret`,
    ...overrides,
  };
}
