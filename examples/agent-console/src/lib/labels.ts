import type {
  AgentStatus,
  AuthorKind,
  Conversation,
  ConversationStatus,
  Message,
  Priority,
  ResolveReason,
} from '@switchboard/protocol';

const STATUS_LABELS: Record<ConversationStatus, string> = {
  bot: 'Bot',
  queued: 'Queued',
  active: 'Active',
  pending: 'Pending',
  resolved: 'Resolved',
  abandoned: 'Abandoned',
};

export function statusLabel(status: ConversationStatus): string {
  return STATUS_LABELS[status];
}

/**
 * Conversations carry a contact id, not the contact record, so the list names a visitor by the
 * tail of that id: short enough to read, distinct enough to tell visitors apart.
 */
export function contactLabel(conversation: Conversation): string {
  return `Visitor ${conversation.contactId.slice(-6).toUpperCase()}`;
}

const AUTHOR_LABELS: Record<AuthorKind, string> = {
  visitor: 'Visitor',
  agent: 'Agent',
  bot: 'Bot',
  system: 'System',
};

export function authorLabel(
  message: Pick<Message, 'authorKind' | 'authorId'>,
  selfId: string | null,
): string {
  if (message.authorKind === 'agent' && selfId !== null && message.authorId === selfId) return 'You';
  return AUTHOR_LABELS[message.authorKind];
}

/** One line for the list row: who wrote last and what, with line breaks flattened. */
export function previewText(message: Message, selfId: string | null): string {
  const text =
    message.text.replace(/\s+/g, ' ').trim() || filesText(message.attachments) || cardsText(message.cards);
  if (message.kind === 'note') return `Note: ${text}`;
  if (message.kind === 'event' || message.authorKind === 'system') return text;
  return `${authorLabel(message, selfId)}: ${text}`;
}

/** A message that is only files reads as its file (`📎 receipt.pdf`) or how many (`📎 3 files`). */
function filesText(attachments: Message['attachments']): string {
  if (attachments.length === 0) return '';
  return attachments.length === 1 ? `📎 ${attachments[0]?.name ?? ''}` : `📎 ${attachments.length} files`;
}

/** A message that is only cards (a shared product) reads as its first card's title. */
function cardsText(cards: Message['cards']): string {
  const first = cards[0];
  if (first === undefined) return '';
  return cards.length === 1 ? `🛍 ${first.title}` : `🛍 ${first.title} +${cards.length - 1}`;
}

const AGENT_STATUS_LABELS: Record<AgentStatus, string> = {
  available: 'Available',
  busy: 'Busy',
  away: 'Away',
  offline: 'Offline',
};

export function agentStatusLabel(status: AgentStatus): string {
  return AGENT_STATUS_LABELS[status];
}

const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export function priorityLabel(priority: Priority): string {
  return PRIORITY_LABELS[priority];
}

const RESOLVE_REASON_LABELS: Record<ResolveReason, string> = {
  solved: 'Solved',
  customer_not_responding: 'Customer not responding',
  transferred: 'Transferred elsewhere',
  other: 'Other',
};

export function resolveReasonLabel(reason: ResolveReason): string {
  return RESOLVE_REASON_LABELS[reason];
}
