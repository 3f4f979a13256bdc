import type { Namespace } from 'socket.io';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  BotClientToServerEvents,
  BotServerToClientEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import type { SocketData } from './handshake.js';

// socket.io types every namespace with the server's event maps; ours differ per namespace.
export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  object,
  SocketData
>;
export type AgentNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  object,
  SocketData
>;
export type BotNamespace = Namespace<BotClientToServerEvents, BotServerToClientEvents, object, SocketData>;
