// A raw RFC 5322 message (the raw MIME endpoint, or Mailgun's `body-mime`) read with mailparser,
// which decodes the transfer encodings and charsets and turns an HTML-only body into text.
import { simpleParser } from 'mailparser';
import { isAutomaticReply } from './auto-reply.js';
import type { Mail } from './inbound-mail.js';

export async function parseMime(raw: Uint8Array | string): Promise<Mail> {
  const parsed = await simpleParser(typeof raw === 'string' ? raw : Buffer.from(raw));
  const from = parsed.from?.value[0];
  return {
    from: { address: from?.address ?? '', name: from?.name },
    subject: parsed.subject,
    text: parsed.text ?? '',
    quoteStripped: false,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    date: parsed.date,
    // mailparser keeps headers it does not structure (these ones) as strings.
    automatic: isAutomaticReply((name) => {
      const value = parsed.headers.get(name);
      return typeof value === 'string' ? value : undefined;
    }),
    files: parsed.attachments.map((attachment, index) => ({
      name: attachment.filename ?? `attachment-${index + 1}`,
      contentType: attachment.contentType,
      bytes: attachment.content,
    })),
  };
}
