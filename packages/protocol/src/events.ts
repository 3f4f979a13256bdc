import type { Ack, AckCallback } from './ack.js';
import type { Conversation } from './schemas/conversation.js';
import type { Message } from './schemas/message.js';
import type {
  AgentSendMessagePayload,
  ConversationRef,
  ConversationStartPayload,
  SendMessagePayload,
} from './schemas/payloads.js';

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
}

export interface AgentClientToServerEvents {
  'conversation:join': (payload: ConversationRef, ack: AckCallback<Conversation>) => void;
  'message:send': (payload: AgentSendMessagePayload, ack: AckCallback<Message>) => void;
}

export interface AgentServerToClientEvents {
  'message:created': (message: Message) => void;
  'conversation:created': (conversation: Conversation) => void;
  'conversation:updated': (conversation: Conversation) => void;
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
