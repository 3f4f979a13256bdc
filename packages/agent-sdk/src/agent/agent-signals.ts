// Typing indicators and read receipts on the agent's side: per conversation.
import {
  TYPING_TIMEOUT_MS,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type AgentTypingEvent,
  type Conversation,
  type Message,
  type ReadReceipt,
} from '@switchboard/protocol';
import type { AgentClientEvents, AgentState } from '../types.js';
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

/** Raises the visitor read marks that conversation snapshots know better; unchanged by identity otherwise. */
function withSnapshotMarks(
  marks: Readonly<Record<string, number>>,
  conversations: Readonly<Record<string, Conversation>>,
): Readonly<Record<string, number>> {
  let next = marks;
  for (const { id, visitorReadSeq } of Object.values(conversations)) {
    if (visitorReadSeq > (next[id] ?? 0)) next = { ...next, [id]: visitorReadSeq };
  }
  return next;
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

  store.select(
    (state) => state.conversations,
    (conversations) => {
      const { visitorReadSeq } = store.getSnapshot();
      store.setState({ visitorReadSeq: withSnapshotMarks(visitorReadSeq, conversations) });
    },
  );
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
      if (receipt.reader === 'visitor') {
        const { visitorReadSeq } = store.getSnapshot();
        if (receipt.seq > (visitorReadSeq[receipt.conversationId] ?? 0))
          store.setState({ visitorReadSeq: { ...visitorReadSeq, [receipt.conversationId]: receipt.seq } });
      }
      hub.emit('conversation:read', receipt);
    },

    stop() {
      for (const sender of senders.values()) sender.reset();
      senders.clear();
      expiry.clearAll();
      store.setState({ visitorTyping: {} });
    },
  };
}
