// One interface for every bot adapter (bots/<kind>/). The bot runner calls `handle` for each
// visitor message in a conversation the bot owns and applies what comes back; adapters never
// touch the store, so muting, idempotency and handoff live in one place (services/bot-runner.ts).
import type { BotKind, Card, Contact, Conversation, Message, QuickReply } from '@switchboard/protocol';

export interface BotReplyOut {
  text: string;
  quickReplies: QuickReply[];
  cards: Card[];
}

/** What a bot decided for one visitor message. */
export interface BotDecision {
  replies: BotReplyOut[];
  /** Contact fields learned this turn: `name` and `email` fill the contact, the rest become attributes. */
  collected?: Record<string, string>;
  handoff?: {
    reason: 'visitor_request' | 'bot_decision' | 'fallback_limit';
    summary: string;
    queueId?: string;
    skills?: string[];
  };
}

export interface BotTurnContext {
  /** Stable for one visitor message, across retries and restarts: the message's id. */
  deliveryId: string;
  conversation: Conversation;
  message: Message;
  contact: Contact;
  /** What this adapter stored for the conversation last time (null on the first turn). */
  state: unknown;
  signal: AbortSignal;
}

export type BotOutcome =
  /** Answered now; `state` is kept for the next turn. */
  | { kind: 'answered'; decision: BotDecision; state?: unknown }
  /** The answer comes later (REST or SDK socket); the reply timer guards against silence. */
  | { kind: 'deferred' };

/** Thrown by adapters for failures worth showing to agents (unreachable webhook, no SDK bot online). */
export class BotFailure extends Error {
  override readonly name = 'BotFailure';
}

export interface BotAdapter {
  readonly kind: BotKind;
  readonly name: string;
  handle(context: BotTurnContext): Promise<BotOutcome>;
  /** Why the bot might be silent (e.g. nobody connected), for the agent's view when it times out. */
  diagnose?(): string | null;
}
