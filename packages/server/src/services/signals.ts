// Typing indicators, delivery and read receipts. Typing is relayed, never stored (receivers let it
// expire); delivery and read receipts are stored high-water marks per side, so a reload shows the
// right "delivered" and "read" states.
import type {
  Conversation,
  DeliveredPayload,
  DeliveryReceipt,
  ReadPayload,
  ReadReceipt,
  TypingPayload,
} from '@switchboard/protocol';
import type { Store } from '../db/store.js';
import type { EventBus } from '../domain/events.js';
import { AppError } from '../lib/app-error.js';
import { canSee, type Viewer } from './viewer.js';

export interface SignalService {
  /** Announces that the visitor or an agent started or stopped typing. */
  typing(viewer: Viewer, payload: TypingPayload): Promise<void>;
  /** The bot is working on a reply (or stopped); only the visitor is told. */
  botTyping(conversationId: string, typing: boolean): void;
  /**
   * Raises the viewer's side's read mark to `seq` (clamped to the conversation's `lastSeq`,
   * never lowered) and announces it if it moved. Returns the stored mark either way.
   */
  read(viewer: Viewer, payload: ReadPayload): Promise<ReadReceipt>;
  /**
   * The viewer's client received the conversation up to `seq`: raises its side's delivery mark
   * (the visitor's, or the agents' side for an agent or the bot), clamped to `lastSeq` and never
   * lowered, and tells the other side if it moved. Returns the stored mark either way.
   */
  delivered(viewer: Viewer, payload: DeliveredPayload): Promise<DeliveryReceipt>;
  /** A bot that runs in the server (rules, webhook) took the visitor's message at `seq`. */
  botReceived(conversationId: string, seq: number): Promise<void>;
}

interface Deps {
  store: Store;
  bus: EventBus;
  now: () => number;
}

export function createSignalService({ store, bus, now }: Deps): SignalService {
  async function visible(viewer: Viewer, conversationId: string) {
    if (viewer.kind === 'bot') throw new AppError('forbidden', 'Bots do not type or read');
    const conversation = await store.conversations.byId(conversationId);
    if (!conversation || !canSee(viewer, conversation)) throw AppError.notFound('Conversation');
    return { viewer, conversation };
  }

  return {
    async typing(as, { conversationId, typing }) {
      const { viewer } = await visible(as, conversationId);
      if (viewer.kind === 'visitor') {
        bus.publish('conversation.typing', { conversationId, typing, who: { kind: 'visitor' } });
        return;
      }
      const agent = await store.agents.byId(viewer.agentId);
      if (!agent) throw AppError.notFound('Agent');
      bus.publish('conversation.typing', {
        conversationId,
        typing,
        who: { kind: 'agent', agentId: agent.id, name: agent.name },
      });
    },

    botTyping(conversationId, typing) {
      bus.publish('conversation.typing', { conversationId, typing, who: { kind: 'bot' } });
    },

    async read(as, { conversationId, seq }) {
      const { viewer } = await visible(as, conversationId);
      const reader = viewer.kind === 'visitor' ? 'visitor' : 'agent';
      const result = await store.conversations.markRead(conversationId, reader, seq);
      if (!result) throw AppError.notFound('Conversation');
      const { conversation, advanced } = result;
      const receipt: ReadReceipt = {
        conversationId,
        reader,
        ...(viewer.kind === 'agent' ? { agentId: viewer.agentId } : {}),
        seq: reader === 'visitor' ? conversation.visitorReadSeq : conversation.agentReadSeq,
        at: new Date(now()).toISOString(),
      };
      if (advanced) bus.publish('conversation.read', receipt);
      return receipt;
    },

    async delivered(viewer, { conversationId, seq }) {
      const conversation = await store.conversations.byId(conversationId);
      if (!conversation || !canSee(viewer, conversation)) throw AppError.notFound('Conversation');
      return markDelivered(conversationId, viewer.kind === 'visitor' ? 'visitor' : 'agent', seq);
    },

    async botReceived(conversationId, seq) {
      await markDelivered(conversationId, 'agent', seq);
    },
  };

  async function markDelivered(
    conversationId: string,
    recipient: DeliveryReceipt['recipient'],
    seq: number,
  ): Promise<DeliveryReceipt> {
    const result = await store.conversations.markDelivered(conversationId, recipient, seq);
    if (!result) throw AppError.notFound('Conversation');
    const receipt: DeliveryReceipt = {
      conversationId,
      recipient,
      seq: deliveredSeq(result.conversation, recipient),
      at: new Date(now()).toISOString(),
    };
    if (result.advanced) bus.publish('conversation.delivered', receipt);
    return receipt;
  }
}

const deliveredSeq = (conversation: Conversation, recipient: DeliveryReceipt['recipient']) =>
  recipient === 'visitor' ? conversation.visitorDeliveredSeq : conversation.agentDeliveredSeq;
