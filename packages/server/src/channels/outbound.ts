// Sends what agents and bots write in channel conversations (DESIGN.md guarantee 6). The
// message's own transaction put it in the outbox; this takes each conversation's oldest entry,
// hands it to the adapter and records the outcome: sent (with the provider's id, which status
// callbacks and email threading use), retried with backoff, or failed with the reason, which
// agents see on the message.
import { readFile } from 'node:fs/promises';
import type { Message, TemplateMessage } from '@switchboard/protocol';
import type { OutboxItem, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import type { Logger } from '../lib/logger.js';
import type { AttachmentService } from '../services/attachments.js';
import {
  ChannelSendError,
  type AdapterContext,
  type AdapterRegistry,
  type OutboundFile,
  type OutboundMessage,
} from './adapter.js';
import type { AccountConfigs } from './account-configs.js';
import { drainLoop, type DrainLoop } from './drain-loop.js';
import { backoffMs, MAX_ATTEMPTS } from './retry.js';

/** Sends every due entry; concurrent calls share one run. */
export type OutboundWorker = DrainLoop;

interface Deps {
  store: Store;
  adapters: AdapterRegistry;
  attachments: AttachmentService;
  bus: EventBus;
  logger: Logger;
  context: AdapterContext;
  configs: AccountConfigs;
  /** The server's public base URL, which providers fetch attachments from. */
  publicUrl: () => string | null;
  now: () => number;
  /** @default {@link backoffMs} */
  backoff?: (attempt: number) => number;
}

const BATCH = 20;
/** Sends in flight at once, each for a different conversation. */
const PARALLEL_SENDS = 8;

export function createOutboundWorker(deps: Deps): OutboundWorker {
  const { store, adapters, logger, now } = deps;
  /** One batch; true when it was full. */
  async function pass(): Promise<boolean> {
    const items = await store.channels.dueOutbound(now(), BATCH);
    // Each item is the head of a different conversation, so they may go at once; a few at a
    // time, so one slow provider does not hold up every other conversation's replies.
    const queue = [...items];
    const lanes = Array.from({ length: Math.min(PARALLEL_SENDS, queue.length) }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await sendOne(item);
    });
    await Promise.all(lanes);
    return items.length === BATCH;
  }

  async function sendOne(item: OutboxItem): Promise<void> {
    let updated: Message | null;
    try {
      const { adapter, config, message } = await prepare(item);
      const { externalId } = await adapter.send(config, message, deps.context);
      updated = await store.channels.settleOutbound(item, { state: 'sent', externalId }, now());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempt = item.attempts + 1;
      const retry = !(error instanceof ChannelSendError && !error.retryable) && attempt < MAX_ATTEMPTS;
      if (retry)
        logger.warn('channel send will be retried', { messageId: item.messageId, attempt, error: reason });
      else logger.error('channel send failed', { messageId: item.messageId, error: reason });
      // A provider that says when to come back is not asked again sooner.
      const asked = error instanceof ChannelSendError ? (error.retryAfterMs ?? 0) : 0;
      const wait = Math.max((deps.backoff ?? backoffMs)(attempt), asked);
      updated = await store.channels.settleOutbound(
        item,
        retry
          ? { state: 'pending', error: reason, nextAttemptAt: now() + wait }
          : { state: 'failed', error: reason },
        now(),
      );
    }
    if (updated) deps.bus.publish('message.updated', { message: updated });
  }

  async function prepare(item: OutboxItem) {
    const [account, message, conversation] = await Promise.all([
      store.channels.account(item.accountId),
      store.channels.message(item.messageId),
      store.conversations.byId(item.conversationId),
    ]);
    const adapter = account && adapters.get(account.channel);
    if (!account || !adapter || !message || !conversation)
      throw new ChannelSendError('the channel account or the message is gone', false);
    const address = await store.channels.addressOf(account.id, conversation.contactId);
    if (!address) throw new ChannelSendError('the contact has no address on this channel', false);
    const [references, senderName] = await Promise.all([
      store.channels.externalIds(conversation.id),
      nameOf(message, account.siteId),
    ]);
    const outbound: OutboundMessage = {
      messageId: message.id,
      conversationId: conversation.id,
      to: address.address,
      text: message.text,
      quickReplies: message.quickReplies,
      cards: message.cards.map((card) => ({
        ...card,
        ...(card.url !== undefined && { url: absolute(card.url) }),
        ...(card.imageUrl !== undefined && { imageUrl: absolute(card.imageUrl) }),
      })),
      attachments: message.attachments.map((attachment) => file(attachment)),
      ...(item.extra?.template !== undefined && { template: item.extra.template as TemplateMessage }),
      thread: { subject: conversation.subject ?? null, references },
      senderName,
    };
    return { adapter, config: deps.configs.of(adapter, account), message: outbound };
  }

  async function nameOf(message: Message, siteId: string): Promise<string> {
    if (message.authorKind === 'agent' && message.authorId) {
      const agent = await store.agents.byId(message.authorId);
      if (agent) return agent.name;
    }
    return (await store.sites.byId(siteId))?.name ?? 'Support';
  }

  /** Cards may link to paths on this server; the provider and the customer's phone need whole URLs. */
  function absolute(url: string): string {
    return url.startsWith('/') && !url.startsWith('//') ? `${deps.publicUrl() ?? ''}${url}` : url;
  }

  function file(attachment: Message['attachments'][number]): OutboundFile {
    const url = new URL(attachment.url, 'http://server.invalid');
    const id = decodeURIComponent(url.pathname.split('/')[3] ?? '');
    const key = url.searchParams.get('key') ?? '';
    return {
      name: attachment.name,
      contentType: attachment.contentType,
      kind:
        attachment.kind === 'image' || attachment.kind === 'audio' || attachment.kind === 'video'
          ? attachment.kind
          : 'document',
      size: attachment.size,
      url: `${deps.publicUrl() ?? ''}${attachment.url}`,
      read: async () => readFile((await deps.attachments.open(id, key)).path),
    };
  }

  return drainLoop(pass);
}
