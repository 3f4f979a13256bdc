import {
  ulid,
  type AgentPresence,
  type CannedResponse,
  type Conversation,
  type Message,
  type UploadLimits,
} from '@switchboard/protocol';

/** A stored message with sensible defaults; `seq` decides the rest unless overridden. */
export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    conversationId: 'c1',
    clientMessageId: ulid(),
    seq,
    authorKind: 'visitor',
    authorId: null,
    kind: 'text',
    text: `message ${seq}`,
    quickReplies: [],
    cards: [],
    attachments: [],
    form: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    ...overrides,
  };
}

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    siteId: 'site_1',
    contactId: 'contact_1',
    channel: 'web',
    status: 'active',
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
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An agent with their current load, for presence and transfer pickers. */
export function presence(id: string, overrides: Partial<AgentPresence> = {}): AgentPresence {
  return {
    id,
    email: `${id}@example.com`,
    name: id,
    role: 'agent',
    status: 'available',
    capacity: 5,
    skills: [],
    avatarUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    load: 0,
    ...overrides,
  };
}

/** Upload limits as a server might announce them. */
export const UPLOADS: UploadLimits = {
  maxBytes: 1024 * 1024,
  maxAttachments: 10,
  contentTypes: ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'],
};

/** A canned response of site_1; `updatedAt` is minute `minute` of 2025-01-01. */
export function cannedResponse(
  id: string,
  minute = 0,
  overrides: Partial<CannedResponse> = {},
): CannedResponse {
  return {
    id,
    siteId: 'site_1',
    shortcut: `shortcut-${id}`,
    title: `Title ${id}`,
    body: `Body ${id}`,
    category: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString(),
    ...overrides,
  };
}
