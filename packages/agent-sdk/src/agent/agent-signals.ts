// Typing indicators, delivery and read receipts on the agent's side: per conversation.
import {
  TYPING_TIMEOUT_MS,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AgentTypingEvent,
  type Conversation,
  type DeliveryReceipt,
  type Message,
  type ReadReceipt,
} from '@switchboard/protocol';
import type { AgentClientEvents, AgentState } from '../types.js';
import { createDeliveryAcks } from '../core/delivery-acks.js';
import type { EventHub } from '../core/emitter.js';
import { createExpiry } from '../core/expiry.js';
import type { Store } from '../core/store.js';
import type { Transport } from '../core/transport.js';
import { createTypingSender, type TypingSender } from '../core/typing-sender.js';

export interface AgentSignals {
  setTyping: (conversationId: string, typing: boolean) => void;
  markRead: (conversationId: string) => void;
  receiveTyping: (event: AgentTypingEvent) => void;
  receiveRead: (receipt: ReadReceipt) => void;
  receiveDelivered: (receipt: DeliveryReceipt) => void;
  /** Stops timers without sending anything (disconnect). */
  stop: () => void;
}

interface Options {
  store: Store<AgentState>;
  hub: EventHub<AgentClientEvents>;
  transport: Transport<AgentServerToClientEvents, AgentClientToServerEvents>;
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

type Marks = Readonly<Record<string, number>>;

/** The receipt marks a conversation snapshot carries. */
type ReceiptMark = 'agentReadSeq' | 'agentDeliveredSeq' | 'visitorReadSeq' | 'visitorDeliveredSeq';

/** `marks` with the conversation's raised to `seq`; the same object when it is not higher. */
function raised(marks: Marks, conversationId: string, seq: number): Marks {
  return seq > (marks[conversationId] ?? 0) ? { ...marks, [conversationId]: seq } : marks;
}

/** Raises the marks that conversation snapshots know better; unchanged by identity otherwise. */
function withSnapshotMarks(
  marks: Marks,
  conversations: Readonly<Record<string, Conversation>>,
  markOf: (conversation: Conversation) => number,
): Marks {
  let next = marks;
  for (const conversation of Object.values(conversations))
    next = raised(next, conversation.id, markOf(conversation));
  return next;
}

/** The seq of the visitor's latest message in a list, 0 when there is none. */
function lastVisitorSeq(messages: readonly Message[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.authorKind === 'visitor') return message.seq;
  }
  return 0;
}

export function createAgentSignals({ store, hub, transport }: Options): AgentSignals {
  const senders = new Map<string, TypingSender>();
  /** The highest seq a read receipt was sent for, per conversation (so each is sent once). */
  const marked = new Map<string, number>();
  const setVisitorTyping = (conversationId: string, typing: boolean) => {
    const { visitorTyping } = store.getSnapshot();
    store.setState({
      visitorTyping: typing
        ? { ...visitorTyping, [conversationId]: true }
        : withoutKey(visitorTyping, conversationId),
    });
  };
  const expiry = createExpiry<string>(TYPING_TIMEOUT_MS, (id) => setVisitorTyping(id, false));

  /**
   * Raises a held conversation's stored receipt marks as the server just did, so that its snapshot
   * stays the server's row. Marks never go down.
   */
  const patch = (conversationId: string, marks: Partial<Record<ReceiptMark, number>>) => {
    const { conversations } = store.getSnapshot();
    const held = conversations[conversationId];
    if (!held) return;
    let next = held;
    for (const [key, seq] of Object.entries(marks) as [ReceiptMark, number][])
      if (seq > next[key]) next = { ...next, [key]: seq };
    if (next !== held) store.setState({ conversations: { ...conversations, [conversationId]: next } });
  };

  store.select(
    (state) => state.conversations,
    (conversations) => {
      const { visitorReadSeq, visitorDeliveredSeq } = store.getSnapshot();
      store.setState({
        visitorReadSeq: withSnapshotMarks(visitorReadSeq, conversations, (c) => c.visitorReadSeq),
        // Reading implies receiving.
        visitorDeliveredSeq: withSnapshotMarks(visitorDeliveredSeq, conversations, (c) =>
          Math.max(c.visitorDeliveredSeq, c.visitorReadSeq),
        ),
      });
    },
  );

  // Delivery receipts: the visitor's messages in a conversation assigned to this agent are acked
  // once they reach this client (live, in a catch-up or in history), once per burst. Consoles
  // that merely watch a conversation acknowledge nothing: "delivered" means its agent has it.
  const acks = createDeliveryAcks((conversationId, seq) =>
    transport.request('conversation:delivered', { conversationId, seq }),
  );
  /** The state last looked through; null forces a full pass (after a reconnect, a re-login). */
  let seen: AgentState | null = null;
  store.subscribe((state) => {
    const me = state.agent?.id;
    if (!me || !transport.connected) {
      seen = null;
      return;
    }
    if (state.messages === seen?.messages && state.conversations === seen.conversations) return;
    for (const [id, messages] of Object.entries(state.messages)) {
      const conversation = state.conversations[id];
      if (seen && messages === seen.messages[id] && conversation === seen.conversations[id]) continue;
      if (conversation?.assigneeId !== me) continue;
      const seq = lastVisitorSeq(messages);
      if (seq > conversation.agentDeliveredSeq) acks.note(id, seq);
    }
    seen = state;
  });
  // The visitor's message ends their typing.
  hub.on('message:created', (message: Message) => {
    if (message.authorKind !== 'visitor' || !store.getSnapshot().visitorTyping[message.conversationId])
      return;
    expiry.clear(message.conversationId);
    setVisitorTyping(message.conversationId, false);
  });

  return {
    setTyping(conversationId, typing) {
      if (!transport.connected) return;
      let sender = senders.get(conversationId);
      if (!sender) {
        sender = createTypingSender((value) => transport.signal('typing', { conversationId, typing: value }));
        senders.set(conversationId, sender);
      }
      sender.set(typing);
    },

    markRead(conversationId) {
      const conversation = store.getSnapshot().conversations[conversationId];
      const seq = conversation?.lastSeq ?? 0;
      if (!conversation || seq === 0 || !transport.connected) return;
      if (seq <= Math.max(marked.get(conversationId) ?? 0, conversation.agentReadSeq)) return;
      marked.set(conversationId, seq);
      // Best effort: on failure the next call tries again.
      transport.request('conversation:read', { conversationId, seq }).catch(() => {
        if (marked.get(conversationId) === seq) marked.delete(conversationId);
      });
    },

    receiveTyping(event) {
      if (event.who === 'agent' && event.agentId === store.getSnapshot().agent?.id) return;
      if (event.who === 'visitor') {
        if (event.typing) expiry.arm(event.conversationId);
        else expiry.clear(event.conversationId);
        setVisitorTyping(event.conversationId, event.typing);
      }
      hub.emit('typing', event);
    },

    receiveRead(receipt) {
      const { conversationId, seq } = receipt;
      if (receipt.reader === 'visitor') {
        patch(conversationId, { visitorReadSeq: seq, visitorDeliveredSeq: seq });
        const { visitorReadSeq, visitorDeliveredSeq } = store.getSnapshot();
        store.setState({
          visitorReadSeq: raised(visitorReadSeq, conversationId, seq),
          visitorDeliveredSeq: raised(visitorDeliveredSeq, conversationId, seq),
        });
      } else {
        patch(conversationId, { agentReadSeq: seq, agentDeliveredSeq: seq });
      }
      hub.emit('conversation:read', receipt);
    },

    receiveDelivered(receipt) {
      const { conversationId, seq } = receipt;
      if (receipt.recipient === 'visitor') {
        patch(conversationId, { visitorDeliveredSeq: seq });
        const { visitorDeliveredSeq } = store.getSnapshot();
        store.setState({ visitorDeliveredSeq: raised(visitorDeliveredSeq, conversationId, seq) });
      } else {
        patch(conversationId, { agentDeliveredSeq: seq });
      }
      hub.emit('conversation:delivered', receipt);
    },

    stop() {
      acks.stop();
      for (const sender of senders.values()) sender.reset();
      senders.clear();
      expiry.clearAll();
      store.setState({ visitorTyping: {} });
    },
  };
}
