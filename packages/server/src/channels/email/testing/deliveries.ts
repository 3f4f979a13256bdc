// Builds inbound email deliveries the way their senders do: a Mailgun route's signed form
// (urlencoded, or multipart with attachment-N files), and a raw MIME message composed by
// nodemailer's MailComposer, signed with X-Switchboard-Signature.
import { createHmac, randomBytes } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { signPayload } from '../../../bots/webhook/signature.js';

/** The test account's secrets and address: a key in Mailgun's format, and the raw MIME secret. */
export const SIGNING_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
export const MIME_SECRET = 'a-long-enough-mime-secret';
export const SUPPORT = 'support@acme.example';

export interface Delivery {
  body: Uint8Array;
  headers: Record<string, string>;
}

export interface MailgunSigning {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Default: 50 random characters, as Mailgun's. */
  token?: string;
}

export function mailgunSignature(signingKey: string, signing: MailgunSigning = {}) {
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const token = signing.token ?? randomBytes(25).toString('hex');
  const signature = createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
  return { timestamp, token, signature };
}

/** A Mailgun route POST: multipart when there are files (as Mailgun does), urlencoded otherwise. */
export async function mailgunDelivery(
  signingKey: string,
  fields: Record<string, string>,
  files: File[] = [],
  signing: MailgunSigning = {},
): Promise<Delivery> {
  const all = { ...fields, ...mailgunSignature(signingKey, signing) };
  if (files.length === 0) {
    return {
      body: new TextEncoder().encode(new URLSearchParams(all).toString()),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(all)) form.append(name, value);
  form.append('attachment-count', String(files.length));
  files.forEach((file, index) => form.append(`attachment-${index + 1}`, file, file.name));
  const request = new Request('http://mailgun.invalid/', { method: 'POST', body: form });
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

/** The parsed-fields form of a mail, with the headers Mailgun posts as fields of their own. */
export function mailgunFields(mail: {
  from: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string;
  strippedText?: string;
}): Record<string, string> {
  return {
    recipient: 'support@example.com',
    sender: mail.from.replace(/^.*<|>.*$/g, ''),
    from: mail.from,
    subject: mail.subject,
    'body-plain': mail.text,
    ...(mail.strippedText !== undefined && { 'stripped-text': mail.strippedText }),
    'Message-Id': mail.messageId,
    ...(mail.inReplyTo !== undefined && { 'In-Reply-To': mail.inReplyTo }),
    ...(mail.references !== undefined && { References: mail.references }),
  };
}

/** An RFC 5322 message as a mail client would send it. */
export async function composeMime(mail: Mail.Options): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

/** A raw MIME post to the webhook, signed with the account's mimeSecret. */
export function mimeDelivery(
  secret: string,
  raw: Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): Delivery {
  const stamp = String(timestamp);
  return {
    body: raw,
    headers: {
      'content-type': 'message/rfc822',
      'x-switchboard-timestamp': stamp,
      'x-switchboard-signature': signPayload(secret, stamp, raw),
    },
  };
}

/** A 1×1 PNG, which the attachment store accepts by its magic bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
