// The rules / FAQ bot's brain, kept pure (no I/O, no clock) so every conversation can be replayed
// in a test: the same config, state and message always give the same decision.
import type { BotRule, RulesBotConfig } from '@switchboard/protocol';
import type { BotDecision, BotReplyOut } from '../types.js';
import { acceptAnswer, isKnown, retryText, type ContactFacts } from './fields.js';
import { botReply, withoutQuickReplies } from './replies.js';
import { INITIAL_STATE, type PendingThen, type RulesState } from './state.js';
import { handoffSummary, MAX_QUESTION, type HandoffReason } from './summary.js';
import { matchingKeywords, normalize, truncate } from './text.js';

export type { RulesState } from './state.js';

export interface RulesInput {
  text: string;
  contact: ContactFacts;
}

export interface RulesResult {
  decision: BotDecision;
  state: RulesState;
}

/** Said once the fields a rule asked for are in, when no handoff follows. */
export const COLLECTED_TEXT = 'Thanks, got it.';
/** Topics kept for the handoff summary; older ones matter less to the agent. */
const MAX_TOPICS = 10;

/** One turn being built; only this module mutates it, and only before it is returned. */
interface Turn {
  config: RulesBotConfig;
  input: RulesInput;
  /** The message, normalised for matching. */
  text: string;
  state: RulesState;
  replies: BotReplyOut[];
  /** Fields learned this turn. */
  collected: Record<string, string>;
}

export function runRules(config: RulesBotConfig, state: RulesState | null, input: RulesInput): RulesResult {
  const previous = state ?? INITIAL_STATE;
  const turn: Turn = {
    config,
    input,
    text: normalize(input.text),
    state: { ...previous, turns: previous.turns + 1, collected: { ...previous.collected } },
    replies: [],
    collected: {},
  };
  if (previous.pending) return answerPending(turn, previous.pending.fields, previous.pending.then);
  if (asksForHuman(turn)) return requestHuman(turn);
  const rule = bestRule(config.rules, turn.text);
  if (rule) return answerRule(turn, rule);
  if (isGreeting(turn)) return greet(turn);
  // The schema's contract: an opening message the bot cannot place is met with the greeting,
  // whose quick replies show what the bot can do, rather than with an apology.
  if (previous.turns === 0) {
    rememberQuestion(turn);
    return greet(turn);
  }
  return miss(turn, config.fallback.text);
}

/** The rule with the most keyword hits, then the longest matching keyword, then the first. */
export function bestRule(rules: readonly BotRule[], text: string): BotRule | null {
  let best: { rule: BotRule; hits: number; longest: number } | null = null;
  for (const rule of rules) {
    const hits = matchingKeywords(text, rule.keywords);
    if (hits.length === 0) continue;
    const longest = Math.max(...hits.map((hit) => hit.length));
    if (!best || hits.length > best.hits || (hits.length === best.hits && longest > best.longest))
      best = { rule, hits: hits.length, longest };
  }
  return best?.rule ?? null;
}

function asksForHuman({ config, text }: Turn): boolean {
  return (
    text === normalize(config.handoff.label) || matchingKeywords(text, config.handoff.phrases).length > 0
  );
}

function isGreeting({ config, text }: Turn): boolean {
  return matchingKeywords(text, config.greeting.keywords).length > 0;
}

function answerPending(turn: Turn, fields: readonly string[], then: PendingThen): RulesResult {
  const [name, ...rest] = fields;
  const field = turn.config.fields.find((f) => f.name === name);
  // A config edited mid-conversation may have dropped the field: move on rather than get stuck.
  if (!field) return continueCollecting(turn, rest, then);
  const answer = acceptAnswer(field, turn.input.text);
  // A valid email or order number is an answer even if it contains "agent"; free text is not
  // checked, so there a request for a person must win or the visitor could never leave.
  const answered = answer !== null && field.validate !== 'text';
  if (!answered && asksForHuman(turn)) return handOff(turn, 'visitor_request');
  if (answer === null) return miss(turn, retryText(field));
  turn.state.misses = 0;
  collect(turn, field.name, answer);
  return continueCollecting(turn, rest, then);
}

function continueCollecting(turn: Turn, fields: readonly string[], then: PendingThen): RulesResult {
  const missing = unknownFields(turn, fields);
  if (missing.length > 0) return ask(turn, missing, then);
  if (then.kind === 'handoff') return handOff(turn, then.reason);
  turn.state.pending = null;
  turn.replies.push(botReply(turn.config, COLLECTED_TEXT));
  return finish(turn);
}

function requestHuman(turn: Turn): RulesResult {
  turn.state.misses = 0;
  const missing = unknownFields(turn, turn.config.handoff.collect);
  if (missing.length > 0) return ask(turn, missing, { kind: 'handoff', reason: 'visitor_request' });
  return handOff(turn, 'visitor_request');
}

function answerRule(turn: Turn, rule: BotRule): RulesResult {
  turn.state.misses = 0;
  rememberQuestion(turn);
  rememberTopic(turn, rule.id);
  turn.replies.push(botReply(turn.config, rule.answer, rule.quickReplies, rule.cards));
  const missing = unknownFields(turn, rule.collect);
  const then: PendingThen = rule.handoff ? { kind: 'handoff', reason: 'bot_decision' } : { kind: 'none' };
  if (missing.length > 0) return ask(turn, missing, then);
  if (rule.handoff) return handOff(turn, 'bot_decision');
  return finish(turn);
}

function greet(turn: Turn): RulesResult {
  turn.state.misses = 0;
  turn.replies.push(botReply(turn.config, turn.config.greeting.text, turn.config.greeting.quickReplies));
  return finish(turn);
}

/** Something the bot could not use: apologise (`text`), or give up once the limit is reached. */
function miss(turn: Turn, text: string): RulesResult {
  turn.state.misses += 1;
  if (!turn.state.pending) rememberQuestion(turn);
  if (turn.state.misses >= turn.config.fallback.limit) return handOff(turn, 'fallback_limit');
  turn.replies.push(botReply(turn.config, text));
  return finish(turn);
}

function ask(turn: Turn, fields: readonly string[], then: PendingThen): RulesResult {
  const field = turn.config.fields.find((f) => f.name === fields[0]);
  if (!field) return continueCollecting(turn, fields.slice(1), then);
  turn.state.pending = { fields: [...fields], then };
  turn.replies.push(botReply(turn.config, field.prompt));
  return finish(turn);
}

function handOff(turn: Turn, reason: HandoffReason): RulesResult {
  const { config, state } = turn;
  state.pending = null;
  state.misses = 0;
  turn.replies.push({ text: config.handoff.text, quickReplies: [], cards: [] });
  const summary = handoffSummary({
    reason,
    lastQuestion: state.lastQuestion,
    topics: state.topics,
    collected: state.collected,
  });
  return finish(turn, {
    reason,
    summary,
    ...(config.handoff.queueId !== undefined && { queueId: config.handoff.queueId }),
    ...(config.handoff.skills.length > 0 && { skills: [...config.handoff.skills] }),
  });
}

function finish(turn: Turn, handoff?: BotDecision['handoff']): RulesResult {
  const decision: BotDecision = { replies: handoff ? withoutQuickReplies(turn.replies) : turn.replies };
  if (Object.keys(turn.collected).length > 0) decision.collected = turn.collected;
  if (handoff) decision.handoff = handoff;
  return { decision, state: turn.state };
}

function unknownFields(turn: Turn, names: readonly string[]): string[] {
  return names.filter((name) => !isKnown(name, turn.input.contact, turn.state.collected));
}

function collect(turn: Turn, name: string, value: string): void {
  turn.collected[name] = value;
  turn.state.collected[name] = value;
}

function rememberQuestion(turn: Turn): void {
  const question = turn.input.text.replace(/\s+/g, ' ').trim();
  if (question !== '') turn.state.lastQuestion = truncate(question, MAX_QUESTION);
}

function rememberTopic(turn: Turn, id: string): void {
  turn.state.topics = [...turn.state.topics.filter((topic) => topic !== id), id].slice(-MAX_TOPICS);
}
