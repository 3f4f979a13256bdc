// Rows → protocol types. The only place that knows both shapes.
import type {
  Attachment,
  CannedResponse,
  Conversation,
  Label,
  Mention,
  Message,
  TimelineEvent,
} from '@switchboard/protocol';
import type { AgentRecord, AttachmentRecord, ContactRecord, QueueRecord, SiteRecord } from './store.js';
import type {
  AgentRow,
  AttachmentRow,
  CannedResponseRow,
  ContactRow,
  ConversationEventRow,
  ConversationRow,
  LabelRow,
  MentionRow,
  MessageRow,
  QueueRow,
  SiteRow,
  StoredAttachment,
} from './schema.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toSite(row: SiteRow): SiteRecord {
  return {
    id: row.id,
    name: row.name,
    siteKey: row.siteKey,
    identityVerification: row.identityVerification,
    identitySecret: row.identitySecret,
    allowedOrigins: row.allowedOrigins,
    businessHours: row.businessHours,
    bot: row.bot,
    botTokenHash: row.botTokenHash,
    signingSecret: row.signingSecret,
    noAgent: row.noAgent,
    preChat: row.preChat,
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
    preChat: row.preChat,
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
    skills: row.skills,
    avatarUrl: row.avatarUrl,
    lastAssignedAt: row.lastAssignedAt,
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
    requiredSkills: row.requiredSkills,
    queuedAt: isoOrNull(row.queuedAt),
    assignedAt: isoOrNull(row.assignedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    resolveReason: row.resolveReason,
    handoff: row.handoff,
    csat:
      row.csatScore === null || row.ratedAt === null
        ? null
        : { score: row.csatScore, comment: row.csatComment, ratedAt: iso(row.ratedAt) },
    lastSeq: row.lastSeq,
    visitorReadSeq: row.visitorReadSeq,
    agentReadSeq: row.agentReadSeq,
    visitorDeliveredSeq: row.visitorDeliveredSeq,
    agentDeliveredSeq: row.agentDeliveredSeq,
    tags: row.tags,
    labelIds: row.labelIds,
    // Only channels with subjects have one: web conversations keep their old shape.
    ...(row.channelAccountId !== null && { channelAccountId: row.channelAccountId }),
    ...(row.subject !== null && { subject: row.subject }),
    lastMessageAt: isoOrNull(row.lastMessageAt),
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
    quickReplies: row.quickReplies,
    form: row.form,
    cards: row.cards,
    attachments: row.attachments.map(toAttachment),
    ...(row.delivery !== null && { delivery: { ...row.delivery, updatedAt: iso(row.delivery.updatedAt) } }),
    createdAt: iso(row.createdAt),
  };
}

/**
 * The download URL is a path on the server (clients resolve it against the server URL). The name
 * in it only gives the browser a file name; the id and the key decide what is served.
 */
export function attachmentUrl({ id, name, key }: Pick<StoredAttachment, 'id' | 'name' | 'key'>): string {
  return `/v1/attachments/${encodeURIComponent(id)}/${encodeURIComponent(name)}?key=${encodeURIComponent(key)}`;
}

export function toAttachment(stored: StoredAttachment | AttachmentRecord): Attachment {
  return {
    id: stored.id,
    name: stored.name,
    contentType: stored.contentType,
    size: stored.size,
    kind: stored.kind,
    url: attachmentUrl(stored),
    ...(stored.width !== null && stored.height !== null
      ? { width: stored.width, height: stored.height }
      : {}),
  };
}

export function toStoredAttachment(record: AttachmentRecord): StoredAttachment {
  const { id, name, contentType, kind, size, width, height, key } = record;
  return { id, name, contentType, kind, size, width, height, key };
}

export function toAttachmentRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    uploaderKind: row.uploaderKind,
    uploaderId: row.uploaderId,
    siteId: row.siteId,
    messageId: row.messageId,
    conversationId: row.conversationId,
    name: row.name,
    contentType: row.contentType,
    kind: row.kind,
    size: row.size,
    width: row.width,
    height: row.height,
    key: row.key,
    createdAt: row.createdAt,
  };
}

export function toQueue(row: QueueRow, memberIds: string[], waiting: number): QueueRecord {
  return {
    id: row.id,
    siteId: row.siteId,
    name: row.name,
    strategy: row.strategy,
    memberIds,
    waiting,
    isDefault: row.isDefault,
    lastAgentId: row.lastAgentId,
    createdAt: iso(row.createdAt),
  };
}

export function toTimelineEvent(row: ConversationEventRow): TimelineEvent {
  return {
    id: row.id,
    conversationId: row.conversationId,
    type: row.type,
    actorKind: row.actorKind,
    actorId: row.actorId,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    data: row.data,
    createdAt: iso(row.createdAt),
  };
}

export function toLabel(row: LabelRow): Label {
  return {
    id: row.id,
    siteId: row.siteId,
    key: row.key,
    name: row.name,
    color: row.color,
    createdAt: iso(row.createdAt),
  };
}

/** A mention with its note's text (a column of the message, joined or at hand). */
export function toMention(row: MentionRow, text: string): Mention {
  return {
    id: row.id,
    conversationId: row.conversationId,
    messageId: row.messageId,
    agentId: row.agentId,
    authorId: row.authorId,
    text,
    createdAt: iso(row.createdAt),
    readAt: isoOrNull(row.readAt),
  };
}

/** Strips what must never leave the server. */
export function publicAgent({
  passwordHash: _passwordHash,
  lastAssignedAt: _lastAssignedAt,
  ...agent
}: AgentRecord) {
  return agent;
}

export function publicContact({ resumeSecretHash: _hash, ...contact }: ContactRecord) {
  return contact;
}

export function toCannedResponse(row: CannedResponseRow): CannedResponse {
  return {
    id: row.id,
    siteId: row.siteId,
    shortcut: row.shortcut,
    title: row.title,
    body: row.body,
    category: row.category,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
