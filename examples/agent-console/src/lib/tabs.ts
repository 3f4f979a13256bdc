// Which conversations each list tab shows. Derived from `status` and `assigneeId` alone, so a
// conversation moves between tabs the moment the SDK's state says it changed hands.
import type { Conversation, ConversationView } from '@switchboard/protocol';
import { inView } from '@switchboard/protocol';

export type ListTab = 'mine' | 'queue' | 'bot' | 'all' | 'closed';

export const LIST_TABS: readonly ListTab[] = ['mine', 'queue', 'bot', 'all', 'closed'];

export const TAB_LABELS: Record<ListTab, string> = {
  mine: 'Mine',
  queue: 'Queue',
  bot: 'Bot',
  all: 'All',
  closed: 'Closed',
};

export const TAB_EMPTY_TEXT: Record<ListTab, string> = {
  mine: 'Nothing assigned to you. Accept a conversation from the queue, or wait for routing.',
  queue: 'Nobody is waiting.',
  bot: 'Nobody is talking to the bot right now.',
  all: 'No open conversations yet. New ones appear here as visitors write.',
  closed: 'No resolved or abandoned conversations.',
};

/** The SDK's view behind each tab (`GET /v1/conversations?view=`). */
export const TAB_VIEWS: Record<ListTab, ConversationView> = {
  mine: 'mine',
  queue: 'queued',
  bot: 'bot',
  all: 'all',
  closed: 'closed',
};

/**
 * Mine: open and assigned to me. Queue: waiting for an agent. Bot: the bot is answering, for
 * agents to watch and step in. All: every open conversation, whoever has it. Closed: resolved or
 * abandoned. The protocol's rule, so the console and the server never disagree.
 */
export function inTab(conversation: Conversation, tab: ListTab, selfId: string | null): boolean {
  return inView(conversation, TAB_VIEWS[tab], selfId);
}

export function tabCounts(
  conversations: Iterable<Conversation>,
  selfId: string | null,
): Record<ListTab, number> {
  const counts: Record<ListTab, number> = { mine: 0, queue: 0, bot: 0, all: 0, closed: 0 };
  for (const conversation of conversations) {
    for (const tab of LIST_TABS) if (inTab(conversation, tab, selfId)) counts[tab] += 1;
  }
  return counts;
}
