// Turns a webhook bot's HTTP answer into what the bot runner applies.
import { BotTurn } from '@switchboard/protocol/schemas';
import type { z } from 'zod';
import { BotFailure, type BotDecision, type BotOutcome } from '../types.js';
import { MAX_RESPONSE_BYTES, type DeliveryResult } from './deliver.js';
import { redactUrl } from '../../lib/redact-url.js';

const MAX_LISTED_ISSUES = 3;

/**
 * 202, 204 or an empty 2xx body: the bot answers later over REST. A JSON body is a `BotTurn`
 * answered now, even with no replies and no handoff. Anything else is the bot's bug, reported
 * to agents as a {@link BotFailure}.
 */
export function toOutcome(result: DeliveryResult, url: string): BotOutcome {
  if (result.status === 202 || result.status === 204 || result.body.trim() === '')
    return { kind: 'deferred' };
  const invalid = (problem: string) =>
    new BotFailure(`The bot at ${redactUrl(url)} answered with an invalid body: ${problem}`);
  if (result.truncated) throw invalid(`larger than ${MAX_RESPONSE_BYTES / 1024} KiB`);
  let json: unknown;
  try {
    json = JSON.parse(result.body);
  } catch (error) {
    throw invalid(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const turn = BotTurn.safeParse(json);
  if (!turn.success) throw invalid(describeIssues(turn.error));
  return { kind: 'answered', decision: toDecision(turn.data) };
}

function toDecision(turn: z.output<typeof BotTurn>): BotDecision {
  const decision: BotDecision = {
    replies: turn.replies.map((reply) => ({
      text: reply.text,
      quickReplies: reply.quickReplies,
      cards: reply.cards,
    })),
  };
  if (turn.collected) decision.collected = turn.collected;
  if (turn.handoff) decision.handoff = turn.handoff;
  return decision;
}

function describeIssues(error: z.ZodError): string {
  const listed = error.issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')} (and ${more} more)` : listed.join('; ');
}
