// Protocol objects with plain defaults, for the console's unit tests.
import type { AgentPresence, Conversation, Queue } from '@switchboard/protocol';

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
