// Mailgun's event webhooks (Sending › Webhooks, "Webhook Payloads"): a JSON post of
// `{ signature: { timestamp, token, signature }, "event-data": { … } }` for each event on a mail
// we sent through Mailgun. Its `message.headers["message-id"]` is our Message-ID without angle
// brackets, because Mailgun keeps the Message-ID an SMTP client sets.
import { z } from 'zod';
import type { InboundStatus } from '../adapter.js';
import type { MailgunSignature } from './mailgun-signature.js';
import { normalizeMessageId } from './threading.js';

const EventData = z.object({
  /** Unique per event ("within a day", Mailgun says: dedupe keys add the message and event too). */
  id: z.string().min(1),
  event: z.string(),
  severity: z.string().optional(),
  reason: z.string().optional(),
  message: z.object({ headers: z.object({ 'message-id': z.string().optional() }).optional() }).optional(),
  'delivery-status': z
    .object({
      code: z.union([z.number(), z.string()]).optional(),
      message: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
});
type EventData = z.infer<typeof EventData>;

const EventPost = z.object({ 'event-data': EventData });

/** The signature fields of a posted event; absent ones are left for `verifyMailgun` to refuse. */
export function eventSignature(body: unknown): MailgunSignature {
  const signature = (body as { signature?: Record<string, unknown> } | null)?.signature;
  // The documented example has the timestamp as a string, the field table as an int: take both.
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  return {
    timestamp: text(signature?.timestamp),
    token: text(signature?.token),
    signature: text(signature?.signature),
  };
}

/**
 * The delivery state an event moves our message to, or nothing. A temporary failure is not
 * one: Mailgun keeps retrying, and sends `delivered` or a permanent failure when it is done.
 * Throws on a body that is not an event post (→ 400).
 */
export function eventStatus(body: unknown): InboundStatus[] {
  const data = EventPost.parse(body)['event-data'];
  const messageExternalId = normalizeMessageId(data.message?.headers?.['message-id']);
  if (!messageExternalId) return [];
  const state = stateOf(data);
  if (!state) return [];
  return [
    {
      kind: 'status',
      externalId: `${messageExternalId}:${data.event}:${data.id}`,
      messageExternalId,
      state,
      ...(state === 'failed' && { error: failureReason(data) }),
    },
  ];
}

function stateOf(data: EventData): InboundStatus['state'] | null {
  if (data.event === 'delivered') return 'delivered';
  // Opens are seen through a tracking pixel, so only when the customer's client loads images.
  if (data.event === 'opened') return 'read';
  if (data.event === 'failed' && data.severity === 'permanent') return 'failed';
  return null;
}

/** What agents see on the message: the receiving server's answer when there is one. */
function failureReason(data: EventData): string {
  const status = data['delivery-status'];
  const said = [status?.message, status?.description]
    .map((text) => text?.trim() ?? '')
    .filter((text, index, all) => text !== '' && all.indexOf(text) === index)
    .join(' — ');
  const code = status?.code === undefined || status.code === '' ? '' : `${status.code} `;
  const why = data.reason ? ` (${data.reason})` : '';
  return `Mailgun could not deliver the mail${why}: ${code}${said || 'permanent failure'}`.trim();
}
