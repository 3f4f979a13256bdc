// The agent's lifecycle and presence actions: one socket request each, whose acknowledged result
// goes into the state at once (the broadcast that follows it is then no news).
import type {
  AgentClientToServerEvents,
  AgentPresence,
  AgentServerToClientEvents,
  Conversation,
} from '@switchboard/protocol';
import type { AgentClient } from '../types.js';
import type { Transport } from '../core/transport.js';

export type AgentActions = Pick<
  AgentClient,
  | 'accept'
  | 'assign'
  | 'transfer'
  | 'resolve'
  | 'reopen'
  | 'handBack'
  | 'setPriority'
  | 'setStatus'
  | 'setCapacity'
>;

export interface AgentActionsOptions {
  transport: Transport<AgentServerToClientEvents, AgentClientToServerEvents>;
  applyConversation: (conversation: Conversation) => void;
  applyPresence: (presence: AgentPresence) => void;
}

export function createAgentActions(options: AgentActionsOptions): AgentActions {
  const { transport } = options;

  const conversation = async (request: Promise<Conversation>): Promise<Conversation> => {
    const result = await request;
    options.applyConversation(result);
    return result;
  };
  const presence = async (request: Promise<AgentPresence>): Promise<AgentPresence> => {
    const result = await request;
    options.applyPresence(result);
    return result;
  };

  return {
    accept: (conversationId) => conversation(transport.request('conversation:accept', { conversationId })),

    assign: (conversationId, agentId) =>
      conversation(transport.request('conversation:assign', { conversationId, agentId })),

    transfer: (conversationId, to, note) =>
      conversation(
        transport.request('conversation:transfer', {
          conversationId,
          to,
          // The payload is strict: leave the field out rather than send `undefined`.
          ...(note === undefined ? {} : { note }),
        }),
      ),

    resolve: (conversationId, reason, note) =>
      conversation(
        transport.request('conversation:resolve', {
          conversationId,
          reason,
          ...(note === undefined ? {} : { note }),
        }),
      ),

    reopen: (conversationId) => conversation(transport.request('conversation:reopen', { conversationId })),

    handBack: (conversationId, note) =>
      conversation(
        transport.request('conversation:hand_back', {
          conversationId,
          ...(note === undefined ? {} : { note }),
        }),
      ),

    setPriority: (conversationId, priority) =>
      conversation(transport.request('conversation:set_priority', { conversationId, priority })),

    setStatus: (status) => presence(transport.request('agent:set_status', { status })),

    setCapacity: (capacity) => presence(transport.request('agent:set_capacity', { capacity })),
  };
}
