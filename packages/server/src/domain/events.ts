import type {
  AgentPresence,
  CannedChangedEvent,
  Contact,
  Conversation,
  Handoff,
  DeliveryReceipt,
  Label,
  Mention,
  MentionsRead,
  Message,
  QueuePosition,
  ReadReceipt,
  ResolveReason,
} from '@switchboard/protocol';

/** What services announce after a commit; the realtime gateway (and later, webhooks) listen. */
export interface DomainEvents {
  'message.created': { message: Message; conversation: Conversation };
  /** A channel message's delivery state moved on (sent, delivered, read, failed). */
  'message.updated': { message: Message };
  'conversation.created': { conversation: Conversation };
  'conversation.updated': { conversation: Conversation };
  'conversation.assigned': { conversation: Conversation; agentId: string };
  'conversation.transferred': {
    conversation: Conversation;
    fromAgentId: string | null;
    toAgentId: string | null;
    toQueueId: string | null;
    note: string | null;
  };
  'conversation.resolved': { conversation: Conversation; reason: ResolveReason; note: string | null };
  /** The visitor rated a resolved conversation (CSAT). */
  'conversation.rated': { conversation: Conversation; score: number; comment: string | null };
  /** A queue's backlog changed: how many wait, and the positions or estimates that moved. */
  'queue.changed': { queueId: string; waiting: number; positions: QueuePosition[] };
  'agent.status_changed': { agent: AgentPresence };
  'handoff.requested': { conversation: Conversation; handoff: Handoff };
  'handoff.accepted': { conversation: Conversation; handoff: Handoff; agentId: string };
  'handoff.returned': { conversation: Conversation; agentId: string; note: string | null };
  'handoff.timed_out': { conversation: Conversation; handoff: Handoff; error: string };
  'contact.updated': { contact: Contact };
  /** Agents changed a conversation's tags or labels: news for agents only, never for the visitor. */
  'conversation.annotated': { conversation: Conversation };
  'label.created': { label: Label };
  'label.updated': { label: Label };
  /** An agent was named in a note; only they are told. */
  'mention.created': { mention: Mention };
  /** An agent marked their mentions read; their other consoles follow. */
  'mentions.read': MentionsRead & { agentId: string };
  /** Someone started or stopped typing. Never stored: receivers let it expire. */
  'conversation.typing': {
    conversationId: string;
    typing: boolean;
    who: { kind: 'visitor' } | { kind: 'bot' } | { kind: 'agent'; agentId: string; name: string };
  };
  /** A reader's mark moved forward (stored). */
  'conversation.read': ReadReceipt;
  /** A side's delivery mark moved forward (stored). */
  'conversation.delivered': DeliveryReceipt;
  /** A canned response was created, edited or deleted (as it last was). */
  'canned.changed': CannedChangedEvent;
}

type Handler<Name extends keyof DomainEvents> = (event: DomainEvents[Name]) => void;

export interface EventBus {
  publish<Name extends keyof DomainEvents>(name: Name, event: DomainEvents[Name]): void;
  subscribe<Name extends keyof DomainEvents>(name: Name, handler: Handler<Name>): () => void;
}

/** In-process and synchronous: a failing subscriber is reported and never fails the publisher. */
export function createEventBus(onError: (error: unknown) => void): EventBus {
  const handlers = new Map<keyof DomainEvents, Set<Handler<never>>>();
  return {
    publish(name, event) {
      for (const handler of handlers.get(name) ?? []) {
        try {
          (handler as Handler<typeof name>)(event);
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(name, handler) {
      const set = handlers.get(name) ?? new Set();
      set.add(handler);
      handlers.set(name, set);
      return () => set.delete(handler);
    },
  };
}
