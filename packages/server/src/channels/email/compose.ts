// Turns an agent's or bot's message into the mail that leaves over SMTP, threaded so that the
// customer's client shows it under their mail and their answer comes back with our Message-ID in
// In-Reply-To / References.
import type { SendMailOptions } from 'nodemailer';
import type { OutboundMessage } from '../adapter.js';
import type { EmailConfig } from './config.js';

/** Long threads keep the first id and the latest ones, as RFC 5322 §3.6.4 suggests trimming. */
const MAX_REFERENCES = 20;

/** `<our message id@the support domain>`: the same on every retry, so a resend is recognisable. */
export function outboundMessageId(config: EmailConfig, message: OutboundMessage): string {
  const domain = config.fromAddress.split('@').pop() ?? 'localhost';
  return `<${message.messageId}@${domain}>`;
}

export function composeMail(
  config: EmailConfig,
  message: OutboundMessage,
  files: { filename: string; contentType: string; content: Buffer }[],
): SendMailOptions {
  const { subject, references } = message.thread;
  const answering = references.length > 0;
  const trimmed =
    references.length > MAX_REFERENCES
      ? [references[0] ?? '', ...references.slice(-(MAX_REFERENCES - 1))]
      : references;
  const name =
    config.fromName && config.fromName !== message.senderName
      ? `${message.senderName} (${config.fromName})`
      : message.senderName;
  return {
    from: { name, address: config.fromAddress },
    to: message.to,
    subject: answering ? `Re: ${subject ?? '(no subject)'}` : (subject ?? `Message from ${name}`),
    messageId: outboundMessageId(config, message),
    ...(answering && { inReplyTo: references.at(-1), references: trimmed }),
    text: textBody(message),
    attachments: files,
  };
}

/** Email has no buttons or cards: quick replies become a list to answer with, cards short blocks. */
export function textBody(message: Pick<OutboundMessage, 'text' | 'quickReplies' | 'cards'>): string {
  const parts = [message.text.trim()];
  if (message.quickReplies.length > 0)
    parts.push(
      ['You can reply with:', ...message.quickReplies.map((reply) => `- ${reply.label}`)].join('\n'),
    );
  for (const card of message.cards) {
    parts.push(
      [card.title, card.subtitle, card.price, card.url].filter((line) => line !== undefined).join('\n'),
    );
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
