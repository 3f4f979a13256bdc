// Pure reducers for the agent's many-conversation state. Each returns the parts it left alone by
// identity, so selector subscriptions on untouched slices stay quiet.
import type { Conversation, Message } from '@switchboard/protocol';
import type { AgentState } from '../types.js';
import { newerConversation, sortConversationIds, withMessage } from '../core/conversations.js';
import { mergeNew } from '../core/message-log.js';
import { sameRecord } from '../core/records.js';

export function initialAgentState(): AgentState {
  return {
    connection: 'idle',
    agent: null,
    conversations: {},
    conversationOrder: [],
    messages: {},
    pending: [],
    error: null,
    queues: {},
    agents: {},
    visitorTyping: {},
    visitorReadSeq: {},
    visitorDeliveredSeq: {},
    canned: {},
    cannedLoaded: false,
    labels: {},
    mentions: [],
    unreadMentions: 0,
    contacts: {},
  };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export interface ConversationsUpdate {
  patch: Pick<AgentState, 'conversations' | 'conversationOrder'>;
  /** Conversations not held before. */
  added: Conversation[];
  /** Held conversations that this update replaced with a newer snapshot. */
  updated: Conversation[];
}

/** Merges conversation snapshots, keeping whichever copy of each is newer, and re-sorts. */
export function upsertConversations(
  state: Pick<AgentState, 'conversations' | 'conversationOrder'>,
  incoming: readonly Conversation[],
): ConversationsUpdate {
  let conversations = state.conversations;
  const added: Conversation[] = [];
  const updated: Conversation[] = [];
  for (const conversation of incoming) {
    const held = conversations[conversation.id];
    const next = newerConversation(held, conversation);
    // The same snapshot again (an event and its ack, `updated` then `assigned`) is no change.
    if (next === held || (held !== undefined && sameRecord(held, next))) continue;
    if (conversations === state.conversations) conversations = { ...conversations };
    (conversations as Record<string, Conversation>)[conversation.id] = next;
    (held ? updated : added).push(next);
  }
  return {
    patch: { conversations, conversationOrder: reorder(state.conversationOrder, conversations) },
    added,
    updated,
  };
}

function reorder(
  order: readonly string[],
  conversations: Readonly<Record<string, Conversation>>,
): readonly string[] {
  const sorted = sortConversationIds(conversations);
  return sameOrder(order, sorted) ? order : sorted;
}

export interface MessagesUpdate {
  patch: Pick<AgentState, 'messages' | 'conversations' | 'conversationOrder'>;
  /** Messages not held before, in the order given. */
  added: readonly Message[];
}

/**
 * Merges messages into one conversation's list. The list exists afterwards even when `incoming`
 * is empty: an empty page still means "loaded", which re-syncs rely on. The conversation's
 * `lastSeq`/`lastMessageAt` advance too, so the order reacts before `conversation:updated` lands.
 */
export function mergeConversationMessages(
  state: Pick<AgentState, 'messages' | 'conversations' | 'conversationOrder'>,
  conversationId: string,
  incoming: readonly Message[],
): MessagesUpdate {
  const held = state.messages[conversationId];
  const { messages: merged, added } = mergeNew(held ?? [], incoming);
  const messages = merged === held ? state.messages : { ...state.messages, [conversationId]: merged };

  let { conversations, conversationOrder } = state;
  const conversation = conversations[conversationId];
  if (conversation && added.length > 0) {
    const advanced = added.reduce(withMessage, conversation);
    if (advanced !== conversation) {
      conversations = { ...conversations, [conversationId]: advanced };
      conversationOrder = reorder(conversationOrder, conversations);
    }
  }
  return { patch: { messages, conversations, conversationOrder }, added };
}
