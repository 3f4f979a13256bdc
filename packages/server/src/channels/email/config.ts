// An email account's settings: how its inbound mail is authenticated (Mailgun's signing key, our
// own HMAC for raw MIME, or both) and the SMTP server its replies leave through.
import { z } from 'zod';

export const EmailConfig = z
  .strictObject({
    /** Mailgun's "HTTP webhook signing key"; enables Mailgun route deliveries. */
    signingKey: z.string().trim().min(16, 'use the Mailgun webhook signing key').optional(),
    /** HMAC key for raw `message/rfc822` posts (X-Switchboard-Signature); enables them. */
    mimeSecret: z.string().min(16, 'use a secret of at least 16 characters').optional(),
    /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS). */
    smtpUrl: z.url({ protocol: /^smtps?$/ }),
    /** The support address: replies come from it, and customers answer to it. */
    fromAddress: z.email(),
    /** The team's name, shown after the agent's in From (`Grace (Acme Support)`). */
    fromName: z.string().trim().min(1).max(100).optional(),
  })
  .refine((config) => config.signingKey !== undefined || config.mimeSecret !== undefined, {
    message: 'set signingKey (Mailgun), mimeSecret (raw MIME) or both',
    path: ['signingKey'],
  });
export type EmailConfig = z.infer<typeof EmailConfig>;
