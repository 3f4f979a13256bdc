import type { PendingMessage } from '@switchboard/agent-sdk';
import type { Conversation, Message } from '@switchboard/protocol';

/**
 * The bot message whose quick replies are on offer, if any: the latest message from a bot or an
 * agent, when a bot wrote it, offered replies, and still has the conversation. The visitor's own
 * message (sent or pending) after it, or an agent taking over, retires the buttons: they answer
 * the bot's last question only, and a person reading them later could not act on them.
 */
export function currentQuickReplies(
  messages: readonly Message[],
  pending: readonly PendingMessage[],
  status: Conversation['status'] | undefined,
): Message | null {
  if (status !== 'bot' || pending.length > 0) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    // System notices (and event rows) do not answer the bot.
    if (message.authorKind === 'system' || message.kind === 'event' || message.kind === 'note') continue;
    return message.authorKind === 'bot' && message.quickReplies.length > 0 ? message : null;
  }
  return null;
}
