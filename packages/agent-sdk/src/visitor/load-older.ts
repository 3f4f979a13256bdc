// `loadOlder()`: paging back through the conversation's history, which only a visitor scrolling
// up asks for. Loaded on first use.
import { fetchMessages } from '../core/api.js';
import { firstSeq } from '../core/message-log.js';
import type { EngineParts } from './engine-parts.js';
import { PAGE_SIZE } from './visitor-conversation.js';

/** The engine's `loadOlder`: resolves whether it added messages. */
export function olderLoaderFor({ store, core, conversation: current, identity }: EngineParts) {
  return async (): Promise<boolean> => {
    const { conversation, messages, hasOlder } = store.getSnapshot();
    if (!identity.session || !conversation) return false;
    if (!current.loaded) {
      await current.loadLatest(conversation.id);
      return store.getSnapshot().messages.length > 0;
    }
    const oldest = firstSeq(messages);
    if (oldest === null || oldest <= 1 || !hasOlder) return false;
    const page = await fetchMessages(core.http, conversation.id, { beforeSeq: oldest, limit: PAGE_SIZE });
    if (store.getSnapshot().conversation?.id !== conversation.id) return false;
    current.apply(conversation.id, page.items, 'history');
    store.setState({ hasOlder: page.hasMore });
    return page.items.length > 0;
  };
}
