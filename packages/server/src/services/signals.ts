// Typing indicators and read receipts. Typing is relayed, never stored (receivers let it expire);
// a read receipt is a stored high-water mark per side, so a reload shows the right "read" state.
import type { ReadPayload, ReadReceipt, TypingPayload } from '@switchboard/protocol';
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
  };
}
