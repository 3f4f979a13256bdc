import type { AgentState } from '@switchboard/agent-sdk';
import type { Conversation, Message } from '@switchboard/protocol';

/** What the conversation list shows for one conversation; derived, never stored. */
export interface ConversationRow {
  conversation: Conversation;
  /** When something last happened: the newest message we know of, else the last change. */
  lastActivityAt: string;
  /** The highest `seq` known, from the conversation or from messages loaded since. */
  latestSeq: number;
  /** There are messages the agent has not seen, i.e. not had open. */
  unread: boolean;
  /** The newest loaded message, for a one-line preview; null until history or a live message arrives. */
  lastMessage: Message | null;
}

export type RowSource = Pick<AgentState, 'conversations' | 'conversationOrder' | 'messages'>;

export interface RowContext {
  /** The highest `seq` the agent has seen per conversation. */
  readMarks: Readonly<Record<string, number>>;
  /** The open conversation counts as read whatever arrives in it. */
  selectedId: string | null;
  /** Messages the agent wrote themselves never make a conversation unread. */
  selfId: string | null;
}

/**
 * The list rows, most recent activity first. The store's `conversationOrder` breaks ties and
 * supplies the starting order; conversations missing from it are still listed, so a live
 * `conversation:created` shows up even before the order is updated.
 */
export function conversationRows(state: RowSource, context: RowContext): ConversationRow[] {
  const ids = [...new Set([...state.conversationOrder, ...Object.keys(state.conversations)])];
  const rows: ConversationRow[] = [];
  for (const id of ids) {
    const conversation = state.conversations[id];
    if (conversation) rows.push(conversationRow(conversation, state.messages[id] ?? [], context));
  }
  // Array.prototype.sort is stable, so equal activity keeps the store's order.
  return rows.sort((a, b) => Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt));
}

export function conversationRow(
  conversation: Conversation,
  messages: readonly Message[],
  context: RowContext,
): ConversationRow {
  const lastMessage = messages.at(-1) ?? null;
  const latestSeq = Math.max(conversation.lastSeq, lastMessage?.seq ?? 0);
  const lastActivityAt = latest(conversation.lastMessageAt ?? conversation.updatedAt, lastMessage?.createdAt);
  const seen = context.readMarks[conversation.id] ?? 0;
  const wroteLast =
    lastMessage !== null &&
    lastMessage.seq === latestSeq &&
    lastMessage.authorKind === 'agent' &&
    lastMessage.authorId === context.selfId;
  const unread = conversation.id !== context.selectedId && latestSeq > seen && !wroteLast;
  return { conversation, lastActivityAt, latestSeq, unread, lastMessage };
}

/** How many conversations have unread messages, for the document title. */
export function unreadCount(rows: readonly ConversationRow[]): number {
  return rows.filter((row) => row.unread).length;
}

function latest(a: string, b: string | undefined): string {
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
