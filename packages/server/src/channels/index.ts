import type { BridgedChannel } from '@switchboard/protocol';
import type { AdapterRegistry, ChannelAdapter } from './adapter.js';
import { createEmailChannel } from './email/adapter.js';
import { webhookChannel } from './webhook/adapter.js';
import { whatsappChannel } from './whatsapp/adapter.js';

/** Every channel the server bridges, by name. */
export function defaultAdapters(): AdapterRegistry {
  const adapters: ChannelAdapter<unknown>[] = [webhookChannel, whatsappChannel, createEmailChannel()];
  return new Map<BridgedChannel, ChannelAdapter<unknown>>(
    adapters.map((adapter) => [adapter.channel, adapter]),
  );
}
