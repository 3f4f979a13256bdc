// What both inbound formats (Mailgun's parsed fields, a raw MIME message) boil down to, and how
// that becomes the pipeline's InboundMessage: the sender's address is the contact's address
// (lowercased, as agents' outbound addresses are), the Message-ID the dedupe key, and the ids it
// answers the thread to join.
import type { InboundMedia, InboundMessage } from '../adapter.js';
import { stripQuotedReply } from './quoted.js';
import { derivedMessageIdFor, displaySubject, normalizeMessageId, parseIdList } from './threading.js';

export interface Mail {
  from: { address: string; name?: string | undefined };
  subject: string | undefined;
  /** The body as text; `quoteStripped` when the provider already cut the quoted history. */
  text: string;
  quoteStripped: boolean;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
  date: Date | undefined;
  /** An out-of-office notice, a vacation responder's or a bounce (see auto-reply.ts): not let in. */
  automatic: boolean;
  files: { name: string; contentType: string; bytes: Uint8Array }[];
}

export function toInboundMessage(mail: Mail): InboundMessage {
  const address = mail.from.address.trim().toLowerCase();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) throw new Error('the mail has no From address');
  const text = mail.quoteStripped ? mail.text.trim() : stripQuotedReply(mail.text);
  const subject = displaySubject(mail.subject);
  const sentAt = mail.date?.getTime();
  const externalId =
    normalizeMessageId(mail.messageId) ??
    derivedMessageIdFor(address, String(sentAt), mail.subject, mail.text);
  const name = mail.from.name?.trim();
  return {
    kind: 'message',
    externalId,
    address,
    profile: { email: address, ...(name && { name }) },
    text,
    media: mail.files.map((file): InboundMedia => ({
      source: 'inline',
      name: file.name,
      contentType: file.contentType,
      base64: Buffer.from(file.bytes).toString('base64'),
    })),
    thread: {
      ...(subject !== undefined && { subject }),
      references: parseIdList(mail.inReplyTo, mail.references),
    },
    ...(sentAt !== undefined && Number.isFinite(sentAt) && { sentAt }),
  };
}
