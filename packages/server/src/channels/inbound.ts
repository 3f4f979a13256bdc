// Works through the channel inbox (DESIGN.md guarantee 5): webhook requests only store events
// and answer; this turns them into contacts, conversations and messages, one at a time in
// arrival order, so a contact's messages keep their order. A failure that may pass (a media
// download) is retried with backoff and holds back that contact's later events meanwhile.
import type { Conversation } from '@switchboard/protocol';
import type { ChannelAccountRecord, InboxItem, Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { derivedMessageId } from '../lib/derived-id.js';
import type { Logger } from '../lib/logger.js';
import type { AttachmentService } from '../services/attachments.js';
import type { ConversationService } from '../services/conversations.js';
import type { Viewer } from '../services/viewer.js';
import {
  ChannelSendError,
  type AdapterContext,
  type AdapterRegistry,
  type ChannelAdapter,
  type InboundMessage,
  type InboundStatus,
} from './adapter.js';
import type { AccountConfigs } from './account-configs.js';
import { contactAtAddress } from './contacts.js';
import { drainLoop, type DrainLoop } from './drain-loop.js';
import { backoffMs, MAX_ATTEMPTS } from './retry.js';

/** Processes every due event; concurrent calls share one run. */
export type InboundProcessor = DrainLoop;

interface Deps {
  store: Store;
  adapters: AdapterRegistry;
  conversations: ConversationService;
  attachments: AttachmentService;
  bus: EventBus;
  logger: Logger;
  context: AdapterContext;
  configs: AccountConfigs;
  now: () => number;
  /** @default {@link backoffMs} */
  backoff?: (attempt: number) => number;
}

const BATCH = 50;

export function createInboundProcessor(deps: Deps): InboundProcessor {
  const { store, adapters, logger, now } = deps;
  /** One batch, in arrival order; true when it was full. */
  async function pass(): Promise<boolean> {
    const items = await store.channels.dueInbound(now(), BATCH);
    // A contact whose earlier event waits for a retry keeps its later ones waiting too.
    const held = new Set<string>();
    for (const item of items) {
      const key = `${item.accountId}\u0000${orderKey(item.event)}`;
      if (held.has(key)) continue;
      const settled = await processOne(item);
      if (!settled) held.add(key);
    }
    return items.length === BATCH;
  }

  /** False when the event goes back to wait for a retry. */
  async function processOne(item: InboxItem): Promise<boolean> {
    try {
      const account = await store.channels.account(item.accountId);
      const adapter = account && adapters.get(account.channel);
      if (!account || !adapter) throw new Permanent(`no adapter for account ${item.accountId}`);
      const event = item.event as InboundMessage | InboundStatus;
      if (event.kind === 'status') await applyStatus(account, event);
      else await deliver(account, adapter, event);
      await store.channels.settleInbound(item.id, { state: 'done' });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempt = item.attempts + 1;
      if (error instanceof Permanent || attempt >= MAX_ATTEMPTS) {
        logger.error('channel event dropped', { id: item.id, accountId: item.accountId, error: reason });
        await store.channels.settleInbound(item.id, { state: 'failed', error: reason });
        return true;
      }
      logger.warn('channel event will be retried', { id: item.id, attempt, error: reason });
      await store.channels.settleInbound(item.id, {
        state: 'pending',
        error: reason,
        retryAt: now() + (deps.backoff ?? backoffMs)(attempt),
      });
      return false;
    }
  }

  async function applyStatus(account: ChannelAccountRecord, event: InboundStatus): Promise<void> {
    const message = await store.channels.messageByExternalId(account.id, [event.messageExternalId]);
    // A status for a message we never sent (or sent from another tool on the same number).
    if (!message) return;
    const updated = await store.channels.advanceDelivery(message.id, event.state, event.error ?? null, now());
    if (updated) deps.bus.publish('message.updated', { message: updated });
  }

  async function deliver(
    account: ChannelAccountRecord,
    adapter: ChannelAdapter<unknown>,
    event: InboundMessage,
  ): Promise<void> {
    const contactId = await contactAtAddress(store, account, event.address, event.profile);
    const viewer: Viewer = { kind: 'visitor', contactId, siteId: account.siteId };
    const conversation = await conversationFor(account, contactId, event);
    const attachmentIds = await storeMedia(account, adapter, viewer, event);
    const text = event.text.trim() === '' && attachmentIds.length === 0 ? '(empty message)' : event.text;
    await deps.conversations.send(viewer, {
      conversationId: conversation.id,
      // The same event processed twice (a crash before it was marked done) stores one message.
      clientMessageId: derivedMessageId(`${account.id}:${event.externalId}`),
      text,
      attachmentIds,
      externalId: event.externalId,
    });
    await store.channels.touchInbound(account.id, event.address, event.sentAt ?? now());
  }

  async function conversationFor(
    account: ChannelAccountRecord,
    contactId: string,
    event: InboundMessage,
  ): Promise<Conversation> {
    const thread = event.thread;
    if (thread) {
      // Email: an answer to any message of ours or theirs belongs to that message's conversation,
      // however long ago; a mail that answers nothing we know starts a new thread.
      const earlier = await store.channels.messageByExternalId(account.id, thread.references);
      const conversation = earlier && (await store.conversations.byId(earlier.conversationId));
      if (conversation && conversation.contactId === contactId) return conversation;
    }
    return deps.conversations.startChannel({
      siteId: account.siteId,
      contactId,
      channel: account.channel,
      channelAccountId: account.id,
      subject: thread?.subject ?? null,
      reuseOpen: thread === undefined,
    });
  }

  async function storeMedia(
    account: ChannelAccountRecord,
    adapter: ChannelAdapter<unknown>,
    viewer: Viewer,
    event: InboundMessage,
  ): Promise<string[]> {
    const ids: string[] = [];
    // A file we cannot have or refuse must not lose the message: the agent is told instead.
    const skip = (name: string, reason: string) => {
      logger.warn('channel attachment not kept', { accountId: account.id, name, reason });
      event.text = `${event.text}\n[attachment "${name}" not kept: ${reason}]`.trim();
    };
    for (const media of event.media ?? []) {
      let file;
      try {
        file =
          media.source === 'inline'
            ? { bytes: Buffer.from(media.base64, 'base64'), contentType: media.contentType, name: media.name }
            : await fetchRemote(account, adapter, media.ref);
      } catch (error) {
        // Only a provider's final refusal (too large for its API, gone); anything else is retried.
        if (!(error instanceof ChannelSendError) || error.retryable) throw error;
        skip(media.name ?? 'file', error.message);
        continue;
      }
      const name = (media.source === 'remote' ? media.name : undefined) ?? file.name ?? 'file';
      try {
        const attachment = await deps.attachments.upload(viewer, {
          name,
          contentType: file.contentType,
          contentLength: file.bytes.byteLength,
          body: new Blob([new Uint8Array(file.bytes)]).stream(),
        });
        ids.push(attachment.id);
      } catch (error) {
        skip(name, error instanceof Error ? error.message : String(error));
      }
    }
    return ids;
  }

  async function fetchRemote(account: ChannelAccountRecord, adapter: ChannelAdapter<unknown>, ref: string) {
    if (!adapter.fetchMedia) throw new Permanent(`${account.channel} cannot download media`);
    return adapter.fetchMedia(deps.configs.of(adapter, account), ref, deps.context);
  }

  return drainLoop(pass);
}

/** Events of one sender are processed in order; status events have no sender to hold up. */
function orderKey(event: unknown): string {
  const candidate = event as Partial<InboundMessage>;
  return typeof candidate.address === 'string' ? candidate.address : '';
}

/** A failure no retry will mend. */
class Permanent extends Error {}
