import type {
  AgentSendMessagePayload,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  Message,
  MessageHistoryQuery,
  MessagePage,
  SendMessagePayload,
} from '@switchboard/protocol';
import { OPEN_STATUSES, ulid } from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import { isOpen as isWithinBusinessHours } from '../domain/business-hours.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import type { AutoResolve } from './auto-resolve.js';
import type { LifecycleService } from './lifecycle.js';
import type { RoutingService } from './routing.js';
import { canSee, type Viewer } from './viewer.js';

export interface ConversationService {
  /** The visitor's open web conversation, created if there is none. */
  start(viewer: Viewer): Promise<Conversation>;
  /** Throws `not_found` for a conversation the viewer may not see, exactly as for a missing one. */
  get(viewer: Viewer, id: string): Promise<Conversation>;
  list(viewer: Viewer, query: ConversationListQuery): Promise<ConversationPage>;
  history(viewer: Viewer, id: string, query: MessageHistoryQuery): Promise<MessagePage>;
  /** Idempotent on (conversation, clientMessageId); broadcasts only what was newly written. */
  send(viewer: Viewer, payload: SendMessagePayload | Required<AgentSendMessagePayload>): Promise<Message>;
}

const isOpen = (status: Conversation['status']) => (OPEN_STATUSES as readonly string[]).includes(status);

interface Deps {
  store: Store;
  bus: EventBus;
  lifecycle: LifecycleService;
  routing: RoutingService;
  now: () => number;
  autoResolve: AutoResolve;
}

export function createConversationService({
  store,
  bus,
  lifecycle,
  routing,
  now,
  autoResolve,
}: Deps): ConversationService {
  async function get(viewer: Viewer, id: string): Promise<Conversation> {
    const conversation = await store.conversations.byId(id);
    if (!conversation || !canSee(viewer, conversation)) throw AppError.notFound('Conversation');
    return conversation;
  }

  /** Outside business hours, the conversation opens with the site's after-hours message. */
  async function replyIfClosed(conversation: Conversation) {
    const site = await store.sites.byId(conversation.siteId);
    if (!site?.businessHours || isWithinBusinessHours(site.businessHours, now())) return;
    const { message } = await store.messages.append({
      conversationId: conversation.id,
      clientMessageId: ulid(),
      authorKind: 'system',
      authorId: null,
      kind: 'text',
      text: site.businessHours.afterHours.message,
    });
    bus.publish('message.created', { message, conversation });
  }

  return {
    get,

    async start(viewer) {
      if (viewer.kind !== 'visitor') throw new AppError('forbidden', 'Only visitors start web conversations');
      // No bot yet: a new web conversation waits in the site's default queue for an agent.
      const queue = await store.queues.defaultForSite(viewer.siteId);
      const { conversation, created } = await store.conversations.openOrCreate({
        siteId: viewer.siteId,
        contactId: viewer.contactId,
        channel: 'web',
        status: 'queued',
        queueId: queue?.id ?? null,
      });
      if (!created) return conversation;
      bus.publish('conversation.created', { conversation });
      await replyIfClosed(conversation);
      if (conversation.queueId) await routing.drain(conversation.queueId);
      return (await store.conversations.byId(conversation.id)) ?? conversation;
    },

    async list(viewer, { status, limit, cursor }) {
      const contactId = viewer.kind === 'visitor' ? viewer.contactId : undefined;
      return store.conversations.list({ contactId, status, limit, cursor });
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
      let conversation = await get(viewer, payload.conversationId);
      const kind = 'kind' in payload ? payload.kind : 'text';
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
      const result = await store.messages.append({
        conversationId: conversation.id,
        clientMessageId: payload.clientMessageId,
        authorKind: viewer.kind === 'visitor' ? 'visitor' : 'agent',
        authorId: viewer.kind === 'visitor' ? viewer.contactId : viewer.agentId,
        kind,
        text: payload.text,
      });
      // Broadcast strictly after commit, and never twice: a duplicate was broadcast the first time.
      if (result.duplicate) return result.message;
      bus.publish('message.created', { message: result.message, conversation: result.conversation });
      // Every message restarts the inactivity clock (checked when the timer fires).
      if (kind !== 'note') await autoResolve.touch(conversation.id);
      return result.message;
    },
  };
}
