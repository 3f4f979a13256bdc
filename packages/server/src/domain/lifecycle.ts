// The conversation state machine of DESIGN.md, as data. Services ask it which states an action
// may start from; the store enforces that under its write lock.
import type { ConversationStatus } from '@switchboard/protocol';

const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  // An agent may intervene in a bot conversation directly (bot → active).
  bot: ['queued', 'active', 'resolved'],
  // queued → queued is a transfer to another queue.
  queued: ['active', 'queued', 'abandoned', 'resolved'],
  // active → active is a transfer to another agent; → bot is a hand-back.
  active: ['active', 'pending', 'queued', 'resolved', 'bot'],
  pending: ['active', 'pending', 'queued', 'resolved', 'bot'],
  // The customer writing again reopens into the bot or the queue.
  resolved: ['bot', 'queued'],
  abandoned: ['bot', 'queued'],
};

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Every state from which `to` may be entered. */
export function statusesLeadingTo(to: ConversationStatus): ConversationStatus[] {
  return (Object.keys(TRANSITIONS) as ConversationStatus[]).filter((from) => canTransition(from, to));
}

/** Statuses in which an agent owns the conversation and it counts against their capacity. */
export const OWNED_STATUSES = ['active', 'pending'] as const satisfies readonly ConversationStatus[];
