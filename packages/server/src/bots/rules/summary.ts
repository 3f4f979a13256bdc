// The sentence an agent reads when the conversation reaches them: why the bot let go, what the
// visitor wanted and what the bot already learned, so the agent does not ask again.
import { truncate } from './text.js';

export type HandoffReason = 'visitor_request' | 'bot_decision' | 'fallback_limit';

export interface SummaryFacts {
  reason: HandoffReason;
  lastQuestion: string | null;
  topics: readonly string[];
  collected: Readonly<Record<string, string>>;
}

/** HandoffRequest.summary's limit. */
export const MAX_SUMMARY = 2000;
export const MAX_QUESTION = 200;
const MAX_VALUE = 100;

const OPENING: Record<HandoffReason, string> = {
  visitor_request: 'Visitor asked for a person.',
  bot_decision: 'The bot handed over after answering.',
  fallback_limit: 'The bot did not understand the visitor.',
};

export function handoffSummary(facts: SummaryFacts): string {
  const parts = [OPENING[facts.reason]];
  if (facts.lastQuestion) parts.push(`Visitor asked: "${facts.lastQuestion}".`);
  if (facts.topics.length > 0) parts.push(`Topics: ${facts.topics.join(', ')}.`);
  const fields = Object.entries(facts.collected);
  if (fields.length > 0) {
    const list = fields.map(([name, value]) => `${name}=${truncate(value, MAX_VALUE)}`).join(', ');
    parts.push(`Collected: ${list}.`);
  }
  return truncate(parts.join(' '), MAX_SUMMARY);
}
