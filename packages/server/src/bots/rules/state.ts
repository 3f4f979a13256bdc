// What the rules bot remembers between turns. The bot runner stores it as JSON, so it is plain
// data, and it is validated on the way back in: a state written by an older version of the bot
// (or corrupted) restarts the conversation's memory instead of crashing the turn.
import { z } from 'zod';

const PendingThen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('handoff'), reason: z.enum(['visitor_request', 'bot_decision']) }),
  z.object({ kind: z.literal('none') }),
]);
export type PendingThen = z.infer<typeof PendingThen>;

export const RulesState = z.object({
  /** Turns the bot has answered in this conversation. */
  turns: z.number().int().min(0),
  /** Messages in a row the bot did not understand (invalid field answers included). */
  misses: z.number().int().min(0),
  /** Fields still to ask, the first one being the question just asked, and what comes after. */
  pending: z.object({ fields: z.array(z.string()).min(1), then: PendingThen }).nullable(),
  /** The visitor's last message that was not a greeting, a request for a human or a field answer. */
  lastQuestion: z.string().nullable(),
  /** Ids of the rules answered so far, oldest first. */
  topics: z.array(z.string()),
  /** Fields the bot collected in this conversation. */
  collected: z.record(z.string(), z.string()),
});
export type RulesState = z.infer<typeof RulesState>;

export const INITIAL_STATE: RulesState = {
  turns: 0,
  misses: 0,
  pending: null,
  lastQuestion: null,
  topics: [],
  collected: {},
};

/** The stored state if it has the expected shape, otherwise null (a fresh start). */
export function parseRulesState(stored: unknown): RulesState | null {
  const result = RulesState.safeParse(stored);
  return result.success ? result.data : null;
}
