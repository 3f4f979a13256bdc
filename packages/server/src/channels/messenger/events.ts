// What Meta POSTs for a Page: entries of messaging events. A person's message becomes a message
// event, a delivery receipt a status per mid. Left out on purpose: echoes of what the Page sent
// (ours included), read receipts (they carry only a watermark, no message id: see
// docs/channels/messenger.md), postbacks and reactions.
import { z } from 'zod';
import type { InboundEvent, InboundMedia } from '../adapter.js';

const Attachment = z.object({
  type: z.string(),
  payload: z.object({ url: z.string().optional() }).nullish(),
});

const Message = z.object({
  mid: z.string().min(1),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  attachments: z.array(Attachment).optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
});

const Messaging = z.object({
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string() }),
  timestamp: z.number().optional(),
  message: Message.optional(),
  delivery: z.object({ mids: z.array(z.string().min(1)).optional(), watermark: z.number() }).optional(),
});

export const PageDelivery = z.object({
  object: z.literal('page'),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number().optional(),
      messaging: z.array(Messaging).default([]),
    }),
  ),
});
export type PageDelivery = z.infer<typeof PageDelivery>;

/** Attachment types whose payload.url is the file itself. */
const FILE_TYPES = new Set(['image', 'audio', 'video', 'file']);

export function eventsOf(pageId: string, delivery: PageDelivery): InboundEvent[] {
  // One app may serve several Pages through one webhook URL: another Page's events are not ours.
  const messaging = delivery.entry.filter((entry) => entry.id === pageId).flatMap((entry) => entry.messaging);
  return messaging.flatMap((event): InboundEvent[] => {
    if (event.delivery) {
      // Older Messenger clients send only a watermark, which names no message: nothing to map.
      return (event.delivery.mids ?? []).map((mid) => ({
        kind: 'status',
        externalId: `${mid}:delivered`,
        messageExternalId: mid,
        state: 'delivered',
      }));
    }
    const message = event.message;
    if (!message || message.is_echo) return [];
    const files = (message.attachments ?? []).filter(
      (attachment) => FILE_TYPES.has(attachment.type) && attachment.payload?.url,
    );
    const others = (message.attachments ?? []).filter((attachment) => !files.includes(attachment));
    const media = files.map((attachment): InboundMedia => {
      const url = attachment.payload?.url ?? '';
      return { source: 'remote', ref: url, name: fileName(url, attachment.type) };
    });
    // A tapped quick reply carries the value we sent as its payload, as the widget sends a value.
    const said = message.quick_reply?.payload ?? message.text ?? '';
    const notes = others.map((attachment) => `[${attachment.type} attachment: not supported]`);
    return [
      {
        kind: 'message',
        externalId: message.mid,
        address: event.sender.id,
        text: [said, ...notes].filter((part) => part !== '').join('\n'),
        media,
        ...(event.timestamp !== undefined && { sentAt: event.timestamp }),
      },
    ];
  });
}

/** The CDN URL's last path segment (`123_456_n.jpg`), or the attachment's type. */
function fileName(url: string, type: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return last || type;
  } catch {
    return type;
  }
}
