import type {
  BotCollectPayload,
  BotHandoffPayload,
  BotMessagePayload,
  Card,
  Contact,
  Conversation,
  Message,
  QuickReply,
} from '@switchboard/protocol';
import { BotHandoffPayload as HandoffSchema } from '@switchboard/protocol/schemas';
import type { BotDirectory } from '../bots/directory.js';
import type { BotDecision } from '../bots/types.js';
import { publicContact } from '../db/mappers.js';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import { derivedMessageId } from '../lib/derived-id.js';
import type { Logger } from '../lib/logger.js';
import { BOT_REPLY_TIMER, type HandoffService } from './handoff.js';
import type { SignalService } from './signals.js';
import { canSee, type Viewer } from './viewer.js';

export interface BotRunner {
  /** Starts answering visitor messages in conversations a bot owns; returns the unsubscribe. */
  start(): () => void;
  /** A bot's message from REST or the SDK socket. */
  reply(viewer: Viewer, payload: Omit<BotMessagePayload, 'part'> & { part?: number }): Promise<Message>;
  handoff(viewer: Viewer, payload: BotHandoffPayload): Promise<Conversation>;
  collect(viewer: Viewer, payload: BotCollectPayload): Promise<Contact>;
  /** The reply timer fired: the bot stayed silent, so a person takes over. */
  replyTimedOut(conversationId: string): Promise<void>;
  /** Resolves when every turn in flight has finished (tests, shutdown). */
  idle(): Promise<void>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  bots: BotDirectory;
  handoff: HandoffService;
  signals: SignalService;
  logger: Logger;
  now: () => number;
  replyTimeoutMs: number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createBotRunner({
  store,
  bus,
  bots,
  handoff,
  signals,
  logger,
  now,
  replyTimeoutMs,
}: Deps): BotRunner {
  // Turns of one conversation run one after another, so the bot reads its own last state.
  const chains = new Map<string, Promise<void>>();
  /** The visitor message each conversation's reply timer waits on (a late answer to an older one does not count). */
  const awaiting = new Map<string, string>();

  async function ownConversation(viewer: Viewer, conversationId: string): Promise<Conversation> {
    if (viewer.kind !== 'bot') throw new AppError('forbidden', 'Only bots can do that');
    const conversation = await store.conversations.byId(conversationId);
    if (!conversation || !canSee(viewer, conversation)) throw AppError.notFound('Conversation');
    return conversation;
  }

  /** Stored only while the bot owns the conversation (checked under the write lock). */
  async function post(
    conversationId: string,
    clientMessageId: string,
    text: string,
    quickReplies: QuickReply[],
    cards: Card[] = [],
  ) {
    const result = await store.messages.append({
      conversationId,
      clientMessageId,
      authorKind: 'bot',
      authorId: null,
      kind: 'text',
      text,
      quickReplies,
      cards,
      requireStatus: ['bot'],
    });
    if (!result.duplicate)
      bus.publish('message.created', { message: result.message, conversation: result.conversation });
    return result.message;
  }

  async function collect(conversation: Conversation, fields: Record<string, string>): Promise<Contact> {
    const { name, email, ...attributes } = fields;
    const contact = await store.contacts.update(conversation.contactId, { name, email, attributes });
    if (!contact) throw AppError.notFound('Contact');
    const visible = publicContact(contact);
    bus.publish('contact.updated', { contact: visible });
    return visible;
  }

  /** The bot answered `deliveryId`; the reply timer stops if that was the message it waited on. */
  async function answered(conversationId: string, deliveryId: string | undefined) {
    const waitingOn = awaiting.get(conversationId);
    // Unknown (e.g. after a restart) or no delivery named: any answer will do.
    if (waitingOn && deliveryId && waitingOn !== deliveryId) return;
    awaiting.delete(conversationId);
    await store.timers.cancel(BOT_REPLY_TIMER, conversationId);
  }

  async function apply(conversation: Conversation, deliveryId: string, decision: BotDecision) {
    if (decision.collected && Object.keys(decision.collected).length > 0)
      await collect(conversation, decision.collected);
    for (const [part, reply] of decision.replies.entries()) {
      const key = derivedMessageId(`${deliveryId}:${part}`);
      await post(conversation.id, key, reply.text, reply.quickReplies, reply.cards);
    }
    await answered(conversation.id, deliveryId);
    if (decision.handoff) await handoff.request(conversation.id, decision.handoff, { kind: 'bot', id: null });
  }

  async function turn(conversationId: string, message: Message) {
    const conversation = await store.conversations.byId(conversationId);
    // A person took over while this message waited its turn: the bot stays silent.
    if (conversation?.status !== 'bot') return;
    const site = await store.sites.byId(conversation.siteId);
    const adapter = site ? bots.forSite(site) : null;
    if (!adapter) return handoff.timeOut(conversationId, 'This site has no bot configured');
    await store.timers.arm(BOT_REPLY_TIMER, conversationId, now() + replyTimeoutMs);
    awaiting.set(conversationId, message.id);
    const [state, contact] = await Promise.all([
      store.conversations.botState(conversationId),
      store.contacts.byId(conversation.contactId),
    ]);
    if (!contact) return;
    // The rules bot answers at once; a bot behind a network hop may think for seconds, and the
    // visitor should see that something is happening. Its reply (or a handoff) ends the typing.
    const slow = adapter.kind !== 'rules';
    if (slow) signals.botTyping(conversationId, true);
    let outcome;
    try {
      outcome = await adapter.handle({
        deliveryId: message.id,
        conversation,
        message,
        contact: publicContact(contact),
        state,
        signal: AbortSignal.timeout(replyTimeoutMs),
      });
    } catch (error) {
      logger.warn('bot failed; handing the conversation to the queue', {
        conversationId,
        bot: adapter.kind,
        error: describe(error),
      });
      if (slow) signals.botTyping(conversationId, false);
      return handoff.timeOut(conversationId, describe(error));
    }
    if (outcome.kind === 'deferred') return;
    // A bot in the server answered: it has the message, so the visitor sees "Delivered" before
    // the reply. (An SDK bot's client says so itself, once the message reaches it.)
    await signals.botReceived(conversationId, message.seq);
    if (outcome.state !== undefined) await store.conversations.setBotState(conversationId, outcome.state);
    await apply(conversation, message.id, outcome.decision);
    if (slow && outcome.decision.replies.length === 0) signals.botTyping(conversationId, false);
  }

  function enqueue(conversationId: string, message: Message) {
    const previous = chains.get(conversationId) ?? Promise.resolve();
    const next = previous
      .then(() => turn(conversationId, message))
      .catch((error: unknown) => {
        // The bot was muted mid-turn: exactly what muting is for.
        if (error instanceof AppError && error.code === 'bot_muted') return;
        logger.error('bot turn failed', { conversationId, error });
      })
      .finally(() => {
        if (chains.get(conversationId) === next) chains.delete(conversationId);
      });
    chains.set(conversationId, next);
  }

  return {
    start: () =>
      bus.subscribe('message.created', ({ message, conversation }) => {
        if (message.authorKind === 'visitor' && message.kind === 'text' && conversation.status === 'bot') {
          enqueue(conversation.id, message);
        }
      }),

    async reply(
      viewer,
      { conversationId, text, quickReplies = [], cards = [], clientMessageId, deliveryId, part = 0 },
    ) {
      const conversation = await ownConversation(viewer, conversationId);
      const key = clientMessageId ?? derivedMessageId(`${deliveryId ?? ''}:${part}`);
      const message = await post(conversation.id, key, text, quickReplies, cards);
      await answered(conversation.id, deliveryId);
      return message;
    },

    async handoff(viewer, payload) {
      const { conversationId, reason, summary, queueId, skills } = HandoffSchema.parse(payload);
      await ownConversation(viewer, conversationId);
      return handoff.request(conversationId, { reason, summary, queueId, skills }, { kind: 'bot', id: null });
    },

    async collect(viewer, { conversationId, fields }) {
      return collect(await ownConversation(viewer, conversationId), fields);
    },

    async replyTimedOut(conversationId) {
      awaiting.delete(conversationId);
      const conversation = await store.conversations.byId(conversationId);
      if (conversation?.status !== 'bot') return;
      const site = await store.sites.byId(conversation.siteId);
      const why = site ? bots.forSite(site)?.diagnose?.() : null;
      const waited = `did not answer within ${Math.round(replyTimeoutMs / 1000)} s`;
      await handoff.timeOut(conversationId, why ? `${why}; the bot ${waited}` : `The bot ${waited}`);
    },

    async idle() {
      while (chains.size > 0) await Promise.all(chains.values());
    },
  };
}
