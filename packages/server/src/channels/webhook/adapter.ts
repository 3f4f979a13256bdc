// The generic webhook channel: any system posts signed messages in and receives signed
// webhooks out, with the same signature scheme as every webhook we send
// (`x-switchboard-signature: sha256=HMAC(secret, timestamp + "." + body)`).
import { z } from 'zod';
import { signPayload, verifySignature } from '../../bots/webhook/signature.js';
import { ChannelSendError, defineAdapter, type InboundEvent } from '../adapter.js';
import { InboundDelivery, type OutboundDelivery } from './format.js';

const Config = z.strictObject({
  /** Shared HMAC key, both ways. */
  secret: z.string().min(16, 'use a secret of at least 16 characters'),
  /** Where our messages are POSTed. */
  url: z.url({ protocol: /^https?$/ }),
});
type Config = z.infer<typeof Config>;

const header = (headers: Headers, name: string) => headers.get(name) ?? '';

export const webhookChannel = defineAdapter<Config>({
  channel: 'webhook',
  config: Config,

  verify(config, request, now) {
    const timestamp = header(request.headers, 'x-switchboard-timestamp');
    const signature = header(request.headers, 'x-switchboard-signature');
    if (!signature) return { ok: false, status: 401, reason: 'x-switchboard-signature is missing' };
    return verifySignature(config.secret, timestamp, request.rawBody, signature, { now })
      ? { ok: true }
      : {
          ok: false,
          status: 401,
          reason: 'The signature does not match the body, or the timestamp is stale',
        };
  },

  parse(_config, request) {
    const body = JSON.parse(Buffer.from(request.rawBody).toString('utf8')) as unknown;
    const deliveries = z
      .array(InboundDelivery)
      .min(1)
      .max(100)
      .parse(Array.isArray(body) ? body : [body]);
    return deliveries.map((delivery): InboundEvent => {
      if (delivery.type === 'status') {
        return {
          kind: 'status',
          externalId: `${delivery.messageId}:${delivery.status}`,
          messageExternalId: delivery.messageId,
          state: delivery.status,
          ...(delivery.error !== undefined && { error: delivery.error }),
        };
      }
      const { from } = delivery;
      return {
        kind: 'message',
        externalId: delivery.id,
        address: from.id,
        profile: {
          ...(from.name !== undefined && { name: from.name }),
          ...(from.email !== undefined && { email: from.email }),
          ...(from.phone !== undefined && { phone: from.phone }),
        },
        text: delivery.text,
        media: delivery.attachments.map((file) => ({
          source: 'remote' as const,
          ref: file.url,
          ...(file.name !== undefined && { name: file.name }),
        })),
        ...(delivery.timestamp !== undefined && { sentAt: delivery.timestamp }),
      };
    });
  },

  async send(config, message, context) {
    const body: OutboundDelivery = {
      type: 'message',
      id: message.messageId,
      conversationId: message.conversationId,
      to: { id: message.to },
      from: { name: message.senderName },
      text: message.text,
      quickReplies: message.quickReplies.map(({ label, value }) => ({ label, value })),
      cards: message.cards,
      attachments: message.attachments.map(({ url, name, contentType, size }) => ({
        url,
        name,
        contentType,
        size,
      })),
    };
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(context.now() / 1000));
    let response: Response;
    try {
      response = await context.fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-switchboard-event': 'message.created',
          'x-switchboard-delivery': message.messageId,
          'x-switchboard-timestamp': timestamp,
          'x-switchboard-signature': signPayload(config.secret, timestamp, raw),
        },
        body: raw,
      });
    } catch (error) {
      throw new ChannelSendError(
        `POST ${new URL(config.url).origin}: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      throw new ChannelSendError(
        `The receiver answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
        retryable,
      );
    }
    // The receiver may answer with its own id for the message, which its status callbacks use.
    const answered = z.object({ id: z.string().min(1).max(200) }).safeParse(safeJson(text));
    return { externalId: answered.success ? answered.data.id : message.messageId };
  },

  async fetchMedia(_config, ref, context) {
    const response = await context.fetch(ref);
    if (!response.ok)
      throw new Error(`GET ${new URL(ref).origin}${new URL(ref).pathname}: ${response.status}`);
    const name = decodeURIComponent(new URL(ref).pathname.split('/').pop() ?? '') || 'file';
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      name,
    };
  },
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
