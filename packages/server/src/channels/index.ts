import type { BridgedChannel } from '@switchboard/protocol';
import type { AdapterRegistry, ChannelAdapter } from './adapter.js';
import { messengerChannel } from './messenger/adapter.js';
import { telegramChannel } from './telegram/adapter.js';
import { webhookChannel } from './webhook/adapter.js';

/** Every channel the server bridges, by name. */
export function defaultAdapters(): AdapterRegistry {
  const adapters: ChannelAdapter<unknown>[] = [webhookChannel, telegramChannel, messengerChannel];
  return new Map<BridgedChannel, ChannelAdapter<unknown>>(
    adapters.map((adapter) => [adapter.channel, adapter]),
  );
}
