// An outbound message as Send API requests: the text (cards as lines) in parts of at most 2,000
// characters, then one request per file by the URL Meta downloads it from. Quick replies go on
// the last request, because Messenger shows them under the newest message only.
import type { OutboundFile, OutboundMessage } from '../adapter.js';
import { splitText, withCards } from '../text-parts.js';

/** Messenger's limits: a message's text, a quick reply's title, quick replies on one message. */
const MAX_TEXT = 2000;
const MAX_TITLE = 20;
const MAX_QUICK_REPLIES = 13;

const ATTACHMENT_TYPE: Record<OutboundFile['kind'], string> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  document: 'file',
};

export function requestsFor(message: OutboundMessage): Record<string, unknown>[] {
  const contents: Record<string, unknown>[] = [
    ...splitText(withCards(message.text, message.cards), MAX_TEXT).map((text) => ({ text })),
    ...message.attachments.map((file) => ({
      // Meta fetches the file once; is_reusable would keep a copy for later sends we never make.
      attachment: { type: ATTACHMENT_TYPE[file.kind], payload: { url: file.url, is_reusable: false } },
    })),
  ];
  const last = contents.at(-1);
  if (last && message.quickReplies.length > 0) {
    last.quick_replies = message.quickReplies.slice(0, MAX_QUICK_REPLIES).map((reply) => ({
      content_type: 'text',
      title: reply.label.length > MAX_TITLE ? `${reply.label.slice(0, MAX_TITLE - 1)}…` : reply.label,
      // Tapping it sends the payload back with the message: the value, as the widget sends it.
      payload: reply.value,
    }));
  }
  return contents.map((content) => ({
    recipient: { id: message.to },
    // A reply within the 24-hour window that the person's last message opened.
    messaging_type: 'RESPONSE',
    message: content,
  }));
}
