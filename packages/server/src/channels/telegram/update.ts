// What Telegram POSTs to the webhook: one Update per request. Only new messages become events;
// edits, channel posts, callbacks and the rest are acknowledged and dropped (the webhook is
// registered with allowed_updates ["message"], so they should not come at all).
import { z } from 'zod';
import type { InboundEvent, InboundMedia, InboundMessage } from '../adapter.js';

const PhotoSize = z.object({
  file_id: z.string().min(1),
  width: z.number(),
  height: z.number(),
  file_size: z.number().optional(),
});

const Message = z.looseObject({
  message_id: z.number().int(),
  from: z
    .object({
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      username: z.string().optional(),
    })
    .optional(),
  chat: z.object({ id: z.number().int() }),
  /** Unix seconds. */
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(PhotoSize).optional(),
  document: z
    .object({
      file_id: z.string().min(1),
      file_name: z.string().optional(),
      mime_type: z.string().optional(),
    })
    .optional(),
});
type Message = z.infer<typeof Message>;

export const Update = z.object({
  update_id: z.number().int(),
  message: Message.optional(),
});

/** The message an Update carries, as an event; none for any other kind of update. */
export function eventsOf(update: z.infer<typeof Update>): InboundEvent[] {
  const message = update.message;
  if (!message) return [];
  const media = mediaOf(message);
  const text = message.text ?? message.caption ?? '';
  const name = nameOf(message.from);
  const event: InboundMessage = {
    kind: 'message',
    // Telegram redelivers an update with the same update_id until the webhook answers 200.
    externalId: `update:${update.update_id}`,
    address: String(message.chat.id),
    ...(name && { profile: { name } }),
    // A sticker, a voice note, a location…: the agent is told rather than shown an empty message.
    text: text === '' && media.length === 0 ? `[${kindOf(message)} message: not supported]` : text,
    media,
    sentAt: message.date * 1000,
  };
  return [event];
}

function mediaOf(message: Message): InboundMedia[] {
  const media: InboundMedia[] = [];
  // Telegram sends every size it made of a photo; the largest is the original.
  const largest = message.photo?.reduce((best, size) =>
    size.width * size.height > best.width * best.height ? size : best,
  );
  if (largest)
    media.push({ source: 'remote', ref: largest.file_id, name: `photo-${message.message_id}.jpg` });
  const document = message.document;
  if (document) {
    media.push({
      source: 'remote',
      ref: document.file_id,
      ...(document.file_name && { name: document.file_name }),
      ...(document.mime_type && { contentType: document.mime_type }),
    });
  }
  return media;
}

function nameOf(from: Message['from']): string | undefined {
  const full = [from?.first_name, from?.last_name].filter(Boolean).join(' ').trim();
  return full || from?.username || undefined;
}

/** Message kinds we do not bridge, named for the note to the agent. */
const OTHER_KINDS = [
  'sticker',
  'voice',
  'audio',
  'video',
  'video_note',
  'animation',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
] as const;

function kindOf(message: Message): string {
  return OTHER_KINDS.find((kind) => kind in message) ?? 'empty';
}
