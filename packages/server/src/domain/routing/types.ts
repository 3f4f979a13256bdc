// The routing engine's inputs and outputs. Everything under domain/routing is pure: no I/O, no
// clock, no randomness, so every strategy is deterministic under test.
import type { AgentStatus, Priority } from '@switchboard/protocol';

/** How a queue hands out conversations. */
export type RoutingStrategy = 'round_robin' | 'least_busy' | 'priority' | 'manual';

/** An agent as routing sees them at one instant. */
export interface Candidate {
  agentId: string;
  status: AgentStatus;
  /** Maximum conversations they own at once. */
  capacity: number;
  /** Conversations they own right now (active or pending), not a lifetime count. */
  load: number;
  skills: readonly string[];
  /** When they were last given a conversation (ms), null if never. */
  lastAssignedAt: number | null;
}

/** A conversation waiting in a queue. */
export interface Waiting {
  conversationId: string;
  priority: Priority;
  /** When it entered the queue (ms). */
  queuedAt: number;
  /** Only agents having every one of these may take it. */
  requiredSkills: readonly string[];
}

/** One decision: give this conversation to this agent. */
export interface Assignment {
  conversationId: string;
  agentId: string;
}

/** Per-queue memory a strategy may keep between decisions (round robin's position). */
export interface RoutingCursor {
  /** The agent who received the queue's last assignment. */
  lastAgentId: string | null;
}
