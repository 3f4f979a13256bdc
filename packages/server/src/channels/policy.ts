import type { Conversation } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import { AppError } from '../lib/app-error.js';
import type { ChannelPolicy } from '../services/conversations.js';
import type { AdapterRegistry } from './adapter.js';

/** Asks the conversation's channel adapter whether a free-form message may go now. */
export function createChannelPolicy(
  store: Store,
  adapters: AdapterRegistry,
  now: () => number,
): ChannelPolicy {
  return {
    async assertFreeForm(conversation: Conversation) {
      const accountId = conversation.channelAccountId;
      if (conversation.channel === 'web' || accountId === undefined) return;
      const adapter = adapters.get(conversation.channel);
      if (!adapter?.freeFormBlocked) return;
      const address = await store.channels.addressOf(accountId, conversation.contactId);
      const reason = adapter.freeFormBlocked(address?.lastInboundAt ?? null, now());
      if (reason) throw new AppError('channel_window_closed', reason);
    },
  };
}
