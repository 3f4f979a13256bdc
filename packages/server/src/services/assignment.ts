import type { Conversation } from '@switchboard/protocol';
import type { EventBus } from '../domain/events.js';

/**
 * After an assignment commits: the assignment itself, and — when it took a conversation the bot
 * handed off (or an agent intervened in) — the handoff's acceptance, which mutes the bot.
 */
export function announceAssignment(
  bus: EventBus,
  { conversation, previous }: { conversation: Conversation; previous: Conversation },
  agentId: string,
): void {
  bus.publish('conversation.assigned', { conversation, agentId });
  const handoff = conversation.handoff;
  if (handoff?.acceptedAt && !previous.handoff?.acceptedAt) {
    bus.publish('handoff.accepted', { conversation, handoff, agentId });
  }
}
