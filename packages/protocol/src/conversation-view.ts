// Which conversations a list shows: the agent console's tabs (views) and filters, decided the same
// way by the server's query and by the SDK's live views, so a conversation moves between lists
// the moment its state changes, without refetching.
import type { Conversation } from './schemas/conversation.js';
import type { ConversationListQuery } from './schemas/rest.js';
import { type CONVERSATION_VIEWS, OPEN_STATUSES } from './constants.js';
import { normalizeTag } from './tags.js';

export type ConversationView = (typeof CONVERSATION_VIEWS)[number];

/** The filters a conversation itself can answer: everything in a list query but `q`, the page and the cursor. */
export type ConversationFilterFields = Omit<Partial<ConversationListQuery>, 'q' | 'limit' | 'cursor'>;

export function isOpenStatus(status: Conversation['status']): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function inView(conversation: Conversation, view: ConversationView, agentId: string | null): boolean {
  switch (view) {
    case 'mine':
      return agentId !== null && conversation.assigneeId === agentId && isOpenStatus(conversation.status);
    case 'queued':
      return conversation.status === 'queued';
    case 'bot':
      return conversation.status === 'bot';
    case 'all':
      return isOpenStatus(conversation.status);
    case 'closed':
      return !isOpenStatus(conversation.status);
  }
}

/**
 * Whether `conversation` belongs in a list with these filters, for `agentId` (whose `mine` it
 * is). A text search (`q`) is the server's to answer: it reads contacts and messages.
 */
export function matchesConversationFilter(
  conversation: Conversation,
  filter: ConversationFilterFields,
  agentId: string | null,
): boolean {
  if (filter.view && !inView(conversation, filter.view, agentId)) return false;
  if (filter.status && conversation.status !== filter.status) return false;
  if (filter.channel && conversation.channel !== filter.channel) return false;
  if (filter.priority && conversation.priority !== filter.priority) return false;
  if (filter.queueId && conversation.queueId !== filter.queueId) return false;
  if (filter.assigneeId && conversation.assigneeId !== filter.assigneeId) return false;
  if (filter.tag && !conversation.tags.includes(normalizeTag(filter.tag))) return false;
  if (filter.labelId && !conversation.labelIds.includes(filter.labelId)) return false;
  // ISO-8601 UTC timestamps of one format compare as strings.
  if (filter.createdFrom && conversation.createdAt < filter.createdFrom) return false;
  if (filter.createdTo && conversation.createdAt >= filter.createdTo) return false;
  return true;
}
