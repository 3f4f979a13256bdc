// Typing indicators and read receipts on the visitor's side.
import {
  TYPING_TIMEOUT_MS,
  type Message,
  type ReadReceipt,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
  type VisitorTypingEvent,
} from '@switchboard/protocol';
import type { VisitorClientEvents, VisitorState } from '../types.js';
import type { EventHub } from '../core/emitter.js';
import { createExpiry } from '../core/expiry.js';
import type { Store } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import { createTypingSender } from '../core/typing-sender.js';

export interface VisitorSignals {
  setTyping: (typing: boolean) => void;
  markRead: () => void;
  receiveTyping: (event: VisitorTypingEvent) => void;
  receiveRead: (receipt: ReadReceipt) => void;
  /** Stops timers without sending anything (disconnect, reset). */
  stop: () => void;
}

interface Options {
  store: Store<VisitorState>;
  hub: EventHub<VisitorClientEvents>;
  transport: Transport<VisitorServerToClientEvents, VisitorClientToServerEvents>;
}

export function createVisitorSignals({ store, hub, transport }: Options): VisitorSignals {
  /** The highest seq a read receipt was sent for, per conversation (so each is sent once). */
  const marked = new Map<string, number>();
  const currentId = () => store.getSnapshot().conversation?.id ?? null;

  const sender = createTypingSender((typing) => {
    const conversationId = currentId();
    if (conversationId) transport.signal('typing', { conversationId, typing });
  });
  const expiry = createExpiry<string>(TYPING_TIMEOUT_MS, (conversationId) => {
    if (conversationId === currentId()) store.setState({ agentTyping: null });
  });

  // Another conversation starts from its own stored mark; the same one only moves forward (a
  // snapshot may be older than a receipt that arrived meanwhile).
  let heldId: string | null = null;
  store.select(
    (state) => state.conversation,
    (conversation) => {
      const id = conversation?.id ?? null;
      if (id !== heldId) {
        heldId = id;
        sender.reset();
        expiry.clearAll();
        store.setState({ agentTyping: null, readByAgentSeq: conversation?.agentReadSeq ?? 0 });
      } else if (conversation && conversation.agentReadSeq > store.getSnapshot().readByAgentSeq) {
        store.setState({ readByAgentSeq: conversation.agentReadSeq });
      }
    },
  );

  // Their message ends their typing.
  hub.on('message:created', (message: Message) => {
    if (message.authorKind !== 'visitor' && store.getSnapshot().agentTyping) {
      expiry.clear(message.conversationId);
      store.setState({ agentTyping: null });
    }
  });

  return {
    setTyping(typing) {
      if (!currentId() || !transport.connected) return;
      sender.set(typing);
    },

    markRead() {
      const { conversation, messages } = store.getSnapshot();
      const seq = messages.at(-1)?.seq ?? 0;
      if (!conversation || seq === 0 || !transport.connected) return;
      if (seq <= Math.max(marked.get(conversation.id) ?? 0, conversation.visitorReadSeq)) return;
      marked.set(conversation.id, seq);
      // Best effort: on failure the next call tries again.
      transport.request('conversation:read', { conversationId: conversation.id, seq }).catch(() => {
        if (marked.get(conversation.id) === seq) marked.delete(conversation.id);
      });
    },

    receiveTyping(event) {
      if (event.conversationId !== currentId()) return;
      if (event.typing) {
        expiry.arm(event.conversationId);
        store.setState({
          agentTyping: event.name ? { who: event.who, name: event.name } : { who: event.who },
        });
      } else {
        expiry.clear(event.conversationId);
        store.setState({ agentTyping: null });
      }
      hub.emit('typing', event);
    },

    receiveRead(receipt) {
      if (receipt.conversationId !== currentId() || receipt.reader !== 'agent') return;
      if (receipt.seq > store.getSnapshot().readByAgentSeq) store.setState({ readByAgentSeq: receipt.seq });
      hub.emit('conversation:read', receipt);
    },

    stop() {
      sender.reset();
      expiry.clearAll();
      store.setState({ agentTyping: null });
    },
  };
}
