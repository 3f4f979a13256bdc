// An outbound message as Bot API calls: the text with sendMessage (cards as lines, quick replies
// as a one-time reply keyboard), each file with sendPhoto or sendDocument by the URL Telegram
// downloads it from. A short text rides on the first file as its caption.
import type { OutboundMessage } from '../adapter.js';
import { splitText, withCards } from '../text-parts.js';

export interface BotApiCall {
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument';
  body: Record<string, unknown>;
}

/** Telegram's limits on a message's text and on a file's caption. */
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

export function callsFor(message: OutboundMessage): BotApiCall[] {
  const chatId = message.to;
  const text = withCards(message.text, message.cards);
  const files = message.attachments;
  const caption = files.length > 0 && text !== '' && text.length <= MAX_CAPTION ? text : undefined;
  const calls: BotApiCall[] =
    caption === undefined
      ? splitText(text, MAX_TEXT).map((part) => ({
          method: 'sendMessage',
          body: { chat_id: chatId, text: part },
        }))
      : [];
  files.forEach((file, index) => {
    const photo = file.kind === 'image';
    calls.push({
      method: photo ? 'sendPhoto' : 'sendDocument',
      body: {
        chat_id: chatId,
        [photo ? 'photo' : 'document']: file.url,
        ...(index === 0 && caption !== undefined && { caption }),
      },
    });
  });
  const last = calls.at(-1);
  if (last && message.quickReplies.length > 0) {
    // Tapping a button sends its label as a message; the keyboard hides once used.
    last.body.reply_markup = {
      keyboard: message.quickReplies.map((reply) => [{ text: reply.label }]),
      one_time_keyboard: true,
      resize_keyboard: true,
    };
  }
  return calls;
}
