// The list's search box and filters. Channel and priority are answered from the SDK's state with
// the protocol's own rule; a text search needs the server (it reads contacts and messages), so it
// runs as an SDK view whose results the list then keeps to.
import {
  CHANNELS,
  PRIORITIES,
  matchesConversationFilter,
  type Channel,
  type Conversation,
  type ConversationFilterFields,
  type Priority,
} from '@switchboard/protocol';

export interface ListFilter {
  /** Trimmed; empty searches nothing. */
  q: string;
  channel: Channel | null;
  priority: Priority | null;
}

export const NO_FILTER: ListFilter = { q: '', channel: null, priority: null };

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Website',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  messenger: 'Messenger',
  email: 'Email',
  webhook: 'Webhook',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const channelOf = (value: string): Channel | null =>
  (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : null;
export const priorityOf = (value: string): Priority | null =>
  (PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : null;

/** The filters a conversation answers by itself (no `q`). */
export function filterFields(filter: ListFilter): ConversationFilterFields {
  return {
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}),
  };
}

export function isFiltered(filter: ListFilter): boolean {
  return filter.q !== '' || filter.channel !== null || filter.priority !== null;
}

/**
 * Whether the list shows `conversation`: it passes the filters and, during a search, is among
 * the server's results (`found`, null while no search runs).
 */
export function passesFilter(
  conversation: Conversation,
  filter: ListFilter,
  found: ReadonlySet<string> | null,
  selfId: string | null,
): boolean {
  if (found && !found.has(conversation.id)) return false;
  return matchesConversationFilter(conversation, filterFields(filter), selfId);
}
