// Builds Mailgun event webhook posts (Sending › Webhooks) the way Mailgun's "Webhook Payloads"
// shows them: a JSON body with the signature beside the event-data, which carries the sent
// mail's Message-ID without angle brackets.
import { randomBytes } from 'node:crypto';
import { mailgunSignature, type Delivery, type MailgunSigning } from './deliveries.js';

export type MailgunEventKind = 'delivered' | 'opened' | 'permanent-failure' | 'temporary-failure' | 'clicked';

export interface MailgunEvent {
  kind: MailgunEventKind;
  /** As we stored it, `<id@domain>`; posted bare, as Mailgun does. */
  messageId: string;
  recipient?: string;
  /** For failures: the receiving server's answer. */
  deliveryStatus?: { code: number; message: string; description: string };
}

/** The `event-data` of one event, with the fields Mailgun's examples show. */
export function mailgunEventData(event: MailgunEvent): Record<string, unknown> {
  const recipient = event.recipient ?? 'ada@example.com';
  const common = {
    id: randomBytes(16).toString('base64url'),
    timestamp: Date.now() / 1000,
    recipient,
    'recipient-domain': recipient.split('@')[1],
    tags: [],
    'user-variables': {},
    envelope: { sender: 'support@acme.example', targets: recipient, transport: 'smtp' },
    flags: { 'is-authenticated': true, 'is-test-mode': false },
    message: {
      headers: {
        to: recipient,
        'message-id': event.messageId.replace(/^<|>$/g, ''),
        from: 'Acme Support <support@acme.example>',
        subject: 'Re: Order 42',
      },
      attachments: [],
      size: 1024,
    },
  };
  switch (event.kind) {
    case 'delivered':
      return {
        ...common,
        event: 'delivered',
        'log-level': 'info',
        'delivery-status': { code: 250, message: 'OK', description: '', 'attempt-no': 1, tls: true },
      };
    case 'opened':
      return {
        ...common,
        event: 'opened',
        'log-level': 'info',
        ip: '203.0.113.7',
        geolocation: { country: 'NL', region: 'NH', city: 'Amsterdam' },
        'client-info': { 'client-type': 'mobile browser', 'client-os': 'iOS', 'device-type': 'mobile' },
      };
    case 'permanent-failure':
    case 'temporary-failure': {
      const permanent = event.kind === 'permanent-failure';
      return {
        ...common,
        event: 'failed',
        'log-level': permanent ? 'error' : 'warn',
        severity: permanent ? 'permanent' : 'temporary',
        reason: permanent ? 'bounce' : 'generic',
        'delivery-status': {
          'attempt-no': 1,
          'session-seconds': 0.4,
          ...(event.deliveryStatus ??
            (permanent
              ? { code: 550, message: '5.1.1 No such user here', description: '' }
              : { code: 452, message: '4.2.2 Mailbox full', description: '' })),
        },
      };
    }
    case 'clicked':
      return { ...common, event: 'clicked', 'log-level': 'info', url: 'https://acme.example/track' };
  }
}

/** The signed JSON post of one event. */
export function mailgunEventDelivery(
  signingKey: string,
  eventData: Record<string, unknown>,
  signing: MailgunSigning = {},
): Delivery {
  const body = { signature: mailgunSignature(signingKey, signing), 'event-data': eventData };
  return {
    body: new TextEncoder().encode(JSON.stringify(body)),
    headers: { 'content-type': 'application/json' },
  };
}

/** Rewrites one field of a post's signature, to forge or replay it. */
export function withSignature(delivery: Delivery, change: Record<string, string>): Delivery {
  const body = JSON.parse(new TextDecoder().decode(delivery.body)) as { signature: Record<string, string> };
  body.signature = { ...body.signature, ...change };
  return { ...delivery, body: new TextEncoder().encode(JSON.stringify(body)) };
}
