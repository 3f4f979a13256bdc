import type { VisitorState } from '../types.js';

/** A visitor client's state before it has a session: idle, empty. Frozen, so safe to share. */
export const INITIAL_VISITOR_STATE: VisitorState = Object.freeze({
  connection: 'idle',
  site: null,
  contact: null,
  conversation: null,
  messages: [],
  pending: [],
  error: null,
  hasOlder: false,
  queuePosition: null,
  agentTyping: null,
  readByAgentSeq: 0,
  deliveredToAgentSeq: 0,
  agents: Object.freeze({}),
  activity: Object.freeze([]),
});
