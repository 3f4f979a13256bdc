import type { Ack, AckCallback } from './ack.js';
import type { AgentPresence } from './schemas/agent.js';
import type { Conversation } from './schemas/conversation.js';
import type { Message } from './schemas/message.js';
import type {
  AgentSendMessagePayload,
  AssignPayload,
  ConversationRef,
  ConversationStartPayload,
  ResolvePayload,
  SendMessagePayload,
  SetCapacityPayload,
  SetPriorityPayload,
  SetStatusPayload,
  TransferPayload,
} from './schemas/payloads.js';
import type { QueuePosition } from './schemas/queue.js';
import type { ResolveReason } from './schemas/timeline.js';

/** Socket.io namespaces. Each authenticates from the handshake `auth` payload only. */
export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';

/** The handshake `auth` payload for both namespaces. */
export interface SocketAuth {
  token: string;
}

// Client → server events are imperative (`resource:verb`); server → client are past tense.

export interface VisitorClientToServerEvents {
  'conversation:start': (payload: ConversationStartPayload, ack: AckCallback<Conversation>) => void;
  'conversation:join': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'message:send': (payload: SendMessagePayload, ack: AckCallback<Message>) => void;
}

export interface VisitorServerToClientEvents {
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: Conversation) => void;
  /** Pushed whenever the visitor's place in the queue or the estimate changes. */
  'queue:position': (position: QueuePosition) => void;
}

export interface AgentClientToServerEvents {
  'conversation:join': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'message:send': (payload: AgentSendMessagePayload, ack: AckCallback<Message>) => void;
  /** Take a queued conversation; `already_assigned` if someone was faster. */
  'conversation:accept': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  /** Give a queued conversation to a named agent. */
  'conversation:assign': (payload: AssignPayload, ack: AckCallback<Conversation>) => void;
  'conversation:transfer': (payload: TransferPayload, ack: AckCallback<Conversation>) => void;
  'conversation:resolve': (payload: ResolvePayload, ack: AckCallback<Conversation>) => void;
  'conversation:reopen': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'conversation:set_priority': (payload: SetPriorityPayload, ack: AckCallback<Conversation>) => void;
  'agent:set_status': (payload: SetStatusPayload, ack: AckCallback<AgentPresence>) => void;
  'agent:set_capacity': (payload: SetCapacityPayload, ack: AckCallback<AgentPresence>) => void;
}

export interface AgentServerToClientEvents {
  'message:created': (message: Message) => void;
  'conversation:created': (conversation: Conversation) => void;
  'conversation:updated': (conversation: Conversation) => void;
  'conversation:assigned': (event: { conversation: Conversation; agentId: string }) => void;
  'conversation:transferred': (event: {
    conversation: Conversation;
    fromAgentId: string | null;
    toAgentId: string | null;
    toQueueId: string | null;
    note: string | null;
  }) => void;
  'conversation:resolved': (event: {
    conversation: Conversation;
    reason: ResolveReason;
    note: string | null;
  }) => void;
  'queue:updated': (event: { queueId: string; waiting: number }) => void;
  'agent:status_changed': (agent: AgentPresence) => void;
}

/** The data an ack carries for a client → server event, e.g. `AckData<VisitorClientToServerEvents, 'message:send'>`. */
export type AckData<Events, Name extends keyof Events> = Events[Name] extends (
  payload: never,
  ack: AckCallback<infer T>,
) => void
  ? T
  : never;

/** The payload type of a client → server event. */
export type PayloadOf<Events, Name extends keyof Events> = Events[Name] extends (
  payload: infer P,
  ack: never,
) => void
  ? P
  : never;

export type { Ack };
