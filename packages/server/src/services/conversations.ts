import type {
  Card,
  Channel,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  Message,
  MessageHistoryQuery,
  MessagePage,
} from '@switchboard/protocol';
import { OPEN_STATUSES, preChatPending } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { AutoResolve } from './auto-resolve.js';
import type { LifecycleService } from './lifecycle.js';
import type { MentionService } from './mentions.js';
import type { NoAgentPolicy } from './no-agent.js';
import type { RoutingService } from './routing.js';
import { canSee, type Viewer } from './viewer.js';

export interface ConversationService {
  /** The visitor's open web conversation, created if there is none. */
  start(viewer: Viewer): Promise<Conversation>;
  /**
   * A channel contact's conversation (see `openOrCreate`), created like a web one when there is
   * none: with the site's bot, or queued and routed.
   */
  startChannel(request: ChannelStart): Promise<Conversation>;
  /** Throws `not_found` for a conversation the viewer may not see, exactly as for a missing one. */
  get(viewer: Viewer, id: string): Promise<Conversation>;
  list(viewer: Viewer, query: ConversationListQuery): Promise<ConversationPage>;
  history(viewer: Viewer, id: string, query: MessageHistoryQuery): Promise<MessagePage>;
  /** Idempotent on (conversation, clientMessageId); broadcasts only what was newly written. */
  send(viewer: Viewer, request: SendRequest): Promise<Message>;
}

/** A message as a visitor or agent sends it, validated (`SendMessagePayload`, `AgentSendMessagePayload`). */
export interface SendRequest {
  conversationId: string;
  clientMessageId: string;
  /** May be blank when there are attachments or cards. */
  text: string;
  /** The sender's own pending uploads, linked in the message's transaction. */
  attachmentIds?: readonly string[];
  /** Agents only, never in a note: products and the like shown under the message. */
  cards?: readonly Card[];
  /** Agents only. @default 'text' */
  kind?: 'text' | 'note';
  /** An inbound channel message's provider id. */
  externalId?: string;
  /** Channel adapters' extras for the outbox (a WhatsApp template). */
  channelExtra?: Record<string, unknown>;
  /** Agents only: skip the channel's free-form rule (the message is an approved template). */
  template?: boolean;
}

export interface ChannelStart {
  siteId: string;
  contactId: string;
  channel: Exclude<Channel, 'web'>;
  channelAccountId: string;
  subject?: string | null;
  /** `false` always starts a new conversation (a new email thread). */
  reuseOpen?: boolean;
}

/** Whether a channel lets an agent send a free-form message now (WhatsApp's 24-hour window). */
export interface ChannelPolicy {
  /** Throws `channel_window_closed` when the channel only takes templates now. */
  assertFreeForm(conversation: Conversation): Promise<void>;
}

const isOpen = (status: Conversation['status']) => (OPEN_STATUSES as readonly string[]).includes(status);

interface Deps {
  store: Store;
  bus: EventBus;
  lifecycle: LifecycleService;
  routing: RoutingService;
  autoResolve: AutoResolve;
  noAgent: NoAgentPolicy;
  mentions: Pick<MentionService, 'resolve'>;
  /** @default no rules (every message may go) */
  channelPolicy?: ChannelPolicy;
}

export function createConversationService({
  store,
  bus,
  lifecycle,
  routing,
  autoResolve,
  noAgent,
  mentions,
  channelPolicy,
}: Deps): ConversationService {
  async function get(viewer: Viewer, id: string): Promise<Conversation> {
    const conversation = await store.conversations.byId(id);
    if (!conversation || !canSee(viewer, conversation)) throw AppError.notFound('Conversation');
    return conversation;
  }

  async function hasOpenConversation(contactId: string): Promise<boolean> {
    // Only asked while the form is due, which is before a visitor's first conversation: few rows.
    const { items } = await store.conversations.list({ contactId, limit: 20 });
    return items.some((conversation) => conversation.channel === 'web' && isOpen(conversation.status));
  }

  /** A new conversation: agents hear of it, and a queued one is routed (or told nobody is there). */
  async function announce(conversation: Conversation): Promise<Conversation> {
    bus.publish('conversation.created', { conversation });
    if (conversation.status !== 'queued') return conversation;
    await noAgent.tellIfUnavailable(conversation);
    if (conversation.queueId) await routing.drain(conversation.queueId);
    return (await store.conversations.byId(conversation.id)) ?? conversation;
  }

  return {
    get,

    async start(viewer) {
      if (viewer.kind !== 'visitor') throw new AppError('forbidden', 'Only visitors start web conversations');
      // With a bot the conversation starts with it (the default queue is where a handoff goes);
      // without one it waits in the default queue for an agent.
      const [site, queue, contact] = await Promise.all([
        store.sites.byId(viewer.siteId),
        store.queues.defaultForSite(viewer.siteId),
        store.contacts.byId(viewer.contactId),
      ]);
      // A site's pre-chat form comes before a visitor's first conversation (the form itself starts
      // it, with pre_chat:submit); a conversation already open, e.g. from before the form was
      // switched on, carries on.
      if (preChatPending(site?.preChat ?? null, contact) && !(await hasOpenConversation(viewer.contactId))) {
        throw new AppError(
          'pre_chat_required',
          'Fill in the pre-chat form (pre_chat:submit) to start a conversation',
        );
      }
      const { conversation, created } = await store.conversations.openOrCreate({
        siteId: viewer.siteId,
        contactId: viewer.contactId,
        channel: 'web',
        status: site?.bot ? 'bot' : 'queued',
        queueId: queue?.id ?? null,
      });
      return created ? announce(conversation) : conversation;
    },

    async startChannel({ siteId, contactId, channel, channelAccountId, subject, reuseOpen }) {
      const [site, queue] = await Promise.all([
        store.sites.byId(siteId),
        store.queues.defaultForSite(siteId),
      ]);
      const { conversation, created } = await store.conversations.openOrCreate({
        siteId,
        contactId,
        channel,
        status: site?.bot ? 'bot' : 'queued',
        queueId: queue?.id ?? null,
        channelAccountId,
        subject: subject ?? null,
        reuseOpen,
      });
      return created ? announce(conversation) : conversation;
    },

    async list(viewer, query) {
      if (viewer.kind === 'bot') throw new AppError('forbidden', 'Bots are sent the conversations they own');
      if (viewer.kind === 'visitor') {
        // Tags and labels are agents' own: a visitor filtering by them could learn them.
        if (query.tag !== undefined || query.labelId !== undefined) {
          throw new AppError('forbidden', 'Only agents filter by tag or label');
        }
        // A visitor's own conversations, and never a match on an internal note.
        return store.conversations.list({ ...query, contactId: viewer.contactId, searchNotes: false });
      }
      return store.conversations.list({ ...query, agentId: viewer.agentId, searchNotes: true });
    },

    async history(viewer, id, { afterSeq, beforeSeq, limit }) {
      await get(viewer, id);
      return store.messages.history(id, {
        afterSeq,
        beforeSeq,
        limit,
        includeNotes: viewer.kind === 'agent',
      });
    },

    async send(viewer, payload) {
      if (viewer.kind === 'bot')
        throw new AppError('forbidden', 'Bots reply with bot:reply or the bot REST API');
      let conversation = await get(viewer, payload.conversationId);
      const kind = payload.kind ?? 'text';
      const cards = payload.cards ?? [];
      // The payload schemas say so too; this holds for every caller, not only the socket.
      if (cards.length > 0 && (viewer.kind !== 'agent' || kind === 'note'))
        throw new AppError('invalid_payload', 'Only an agent message to the visitor can carry cards');
      if (!isOpen(conversation.status) && kind !== 'note') {
        // The customer writing again reopens it, history and all; agents reopen explicitly.
        if (viewer.kind !== 'visitor') {
          throw new AppError(
            'conversation_closed',
            `The conversation is ${conversation.status}; reopen it first`,
          );
        }
        conversation = await lifecycle.reopenForCustomer(conversation);
      }
      // Two voices at once confuse the visitor: an agent takes the conversation first (an
      // intervention, which mutes the bot) and then replies. Internal notes are always fine.
      if (viewer.kind === 'agent' && kind !== 'note' && conversation.status === 'bot') {
        throw new AppError(
          'conflict',
          'The bot has this conversation: accept it (intervene) before replying',
        );
      }
      if (viewer.kind === 'agent' && kind !== 'note' && payload.template !== true) {
        await channelPolicy?.assertFreeForm(conversation);
      }
      // A note's @mentions are stored with it, so that nobody named is ever left untold.
      const mentioned =
        viewer.kind === 'agent' && kind === 'note'
          ? await mentions.resolve(payload.text, viewer.agentId)
          : [];
      const result = await store.messages.append({
        conversationId: conversation.id,
        clientMessageId: payload.clientMessageId,
        authorKind: viewer.kind === 'visitor' ? 'visitor' : 'agent',
        authorId: viewer.kind === 'visitor' ? viewer.contactId : viewer.agentId,
        kind,
        // Blank text beside attachments or cards is no text at all.
        text: payload.text.trim() === '' ? '' : payload.text,
        attachmentIds: payload.attachmentIds,
        cards: [...cards],
        mentions: mentioned,
        externalId: payload.externalId,
        channelExtra: payload.channelExtra,
      });
      // Broadcast strictly after commit, and never twice: a duplicate was broadcast the first time.
      if (result.duplicate) return result.message;
      bus.publish('message.created', { message: result.message, conversation: result.conversation });
      for (const mention of result.mentions) bus.publish('mention.created', { mention });
      // Every message restarts the inactivity clock (checked when the timer fires).
      if (kind !== 'note') await autoResolve.touch(conversation.id);
      return result.message;
    },
  };
}
