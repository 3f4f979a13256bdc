// The FAQ bot's brain, with no I/O: which answer a visitor's message gets, and when a person
// should take over. bot.ts wires it to the SDK.
import type { QuickReply } from '@switchboard/protocol';

export interface FaqEntry {
  id: string;
  /** Words or phrases (lower case) that point to this entry; more hits win. */
  keywords: readonly string[];
  text: string;
  quickReplies: readonly QuickReply[];
}

export type FaqAnswer =
  | { kind: 'answer'; entryId: string; text: string; quickReplies: QuickReply[] }
  | { kind: 'handoff'; reason: 'visitor_request' | 'fallback_limit'; summary: string }
  | { kind: 'unknown' };

/** Offered under every answer, so a person is always one tap away. */
export const TALK_TO_A_HUMAN: QuickReply = { label: 'Talk to a human', value: 'I want to talk to a human' };

export const FALLBACK_TEXT =
  "Sorry, I didn't get that. I can help with shipping, returns, opening hours, prices and passwords.";
export const HANDOFF_TEXT = "I'm connecting you with our team.";

/** After this many questions in a row the bot could not answer, a person takes over. */
export const MISSES_BEFORE_HANDOFF = 2;

const topics: QuickReply[] = [
  { label: 'Shipping', value: 'How long does shipping take?' },
  { label: 'Returns', value: 'How do returns work?' },
  TALK_TO_A_HUMAN,
];

export const FAQ: readonly FaqEntry[] = [
  {
    id: 'greeting',
    keywords: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening'],
    text: "Hi! I'm the FAQ bot. Ask me about shipping, returns, opening hours, prices or your password.",
    quickReplies: topics,
  },
  {
    id: 'shipping',
    keywords: ['shipping', 'ship', 'delivery', 'deliver', 'parcel', 'arrive', 'how long'],
    text: 'Orders ship within 1 business day; delivery takes 2 to 4 business days.',
    quickReplies: [{ label: 'Returns', value: 'How do returns work?' }, TALK_TO_A_HUMAN],
  },
  {
    id: 'returns',
    keywords: ['return', 'returns', 'refund', 'exchange', 'send back'],
    text: 'You can return anything within 30 days for a full refund. Start a return from your order page.',
    quickReplies: [{ label: 'Shipping', value: 'How long does shipping take?' }, TALK_TO_A_HUMAN],
  },
  {
    id: 'hours',
    keywords: ['hours', 'open', 'opening', 'closed', 'close', 'weekend'],
    text: 'Our team is here Monday to Friday, 9:00 to 18:00 CET. I answer around the clock.',
    quickReplies: [TALK_TO_A_HUMAN],
  },
  {
    id: 'prices',
    keywords: ['price', 'prices', 'pricing', 'cost', 'how much', 'discount', 'coupon'],
    text: 'Prices are on every product page, VAT included. Newsletter subscribers get 10% off their first order.',
    quickReplies: [TALK_TO_A_HUMAN],
  },
  {
    id: 'password',
    keywords: ['password', 'log in', 'login', 'sign in', 'locked out', 'reset'],
    text: 'Use "Forgot password" on the sign-in page; the reset link is valid for one hour.',
    quickReplies: [TALK_TO_A_HUMAN],
  },
];

/** Asking for a person in so many words: "a human", "an agent", "a real person", "talk to someone"… */
const HUMAN_REQUEST =
  /\b(humans?|agents?|person|representative|operator|(talk|speak) (to|with) (someone|somebody))\b/;

const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Whole words or phrases only: "hi" must not match "shipping". */
const contains = (text: string, phrase: string): boolean => ` ${text} `.includes(` ${phrase} `);

const quote = (text: string): string => `"${text.trim().slice(0, 200)}"`;

/**
 * The answer to one message, on its own: an FAQ entry, a handoff when the visitor asks for a
 * person, or `unknown`.
 */
export function answer(text: string, faq: readonly FaqEntry[] = FAQ): FaqAnswer {
  const normalized = normalize(text);
  if (HUMAN_REQUEST.test(normalized)) {
    return {
      kind: 'handoff',
      reason: 'visitor_request',
      summary: `The visitor asked for a person: ${quote(text)}`,
    };
  }
  let best: { entry: FaqEntry; hits: number } | null = null;
  for (const entry of faq) {
    const hits = entry.keywords.filter((keyword) => contains(normalized, keyword)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { entry, hits };
  }
  if (!best) return { kind: 'unknown' };
  return {
    kind: 'answer',
    entryId: best.entry.id,
    text: best.entry.text,
    quickReplies: [...best.entry.quickReplies],
  };
}

/** `answer`, plus the memory of what each conversation asked that the bot could not answer. */
export interface Faq {
  /** The answer for a conversation's next message; the second miss in a row becomes a handoff. */
  respond(conversationId: string, text: string): FaqAnswer;
  /** Starts a conversation over, e.g. when an agent hands it back. */
  forget(conversationId: string): void;
  /** How many conversations have a miss on record (only those are kept). */
  readonly tracked: number;
}

export function createFaq({
  faq = FAQ,
  missesBeforeHandoff = MISSES_BEFORE_HANDOFF,
}: { faq?: readonly FaqEntry[]; missesBeforeHandoff?: number } = {}): Faq {
  /** The unanswered questions in a row, per conversation; an answer or a handoff clears them. */
  const misses = new Map<string, string[]>();
  return {
    respond(conversationId, text) {
      const result = answer(text, faq);
      if (result.kind !== 'unknown') {
        misses.delete(conversationId);
        return result;
      }
      const missed = [...(misses.get(conversationId) ?? []), text];
      if (missed.length < missesBeforeHandoff) {
        misses.set(conversationId, missed);
        return result;
      }
      misses.delete(conversationId);
      return {
        kind: 'handoff',
        reason: 'fallback_limit',
        summary: `The bot could not answer ${missed.length} questions in a row: ${missed.map(quote).join(', ')}`,
      };
    },
    forget(conversationId) {
      misses.delete(conversationId);
    },
    get tracked() {
      return misses.size;
    },
  };
}
