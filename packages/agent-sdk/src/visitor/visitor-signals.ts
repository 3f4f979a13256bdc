// Typing indicators, delivery and read receipts on the visitor's side.
import {
  TYPING_TIMEOUT_MS,
  type DeliveryReceipt,
  type Message,
  type ReadReceipt,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
  type VisitorTypingEvent,
} from '@switchboard/protocol';
import type { VisitorClientEvents, VisitorState } from '../types.js';
import type { EventHub } from '../core/emitter.js';
import { createDeliveryAcks } from '../core/delivery-acks.js';
import { lastSeq } from '../core/message-log.js';
import type { Store } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import { createTypingSender } from '../core/typing-sender.js';

export interface VisitorSignals {
  setTyping: (typing: boolean) => void;
  markRead: () => void;
  receiveTyping: (event: VisitorTypingEvent) => void;
  receiveRead: (receipt: ReadReceipt) => void;
  receiveDelivered: (receipt: DeliveryReceipt) => void;
  /** Stops timers without sending anything (disconnect, reset). */
  stop: () => void;
}

interface Options {
  store: Store<VisitorState>;
  hub: EventHub<VisitorClientEvents>;
  transport: Transport<VisitorServerToClientEvents, VisitorClientToServerEvents>;
}

/** The receipt marks a conversation snapshot carries. */
type ReceiptMark = 'agentReadSeq' | 'agentDeliveredSeq' | 'visitorReadSeq' | 'visitorDeliveredSeq';

export function createVisitorSignals({ store, hub, transport }: Options): VisitorSignals {
  /** The highest seq a read receipt was sent for, per conversation (so each is sent once). */
  const marked = new Map<string, number>();
  const currentId = () => store.getSnapshot().conversation?.id ?? null;

  const sender = createTypingSender((typing) => {
    const conversationId = currentId();
    if (conversationId) transport.signal('typing', { conversationId, typing });
  });
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Shows who is typing, or nobody. The visitor sees one conversation, so one timer suffices: it
   * hides the indicator after `TYPING_TIMEOUT_MS` without a refresh, and another conversation
   * (or `stop()`) hides it at once.
   */
  const showTyping = (typing: VisitorState['agentTyping']): void => {
    clearTimeout(typingTimer);
    if (typing) typingTimer = setTimeout(() => store.setState({ agentTyping: null }), TYPING_TIMEOUT_MS);
    store.setState({ agentTyping: typing });
  };

  /**
   * Raises the current conversation's stored receipt marks to `seq` as the server just did, so
   * that its snapshot stays the server's row. Marks never go down. Returns whether
   * `conversationId` is the current conversation (another one's receipts are not ours to show).
   */
  const patch = (conversationId: string, seq: number, marks: ReceiptMark[]): boolean => {
    const held = store.getSnapshot().conversation;
    if (held?.id !== conversationId) return false;
    let next = held;
    for (const mark of marks) if (seq > next[mark]) next = { ...next, [mark]: seq };
    store.setState({ conversation: next });
    return true;
  };

  // Another conversation starts from its own stored marks; the same one only moves forward (a
  // snapshot may be older than a receipt that arrived meanwhile). Reading implies receiving.
  let heldId: string | null = null;
  store.select(
    (state) => state.conversation,
    (conversation) => {
      const id = conversation?.id ?? null;
      let { readByAgentSeq, deliveredToAgentSeq } = store.getSnapshot();
      if (id !== heldId) {
        heldId = id;
        sender.reset();
        showTyping(null);
        readByAgentSeq = deliveredToAgentSeq = 0;
      }
      readByAgentSeq = Math.max(readByAgentSeq, conversation?.agentReadSeq ?? 0);
      deliveredToAgentSeq = Math.max(
        deliveredToAgentSeq,
        conversation?.agentDeliveredSeq ?? 0,
        readByAgentSeq,
      );
      store.setState({ readByAgentSeq, deliveredToAgentSeq });
    },
  );

  // Delivery receipts: whatever of the other side's reaches this client (live, in a catch-up or
  // in history) is acked on its own, once per burst.
  const acks = createDeliveryAcks((conversationId, seq) =>
    transport
      .request('conversation:delivered', { conversationId, seq })
      .then((receipt) => patch(conversationId, receipt.seq, ['visitorDeliveredSeq'])),
  );
  store.subscribe(({ conversation, messages }) => {
    if (!conversation || !transport.connected) return;
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const { authorKind, seq } = messages[index]!;
      if (authorKind === 'visitor') continue;
      if (seq > conversation.visitorDeliveredSeq) acks.note(conversation.id, seq);
      return;
    }
  });

  // Their message ends their typing.
  hub.on('message:created', (message: Message) => {
    if (message.authorKind !== 'visitor') showTyping(null);
  });

  return {
    setTyping(typing) {
      if (!currentId() || !transport.connected) return;
      sender.set(typing);
    },

    markRead() {
      const { conversation, messages } = store.getSnapshot();
      const seq = lastSeq(messages);
      if (!conversation || seq === 0 || !transport.connected) return;
      if (seq <= Math.max(marked.get(conversation.id) ?? 0, conversation.visitorReadSeq)) return;
      marked.set(conversation.id, seq);
      // Best effort: on failure the next call tries again.
      transport.request('conversation:read', { conversationId: conversation.id, seq }).then(
        (receipt) => patch(conversation.id, receipt.seq, ['visitorReadSeq', 'visitorDeliveredSeq']),
        () => {
          if (marked.get(conversation.id) === seq) marked.delete(conversation.id);
        },
      );
    },

    receiveTyping(event) {
      if (event.conversationId !== currentId()) return;
      const { who, name } = event;
      showTyping(event.typing ? (name ? { who, name } : { who }) : null);
      hub.emit('typing', event);
    },

    receiveRead(receipt) {
      if (receipt.reader !== 'agent') return;
      if (patch(receipt.conversationId, receipt.seq, ['agentReadSeq', 'agentDeliveredSeq'])) {
        hub.emit('conversation:read', receipt);
      }
    },

    receiveDelivered(receipt) {
      if (receipt.recipient !== 'agent') return;
      if (patch(receipt.conversationId, receipt.seq, ['agentDeliveredSeq'])) {
        hub.emit('conversation:delivered', receipt);
      }
    },

    stop() {
      sender.reset();
      acks.stop();
      showTyping(null);
    },
  };
}
