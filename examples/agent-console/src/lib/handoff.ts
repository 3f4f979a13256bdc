// How the console puts a handoff into words: why the bot let go of a conversation, and how long
// the visitor has waited for a person since.
import type { Handoff, HandoffReason } from '@switchboard/protocol';
import { formatDuration } from './relative-time.js';

const REASON_TEXT: Record<HandoffReason, string> = {
  visitor_request: 'The visitor asked for a person.',
  bot_decision: 'The bot decided a person should take over.',
  fallback_limit: 'The bot did not understand the visitor, several times in a row.',
  agent_intervention: 'An agent intervened and took over from the bot.',
  bot_timeout: 'The bot failed or did not answer in time.',
};

/** Short enough for a badge in a list row. */
const REASON_BADGE: Record<HandoffReason, string> = {
  visitor_request: 'Asked for a person',
  bot_decision: 'Bot handed over',
  fallback_limit: 'Bot did not understand',
  agent_intervention: 'Agent intervened',
  bot_timeout: 'Bot failed',
};

/**
 * The reason as a sentence. The handoff does not say how many misses reached the fallback
 * limit; give `misses` when it is known and the sentence counts them.
 */
export function handoffReasonText(reason: HandoffReason, misses?: number): string {
  if (reason === 'fallback_limit' && misses !== undefined && misses > 0)
    return `The bot did not understand the visitor ${misses === 1 ? 'once' : `${misses} times`}.`;
  return REASON_TEXT[reason];
}

export function handoffReasonBadge(reason: HandoffReason): string {
  return REASON_BADGE[reason];
}

/** How long the visitor waited for a person, or has been waiting so far at `now`. */
export function handoffWaitText(handoff: Pick<Handoff, 'requestedAt' | 'acceptedAt'>, now: number): string {
  const requested = Date.parse(handoff.requestedAt);
  if (Number.isNaN(requested)) return '';
  if (handoff.acceptedAt === null) return `Waiting for ${formatDuration(now - requested)}`;
  const accepted = Date.parse(handoff.acceptedAt);
  if (Number.isNaN(accepted)) return '';
  return `Waited ${formatDuration(accepted - requested)}`;
}
