// The generic webhook channel's wire format (docs/channels/webhook.md): what another system
// posts to us, and what we post to it.
import { z } from 'zod';

const Sender = z.object({
  /** The system's own id for the person: the conversation's address. */
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(120).optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(3).max(32).optional(),
});

const InboundFile = z.object({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().trim().min(1).max(255).optional(),
});

export const InboundDelivery = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    /** The system's id for the message: sending it again is harmless. */
    id: z.string().trim().min(1).max(200),
    from: Sender,
    text: z.string().max(10_000).default(''),
    attachments: z.array(InboundFile).max(10).default([]),
    /** Unix milliseconds. */
    timestamp: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('status'),
    /** The id the system answered our delivery with (or our `id`, when it answered none). */
    messageId: z.string().trim().min(1).max(200),
    status: z.enum(['delivered', 'read', 'failed']),
    error: z.string().max(1000).optional(),
  }),
]);
export type InboundDelivery = z.infer<typeof InboundDelivery>;

/** The body we POST for each agent's or bot's message. */
export interface OutboundDelivery {
  type: 'message';
  /** Our message id, the same on every retry. */
  id: string;
  conversationId: string;
  to: { id: string };
  from: { name: string };
  text: string;
  quickReplies: { label: string; value: string }[];
  cards: { title: string; subtitle?: string; imageUrl?: string; price?: string; url?: string }[];
  attachments: { url: string; name: string; contentType: string; size: number }[];
}
