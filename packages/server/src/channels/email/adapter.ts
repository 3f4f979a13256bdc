// The email channel (docs/channels/email.md): mail comes in from a Mailgun route or as a raw
// signed MIME post, and replies leave over SMTP, threaded by Message-ID so that a conversation
// stays one however many mails go back and forth. Mailgun's event webhooks tell when a reply
// was delivered, opened or bounced.
import { createHash } from 'node:crypto';
import { verifySignature } from '../../bots/webhook/signature.js';
import { defineAdapter, type ChannelAdapter, type Verdict } from '../adapter.js';
import { emailRecipient } from './recipient.js';
import { bodyKind, readForm, readJson, textField } from './body-kind.js';
import { composeMail, outboundMessageId } from './compose.js';
import { EmailConfig } from './config.js';
import { toInboundMessage } from './inbound-mail.js';
import { eventSignature, eventStatus } from './mailgun-events.js';
import { parseMailgunForm } from './mailgun.js';
import { verifyMailgun, type MailgunSignature } from './mailgun-signature.js';
import { parseMime } from './mime.js';
import { createReplayGuard } from './replay-guard.js';
import { sendOverSmtp } from './smtp.js';

const refuse = (reason: string): Verdict => ({ ok: false, status: 401, reason });

/** Names a signing key without keeping the key itself in the replay guard. */
const keyId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** One per composition root: it holds the Mailgun tokens this server has seen. */
export function createEmailChannel(): ChannelAdapter<unknown> {
  const replays = createReplayGuard();

  return defineAdapter<EmailConfig>({
    channel: 'email',
    config: EmailConfig,
    recipient: emailRecipient,

    async verify(config, request, now) {
      const kind = bodyKind(request);
      if (kind === 'mime') {
        if (!config.mimeSecret) return refuse('Raw MIME delivery is not enabled for this account');
        const timestamp = request.headers.get('x-switchboard-timestamp') ?? '';
        const signature = request.headers.get('x-switchboard-signature');
        if (!signature) return refuse('x-switchboard-signature is missing');
        return verifySignature(config.mimeSecret, timestamp, request.rawBody, signature, { now })
          ? { ok: true }
          : refuse('The signature does not match the body, or the timestamp is stale');
      }
      if (kind === 'mailgun' || kind === 'mailgun-event') {
        if (!config.signingKey) return refuse('Mailgun delivery is not enabled for this account');
        let fields: MailgunSignature;
        if (kind === 'mailgun-event') {
          fields = eventSignature(readJson(request));
        } else {
          const form = await readForm(request).catch(() => null);
          if (!form) return refuse('The Mailgun form could not be read');
          fields = {
            timestamp: textField(form, 'timestamp'),
            token: textField(form, 'token'),
            signature: textField(form, 'signature'),
          };
        }
        // Tokens are remembered per signing key, so a capture cannot be replayed to another
        // account that shares the key either.
        return verifyMailgun(config.signingKey, fields, replays, keyId(config.signingKey), now);
      }
      return refuse('Expected a Mailgun form or event, or a signed message/rfc822 body');
    },

    async parse(_config, request) {
      const kind = bodyKind(request);
      if (kind === 'mailgun-event') return eventStatus(readJson(request));
      const mail =
        kind === 'mime' ? await parseMime(request.rawBody) : await parseMailgunForm(await readForm(request));
      // Answered (200) but not let in; see auto-reply.ts.
      return mail.automatic ? [] : [toInboundMessage(mail)];
    },

    async send(config, message) {
      const files = await Promise.all(
        message.attachments.map(async (file) => ({
          filename: file.name,
          contentType: file.contentType,
          content: Buffer.from(await file.read()),
        })),
      );
      await sendOverSmtp(config.smtpUrl, composeMail(config, message, files));
      return { externalId: outboundMessageId(config, message) };
    },
  });
}
