// Bot messages. Every message that keeps the visitor with the bot offers a way out to a person,
// so nobody is ever stuck with a bot that does not understand them.
import type { Card, QuickReply, RulesBotConfig } from '@switchboard/protocol';
import type { BotReplyOut } from '../types.js';

/** BotReply.quickReplies' limit. */
const MAX_QUICK_REPLIES = 10;

export function humanOption(config: RulesBotConfig): QuickReply {
  return { label: config.handoff.label, value: config.handoff.label };
}

/** `quickReplies` without repeats, then the "talk to a human" option, at most 10 in all. */
export function withHumanOption(config: RulesBotConfig, quickReplies: readonly QuickReply[]): QuickReply[] {
  const human = humanOption(config);
  const seen = new Set([human.value.toLowerCase()]);
  const own: QuickReply[] = [];
  for (const quickReply of quickReplies) {
    const key = quickReply.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    own.push(quickReply);
  }
  return [...own.slice(0, MAX_QUICK_REPLIES - 1), human];
}

export function botReply(
  config: RulesBotConfig,
  text: string,
  quickReplies: readonly QuickReply[] = [],
  cards: readonly Card[] = [],
): BotReplyOut {
  return { text, quickReplies: withHumanOption(config, quickReplies), cards: [...cards] };
}

/** The conversation is going to a person: buttons that talk to the bot would be dead ends. Cards stay: they are links, not questions to the bot. */
export function withoutQuickReplies(replies: readonly BotReplyOut[]): BotReplyOut[] {
  return replies.map((reply) => ({ ...reply, quickReplies: [] }));
}
