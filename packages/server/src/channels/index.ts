import type { BridgedChannel } from '@switchboard/protocol';
import type { AdapterRegistry, ChannelAdapter } from './adapter.js';
import { createEmailChannel } from './email/adapter.js';
import { messengerChannel } from './messenger/adapter.js';
import { telegramChannel } from './telegram/adapter.js';
import { webhookChannel } from './webhook/adapter.js';
import { whatsappChannel } from './whatsapp/adapter.js';

/** Every channel the server bridges, by name. */
export function defaultAdapters(): AdapterRegistry {
  const adapters: ChannelAdapter<unknown>[] = [
    webhookChannel,
    whatsappChannel,
    telegramChannel,
    messengerChannel,
    createEmailChannel(),
  ];
  return new Map<BridgedChannel, ChannelAdapter<unknown>>(
    adapters.map((adapter) => [adapter.channel, adapter]),
  );
}
