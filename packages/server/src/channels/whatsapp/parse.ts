// A `messages` webhook delivery → our inbound events: one per message and one per status. Anything
// a customer can send becomes something an agent can read, even types we do not model.
import type { InboundEvent, InboundMedia, InboundMessage, InboundStatus } from '../adapter.js';
import type { WhatsAppConfig } from './config.js';
import { WebhookPayload, type WebhookMessage, type WebhookStatus } from './format.js';

const STATES = new Set<string>(['sent', 'delivered', 'read', 'failed']);

export function parseDelivery(config: WhatsAppConfig, rawBody: Uint8Array): InboundEvent[] {
  const payload = WebhookPayload.parse(JSON.parse(Buffer.from(rawBody).toString('utf8')));
  const events: InboundEvent[] = [];
  for (const entry of payload.entry) {
    for (const { field, value } of entry.changes) {
      // A Meta app has one callback URL for all its numbers: another number's traffic is not ours.
      if (field !== 'messages') continue;
      if (value.metadata && value.metadata.phone_number_id !== config.phoneNumberId) continue;
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const message of value.messages ?? []) events.push(toMessage(message, names.get(message.from)));
      for (const status of value.statuses ?? []) {
        const event = toStatus(status);
        if (event) events.push(event);
      }
    }
  }
  return events;
}

function toMessage(message: WebhookMessage, name: string | undefined): InboundMessage {
  const { text, media } = content(message);
  return {
    kind: 'message',
    externalId: message.id,
    address: message.from,
    profile: { ...(name && { name }), phone: `+${message.from}` },
    text,
    ...(media && { media: [media] }),
    sentAt: Number(message.timestamp) * 1000,
  };
}

function content(message: WebhookMessage): { text: string; media?: InboundMedia } {
  const { type } = message;
  if (type === 'text' && message.text) return { text: message.text.body };
  if (type === 'image' || type === 'document' || type === 'audio' || type === 'video' || type === 'sticker') {
    const file = message[type];
    if (file) {
      return {
        text: file.caption ?? '',
        media: {
          source: 'remote',
          ref: file.id,
          name: file.filename ?? `whatsapp-${type}.${extension(file.mime_type)}`,
          ...(file.mime_type && { contentType: file.mime_type }),
        },
      };
    }
  }
  if (type === 'location' && message.location) {
    const { latitude, longitude, name, address } = message.location;
    const place = [name, address].filter(Boolean).join(', ');
    return {
      text: `📍 ${place ? `${place} ` : ''}(${latitude}, ${longitude})\nhttps://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}`,
    };
  }
  if (type === 'interactive' && message.interactive) {
    const reply = message.interactive.button_reply ?? message.interactive.list_reply;
    if (reply) return { text: reply.title };
  }
  if (type === 'button' && message.button) return { text: message.button.text };
  if (type === 'reaction' && message.reaction) {
    return { text: message.reaction.emoji ? `Reacted ${message.reaction.emoji}` : 'Removed a reaction' };
  }
  return { text: `[a WhatsApp ${type} message, which Switchboard cannot show]` };
}

function toStatus(status: WebhookStatus): InboundStatus | null {
  // `deleted`, `warning` and whatever Meta adds later have no delivery state of ours.
  if (!STATES.has(status.status)) return null;
  const state = status.status as InboundStatus['state'];
  const error = state === 'failed' ? reason(status) : undefined;
  return {
    kind: 'status',
    externalId: `${status.id}:${state}`,
    messageExternalId: status.id,
    state,
    ...(error !== undefined && { error }),
  };
}

function reason(status: WebhookStatus): string {
  const [first] = status.errors ?? [];
  if (!first) return 'WhatsApp could not deliver the message';
  const title = first.title ?? first.message ?? 'WhatsApp could not deliver the message';
  const details = first.error_data?.details;
  const code = first.code !== undefined ? ` (${first.code})` : '';
  return details && details !== title ? `${title}${code}: ${details}` : `${title}${code}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
};

/** WhatsApp names no file but documents; the type gives the rest a sensible extension. */
function extension(mimeType: string | undefined): string {
  return EXTENSIONS[(mimeType ?? '').split(';')[0]?.trim() ?? ''] ?? 'bin';
}
