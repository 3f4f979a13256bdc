// Rows → protocol types. The only place that knows both shapes.
import type { Conversation, Message } from '@switchboard/protocol';
import type { AgentRecord, ContactRecord, SiteRecord } from './store.js';
import type { AgentRow, ContactRow, ConversationRow, MessageRow, SiteRow } from './schema.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function toSite(row: SiteRow): SiteRecord {
  return {
    id: row.id,
    name: row.name,
    siteKey: row.siteKey,
    identityVerification: row.identityVerification,
    identitySecret: row.identitySecret,
    allowedOrigins: row.allowedOrigins,
    createdAt: iso(row.createdAt),
  };
}

export function toContact(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    siteId: row.siteId,
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    avatarUrl: row.avatarUrl,
    attributes: row.attributes,
    resumeSecretHash: row.resumeSecretHash,
    createdAt: iso(row.createdAt),
  };
}

export function toAgent(row: AgentRow): AgentRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    capacity: row.capacity,
    avatarUrl: row.avatarUrl,
    passwordHash: row.passwordHash,
    createdAt: iso(row.createdAt),
  };
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    siteId: row.siteId,
    contactId: row.contactId,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    queueId: row.queueId,
    assigneeId: row.assigneeId,
    lastSeq: row.lastSeq,
    lastMessageAt: row.lastMessageAt === null ? null : iso(row.lastMessageAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    clientMessageId: row.clientMessageId,
    seq: row.seq,
    authorKind: row.authorKind,
    authorId: row.authorId,
    kind: row.kind,
    text: row.text,
    createdAt: iso(row.createdAt),
  };
}

/** Strips what must never leave the server. */
export function publicAgent({ passwordHash: _passwordHash, ...agent }: AgentRecord) {
  return agent;
}

export function publicContact({ resumeSecretHash: _hash, ...contact }: ContactRecord) {
  return contact;
}
